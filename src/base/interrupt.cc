#include "base/interrupt.h"

#include <csignal>
#include <iterator>

namespace smsdoc {

namespace {

volatile std::sig_atomic_t g_signal = 0;
// A closed terminal (SIGHUP) and a reader gone from our pipe (SIGPIPE) end
// a build like Ctrl-C does: the fresh folder removed, the previous site kept.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
constexpr size_t kCount = std::size(kSignals);
struct sigaction g_previous[kCount];

extern "C" void OnSignal(int signal) { g_signal = signal; }

volatile std::sig_atomic_t g_stop = 0;
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr size_t kStopCount = std::size(kStopSignals);
struct sigaction g_before_stop[kStopCount];

extern "C" void OnStop(int) { g_stop = 1; }

// Installs `handler` one-shot for `signals`, saving what was there in
// `previous`; a signal ignored stays ignored.
void Install(const int* signals, size_t count, struct sigaction* previous, void (*handler)(int)) {
  for (size_t i = 0; i < count; ++i) {
    sigaction(signals[i], nullptr, &previous[i]);
    if (previous[i].sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = handler;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(signals[i], &action, nullptr);
  }
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_signal = 0;
  Install(kSignals, kCount, g_previous, OnSignal);
}

InterruptGuard::~InterruptGuard() {
  for (size_t i = 0; i < kCount; ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
}

int InterruptSignal() { return g_signal; }

StopGuard::StopGuard() {
  g_stop = 0;
  Install(kStopSignals, kStopCount, g_before_stop, OnStop);
}

StopGuard::~StopGuard() {
  for (size_t i = 0; i < kStopCount; ++i) sigaction(kStopSignals[i], &g_before_stop[i], nullptr);
}

bool StopRequested() { return g_stop != 0; }

const char* SignalName(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    case SIGPIPE: return "SIGPIPE";
    default: return "a signal";
  }
}

}  // namespace smsdoc
