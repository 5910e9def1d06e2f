#pragma once
// Unicode questions RFCs ask of certificate text, answered by ICU.

#include <cstddef>
#include <string_view>

namespace cpaudit {

// Whether UTF-8 text is in Unicode Normalization Form C (RFC 6818 asks it of
// a userNotice's explicitText). Invalid UTF-8 is not NFC.
bool IsNfc(std::string_view utf8);

// The number of characters of UTF-8 text (its octets that start one).
size_t Utf8Length(std::string_view utf8);

}  // namespace cpaudit
