#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace smsdoc {

/// SHA-256 through OpenSSL's libcrypto (the only file that sees it).
/// Feed bytes in pieces with Update, then read HexDigest once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  /// The digest as 64 lower-case hex digits; ends the hashing.
  std::string HexDigest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace smsdoc
