#include "base/json_reader.h"

#include <algorithm>

#include "base/utf8.h"

namespace smsdoc {

namespace {

constexpr int kMaxDepth = 256;

// Thrown at the first syntax error; caught in ParseJson only.
struct SyntaxError {
  Pos pos;
  std::string message;
};

class JsonParser {
 public:
  JsonParser(std::string_view text, ParsedJson& doc) : text_(text), doc_(doc) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = line_start_ = 3;
  }

  void Parse() {
    SkipSpace();
    if (i_ >= text_.size()) Fail("the file holds no JSON value");
    ReadValue(doc_.root, 0);
    SkipSpace();
    if (i_ < text_.size()) Fail("text after the JSON value: " + Shown());
  }

 private:
  Pos Here() const { return {line_, static_cast<int>(i_ - line_start_) + 1}; }

  [[noreturn]] void Fail(std::string message) const {
    throw SyntaxError{Here(), std::move(message)};
  }

  // The character at the cursor, as a message shows it.
  std::string Shown() const {
    if (i_ >= text_.size()) return "the end of the file";
    unsigned char c = static_cast<unsigned char>(text_[i_]);
    if (c < 0x20) return "a control character";
    size_t end = i_;
    DecodeUtf8(text_, end);
    std::string shown(1, '\'');
    shown.append(text_.substr(i_, end - i_));
    shown += '\'';
    return shown;
  }

  void SkipSpace() {
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == '\n') {
        ++line_;
        line_start_ = ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else {
        break;
      }
    }
  }

  void Expect(char c, const char* what) {
    SkipSpace();
    if (i_ >= text_.size() || text_[i_] != c)
      Fail(std::string("expected ") + what + ", got " + Shown());
    ++i_;
  }

  void ReadValue(JsonNode& v, int depth) {
    v.pos = Here();
    if (i_ >= text_.size()) Fail("expected a value, got the end of the file");
    char c = text_[i_];
    if (c == '{' || c == '[') {
      if (depth >= kMaxDepth) Fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
      if (c == '{')
        ReadObject(v, depth + 1);
      else
        ReadArray(v, depth + 1);
    } else if (c == '"') {
      v.type = JsonNode::Type::kString;
      ReadString(v.text);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonNode::Type::kNumber;
      ReadNumber(v.text);
    } else if (ReadWord("true") || ReadWord("false")) {
      v.type = JsonNode::Type::kBool;
      v.text = c == 't' ? "true" : "false";
    } else if (ReadWord("null")) {
      v.type = JsonNode::Type::kNull;
    } else {
      Fail("expected a value (an object, array, string, number, true, false or null), got " +
           Shown());
    }
  }

