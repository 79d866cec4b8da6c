#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace smsdoc {

/// Plain data to bytes and back, for results passed between processes:
/// integers as 8 bytes in this machine's order, strings with their length
/// first. Not a file format (no versioning, same binary at both ends).
class ByteWriter {
 public:
  void Int(int64_t value) { bytes_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void Text(std::string_view text) {
    Int(static_cast<int64_t>(text.size()));
    bytes_.append(text);
  }
  std::string Take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

/// Reads what a ByteWriter wrote; once a read runs past the end, ok() is
/// false and every later read gives 0 or "".
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  int64_t Int() {
    int64_t value = 0;
    if (!Need(sizeof value)) return 0;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string Text() {
    int64_t size = Int();
    if (size < 0 || !Need(static_cast<size_t>(size))) return {};
    std::string text(bytes_.substr(at_, static_cast<size_t>(size)));
    at_ += static_cast<size_t>(size);
    return text;
  }
  bool ok() const { return ok_; }
  bool AtEnd() const { return ok_ && at_ == bytes_.size(); }

 private:
  bool Need(size_t size) {
    if (!ok_ || bytes_.size() - at_ < size) ok_ = false;
    return ok_;
  }
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace smsdoc
