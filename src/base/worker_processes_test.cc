#include "base/worker_processes.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <string>

namespace smsdoc {

namespace {

std::string Square(size_t i) { return std::to_string(i * i) + "|" + std::string(i % 7, 'x'); }

}  // namespace

TEST_CASE("MapInProcesses: every result by index, whatever the process count") {
  std::vector<size_t> cost(500);
  for (size_t i = 0; i < cost.size(); ++i) cost[i] = i % 13 == 0 ? 5000 : 1;
  std::vector<std::string> one = MapInProcesses(cost.size(), 1, cost, Square);
  REQUIRE(one.size() == 500);
  for (size_t i = 0; i < one.size(); ++i) CHECK(one[i] == Square(i));
  for (int jobs : {2, 3, 8}) CHECK(MapInProcesses(cost.size(), jobs, cost, Square) == one);
  CHECK(MapInProcesses(0, 4, {}, Square).empty());
  CHECK(MapInProcesses(2, 8, {}, Square) == std::vector<std::string>{"0|", "1|x"});
}

TEST_CASE("MapInProcesses: results made in another process, large ones whole") {
  const pid_t self = getpid();
  auto where = [&](size_t i) {
    return std::string(i == 3 ? 1 << 20 : 10, 'a') + (getpid() == self ? "here" : "worker");
  };
  std::vector<std::string> r = MapInProcesses(4, 2, {1, 1, 1, 1}, where);
  CHECK(r[0].substr(10) == "here");
  CHECK(r[3].size() == (1u << 20) + 6);
  CHECK(r[3].substr(1 << 20) == "worker");
}

TEST_CASE("MapInProcesses: a worker that dies has its share made here") {
  const pid_t self = getpid();
  auto fragile = [&](size_t i) {
    if (i == 7 && getpid() != self) _exit(3);  // the worker dies mid-share
    return Square(i);
  };
  std::vector<std::string> r = MapInProcesses(10, 2, std::vector<size_t>(10, 1), fragile);
  for (size_t i = 0; i < r.size(); ++i) CHECK(r[i] == Square(i));
}

}  // namespace smsdoc
