#include "adapters/sha256.h"

#include <doctest/doctest.h>

namespace smsdoc {

// FIPS 180-2 / NIST test vectors.
TEST_CASE("SHA-256 of the known vectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 fed in pieces equals the digest of the whole") {
  Sha256 hash;
  hash.Update("ab");
  hash.Update("");
  hash.Update("c");
  CHECK(hash.HexDigest() == Sha256Hex("abc"));
  CHECK(Sha256Hex(std::string("a\0b", 3)) != Sha256Hex("ab"));  // bytes, not C strings
}

}  // namespace smsdoc
