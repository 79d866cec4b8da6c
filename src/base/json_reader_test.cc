#include "base/json_reader.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {

// The first problem as "line:col: message", or "".
std::string FirstProblem(const ParsedJson& doc) {
  if (doc.problems.empty()) return "";
  const auto& [pos, message] = doc.problems.front();
  return std::to_string(pos.line) + ":" + std::to_string(pos.col) + ": " + message;
}

}  // namespace

TEST_CASE("ParseJson reads objects, arrays and scalars with their positions") {
  ParsedJson doc = ParseJson(
      "{\"records\": [\n  {\"number\": \"INC1\", \"n\": -1.5e3, \"ok\": true, \"x\": null},\n"
      "  {\"tags\": [\"a\", \"b\"], \"empty\": {}}\n]}");
  REQUIRE(doc.problems.empty());
  CHECK(doc.complete);
  const JsonNode* records = doc.root.Find("records");
  REQUIRE(records);
  REQUIRE(records->type == JsonNode::Type::kArray);
  REQUIRE(records->items.size() == 2);
  const JsonNode& first = records->items[0];
  CHECK(first.pos.line == 2);
  CHECK(first.pos.col == 3);
  CHECK(first.Find("number")->text == "INC1");
  CHECK(first.Find("number")->pos.col == 14);
  CHECK(first.Find("n")->type == JsonNode::Type::kNumber);
  CHECK(first.Find("n")->text == "-1.5e3");
  CHECK(first.Find("ok")->text == "true");
  CHECK(first.Find("x")->type == JsonNode::Type::kNull);
  CHECK(first.Find("missing") == nullptr);
  const JsonNode* tags = records->items[1].Find("tags");
  REQUIRE(tags->items.size() == 2);
  CHECK(tags->items[1].text == "b");
  CHECK(tags->items[1].pos.line == 3);
  CHECK(tags->items[1].pos.col == 18);
  CHECK(records->items[1].Find("empty")->type == JsonNode::Type::kObject);
}

TEST_CASE("ParseJson unescapes strings, surrogate pairs as one code point") {
  ParsedJson doc =
      ParseJson(R"(["caf\u00e9", "\ud83d\ude00", "a\"b\\c\/d\n\t", "\u20AC", "grüße"])");
  REQUIRE(doc.problems.empty());
  REQUIRE(doc.root.items.size() == 5);
  CHECK(doc.root.items[0].text == "caf\xC3\xA9");
  CHECK(doc.root.items[1].text == "\xF0\x9F\x98\x80");
  CHECK(doc.root.items[2].text == "a\"b\\c/d\n\t");
  CHECK(doc.root.items[3].text == "\xE2\x82\xAC");
  CHECK(doc.root.items[4].text == "grüße");
}

TEST_CASE("ParseJson skips a byte order mark and counts CRLF lines") {
  ParsedJson doc = ParseJson("\xEF\xBB\xBF[\r\n1,\r\n  2]");
  REQUIRE(doc.problems.empty());
  CHECK(doc.root.items[1].pos.line == 3);
  CHECK(doc.root.items[1].pos.col == 3);
}

TEST_CASE("ParseJson stops at the first syntax error, at its position") {
  CHECK(FirstProblem(ParseJson("{\"a\": 1,\n \"b\": 2,\n}")) ==
        "3:1: expected a key in double quotes, got '}'");
  CHECK(FirstProblem(ParseJson("[1 2]")) == "1:4: expected ',' or ']' in an array, got '2'");
  CHECK(FirstProblem(ParseJson("{\"a\" 1}")) == "1:6: expected ':' after the key, got '1'");
  CHECK(FirstProblem(ParseJson("[\"open")) == "1:7: the string is never closed");
  CHECK(FirstProblem(ParseJson("[\"two\nlines\"]")) ==
        "1:6: the string is never closed on its line");
  CHECK(FirstProblem(ParseJson("[\"\\x\"]")) == "1:3: unknown escape '\\x' in a string");
  CHECK(FirstProblem(ParseJson("[\"\\ud83d x\"]")) ==
        "1:3: a high surrogate '\\uD83D' without a low one");
  CHECK(FirstProblem(ParseJson("[\"\\ude00\"]")) ==
        "1:3: a low surrogate '\\uDE00' without a high one");
  CHECK(FirstProblem(ParseJson("[\"a\\u0000b\"]")) == "1:4: a NUL character '\\u0000' in a string");
  CHECK(FirstProblem(ParseJson("[\"\\u12g4\"]")) ==
        "1:7: expected four hex digits after '\\u', got 'g'");
  CHECK(FirstProblem(ParseJson("[01]")) == "1:3: expected ',' or ']' in an array, got '1'");
  CHECK(FirstProblem(ParseJson("[1.]")) == "1:4: expected a digit after '.', got ']'");
  CHECK(FirstProblem(ParseJson("// no comments\n[]")) ==
        "1:1: expected a value (an object, array, string, number, true, false or null), got '/'");
  CHECK(FirstProblem(ParseJson("[] []")) == "1:4: text after the JSON value: '['");
  CHECK(FirstProblem(ParseJson("  ")) == "1:3: the file holds no JSON value");
  CHECK(FirstProblem(ParseJson("{\"a\": [1, ")) ==
        "1:11: expected a value, got the end of the file");
  ParsedJson bad = ParseJson("[tru]");
  CHECK_FALSE(bad.complete);
  CHECK(bad.problems.size() == 1);
}

TEST_CASE("ParseJson reports every repeated key, at the repeated value") {
  ParsedJson doc = ParseJson("{\"a\": 1, \"b\": 2,\n \"a\": 3, \"a\": 4}");
  CHECK(doc.complete);
  REQUIRE(doc.problems.size() == 2);
  CHECK(FirstProblem(doc) == "2:7: the key 'a' again (first at line 1)");
  CHECK(doc.root.Find("a")->text == "1");
}

TEST_CASE("ParseJson refuses nesting deeper than 256 levels without overflowing") {
  std::string deep(100000, '[');
  ParsedJson doc = ParseJson(deep);
  CHECK_FALSE(doc.complete);
  CHECK(FirstProblem(doc) == "1:257: nesting deeper than 256 levels");
  CHECK(ParseJson(std::string(256, '[') + std::string(256, ']')).problems.empty());
}

}  // namespace smsdoc
