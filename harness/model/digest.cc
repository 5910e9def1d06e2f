#include "harness/model/digest.h"

#include <openssl/sha.h>

#include <cstdint>

#include "harness/model/byte_view.h"

namespace cpaudit {

std::string Sha256Hex(std::string_view bytes) {
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), digest);
  return HexEncode(ByteView(digest, sizeof digest));
}

}  // namespace cpaudit
