#pragma once
// SHA-256 of bytes, as lowercase hex: the evidence manifest, the pack digest
// and the report's document id.

#include <string>
#include <string_view>

namespace cpaudit {

std::string Sha256Hex(std::string_view bytes);

}  // namespace cpaudit