  bool ReadWord(std::string_view word) {
    if (text_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  void ReadObject(JsonNode& v, int depth) {
    v.type = JsonNode::Type::kObject;
    ++i_;
    SkipSpace();
    if (i_ < text_.size() && text_[i_] == '}') {
      ++i_;
      return;
    }
    while (true) {
      SkipSpace();
      if (i_ >= text_.size() || text_[i_] != '"')
        Fail("expected a key in double quotes, got " + Shown());
      std::string key;
      ReadString(key);
      Expect(':', "':' after the key");
      SkipSpace();
      v.keys.push_back(std::move(key));
      ReadValue(v.items.emplace_back(), depth);
      SkipSpace();
      if (i_ < text_.size() && text_[i_] == ',') {
        ++i_;
        continue;
      }
      Expect('}', "',' or '}' in an object");
      ReportDuplicateKeys(v);
      return;
    }
  }

  // Sorted rather than compared pairwise: Jira's issues have a hundred
  // fields and more.
  void ReportDuplicateKeys(const JsonNode& v) {
    if (v.keys.size() < 2) return;
    std::vector<size_t> order(v.keys.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      int c = v.keys[a].compare(v.keys[b]);
      return c != 0 ? c < 0 : a < b;
    });
    size_t first_of_run = order[0];
    for (size_t k = 1; k < order.size(); ++k) {
      size_t again = order[k];
      if (v.keys[first_of_run] != v.keys[again])
        first_of_run = again;
      else
        doc_.problems.emplace_back(v.items[again].pos,
                                   "the key '" + v.keys[again] + "' again (first at line " +
                                       std::to_string(v.items[first_of_run].pos.line) + ")");
    }
  }

  void ReadArray(JsonNode& v, int depth) {
    v.type = JsonNode::Type::kArray;
    ++i_;
    SkipSpace();
    if (i_ < text_.size() && text_[i_] == ']') {
      ++i_;
      return;
    }
    while (true) {
      SkipSpace();
      ReadValue(v.items.emplace_back(), depth);
      SkipSpace();
      if (i_ < text_.size() && text_[i_] == ',') {
        ++i_;
        continue;
      }
      Expect(']', "',' or ']' in an array");
      return;
    }
  }

  void ReadNumber(std::string& out) {
    size_t start = i_;
    auto digits = [&] {
      size_t from = i_;
      while (i_ < text_.size() && text_[i_] >= '0' && text_[i_] <= '9') ++i_;
      return i_ - from;
    };
    if (text_[i_] == '-') ++i_;
    if (i_ < text_.size() && text_[i_] == '0') {
      ++i_;
    } else if (digits() == 0) {
      Fail("expected a digit, got " + Shown());
    }
    if (i_ < text_.size() && text_[i_] == '.') {
      ++i_;
      if (digits() == 0) Fail("expected a digit after '.', got " + Shown());
    }
    if (i_ < text_.size() && (text_[i_] == 'e' || text_[i_] == 'E')) {
      ++i_;
      if (i_ < text_.size() && (text_[i_] == '+' || text_[i_] == '-')) ++i_;
      if (digits() == 0) Fail("expected a digit in the exponent, got " + Shown());
    }
    out.assign(text_.substr(start, i_ - start));
  }

  unsigned ReadHex4() {
    unsigned cp = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      char c = i_ < text_.size() ? text_[i_] : '\0';
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) Fail("expected four hex digits after '\\u', got " + Shown());
      cp = cp * 16 + static_cast<unsigned>(d);
    }
    return cp;
  }

  // At '"': the string up to its closing quote, unescaped.
  void ReadString(std::string& out) {
    ++i_;
    while (true) {
      size_t run = i_;
      while (i_ < text_.size() && text_[i_] != '"' && text_[i_] != '\\' &&
             static_cast<unsigned char>(text_[i_]) >= 0x20)
        ++i_;
      out.append(text_.substr(run, i_ - run));
      if (i_ >= text_.size()) Fail("the string is never closed");
      char c = text_[i_];
      if (c == '"') {
        ++i_;
        return;
      }
      if (c != '\\')
        Fail(c == '\n' ? "the string is never closed on its line"
                       : "a control character in a string; write it as an escape");
      ++i_;
      char e = i_ < text_.size() ? text_[i_] : '\0';
      Pos escape = {line_, static_cast<int>(i_ - line_start_)};
      ++i_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = ReadHex4();
          // As in every text input (docs/content-model.md): no NUL, which
          // C strings (libxlsxwriter's among them) would cut short.
          if (cp == 0) throw SyntaxError{escape, "a NUL character '\\u0000' in a string"};
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            throw SyntaxError{escape, "a low surrogate '\\u" + Hex(cp) + "' without a high one"};
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!ReadWord("\\u"))
              throw SyntaxError{escape, "a high surrogate '\\u" + Hex(cp) + "' without a low one"};
            unsigned low = ReadHex4();
            if (low < 0xDC00 || low > 0xDFFF)
              throw SyntaxError{escape, "a high surrogate '\\u" + Hex(cp) + "' without a low one"};
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          throw SyntaxError{escape,
                            static_cast<unsigned char>(e) < 0x20
                                ? std::string("an unknown escape in a string")
                                : "unknown escape '\\" + std::string(1, e) + "' in a string"};
      }
    }
  }

  static std::string Hex(unsigned cp) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s(4, '0');
    for (int k = 3; k >= 0; --k, cp >>= 4) s[static_cast<size_t>(k)] = kDigits[cp & 15];
    return s;
  }

  std::string_view text_;
  ParsedJson& doc_;
  size_t i_ = 0, line_start_ = 0;
  int line_ = 1;
};

}  // namespace

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (size_t k = 0; k < keys.size(); ++k)
    if (keys[k] == key) return &items[k];
  return nullptr;
}

ParsedJson ParseJson(std::string_view text) {
  ParsedJson doc;
  try {
    JsonParser(text, doc).Parse();
  } catch (const SyntaxError& e) {
    doc.problems.emplace_back(e.pos, e.message);
    doc.complete = false;
  }
  return doc;
}

}  // namespace smsdoc
