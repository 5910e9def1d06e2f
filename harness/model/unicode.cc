#include "harness/model/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace cpaudit {

bool IsNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  // fromUTF8 turns invalid sequences into U+FFFD; round-tripping tells them apart.
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string back;
  text.toUTF8String(back);
  if (back != utf8) return false;
  bool normalized = nfc->isNormalized(text, status);
  return U_SUCCESS(status) && normalized;
}

size_t Utf8Length(std::string_view utf8) {
  return static_cast<size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

}  // namespace cpaudit
