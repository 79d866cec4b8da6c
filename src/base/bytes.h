#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

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

/// A diagnostic through bytes, so a worker process or the build cache can
/// hand back what was reported.
inline void WriteDiagnostic(ByteWriter& out, const Diagnostic& d) {
  out.Text(d.path);
  out.Int(d.pos.line);
  out.Int(d.pos.col);
  out.Int(d.severity == Severity::kError ? 0 : 1);
  out.Text(d.message);
  out.Text(d.code);
}

inline Diagnostic ReadDiagnostic(ByteReader& in) {
  Diagnostic d;
  d.path = in.Text();
  d.pos.line = static_cast<int>(in.Int());
  d.pos.col = static_cast<int>(in.Int());
  d.severity = in.Int() == 0 ? Severity::kError : Severity::kWarning;
  d.message = in.Text();
  d.code = in.Text();  // written by WriteDiagnostic from a code reported elsewhere
  return d;
}

}  // namespace smsdoc
