#pragma once
// Unicode questions RFCs ask of certificate text, answered by ICU.

#include <string_view>

namespace cpaudit {

// Whether UTF-8 text is in Unicode Normalization Form C (RFC 6818 asks it of
// a userNotice's explicitText). Invalid UTF-8 is not NFC.
bool IsNfc(std::string_view utf8);

}  // namespace cpaudit
