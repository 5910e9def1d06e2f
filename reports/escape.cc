#include "reports/escape.h"

#include <fmt/format.h>

#include <cctype>

namespace cpaudit {
namespace {

// The length of the well-formed UTF-8 sequence at text[pos] (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF) and its code point;
// 0 when the byte there does not start one.
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* cp) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // the allowed range of the second byte
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    length = 2;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 == 0xe0) low = 0xa0;
    if (b0 == 0xed) high = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 == 0xf0) low = 0x90;
    if (b0 == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  char32_t value = b0 & (0x7f >> length);
  for (size_t i = 1; i < length; ++i) {
    unsigned char b = byte(pos + i);
    if (i == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xbf)) return 0;
    value = (value << 6) | (b & 0x3f);
  }
  *cp = value;
  return length;
}

// Characters that must not reach a reader raw: they control the terminal,
// break lines, reorder text (bidi) or are not characters at all.
bool ShownEscaped(char32_t cp, bool keep_breaks) {
  if (keep_breaks && (cp == '\n' || cp == '\t')) return false;
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
         cp == 0x200f || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfffe || cp == 0xffff;
}

// Walks the text by characters: valid(code point, its bytes) for each
// well-formed UTF-8 sequence, invalid(byte) for each byte that is not one.
template <typename Valid, typename Invalid>
void ForEachCharacter(std::string_view text, Valid valid, Invalid invalid) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    size_t length = DecodeUtf8(text, pos, &cp);
    if (length == 0) {
      invalid(static_cast<unsigned char>(text[pos]));
      ++pos;
    } else {
      valid(cp, text.substr(pos, length));
      pos += length;
    }
  }
}

std::string ByteEscape(unsigned char b) { return fmt::format("\\x{:02x}", b); }

std::string VisibleEscape(std::string_view text, bool keep_breaks) {
  std::string out;
  out.reserve(text.size());
  ForEachCharacter(
      text,
      [&](char32_t cp, std::string_view bytes) {
        if (cp == '\\') {
          out += "\\\\";
        } else if (ShownEscaped(cp, keep_breaks)) {
          out += cp < 0x80 ? ByteEscape(static_cast<unsigned char>(cp))
                           : fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
          out.append(bytes);
        }
      },
      [&](unsigned char b) { out += ByteEscape(b); });
  return out;
}

}  // namespace

std::string TerminalEscape(std::string_view text) { return VisibleEscape(text, false); }

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : VisibleEscape(text, true)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  std::string_view punctuation = "\\`*_{}[]()<>#+-!|~$^\"'=";
  size_t w_run = 0;  // preceding "w"s: "www." starts a GitHub autolink
  for (char c : VisibleEscape(text, false)) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == ':' || c == '@' || (c == '.' && w_run >= 3)) {
      // "https:", "mailto:", "user@host" and "www." are GitHub autolinks;
      // as character references they never form one.
      out += fmt::format("&#{};", static_cast<int>(c));
    } else {
      if (punctuation.find(c) != std::string_view::npos) out.push_back('\\');
      out.push_back(c);
    }
    w_run = (c == 'w' || c == 'W') ? w_run + 1 : 0;
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  bool valid = true;
  ForEachCharacter(
      text, [](char32_t, std::string_view) {}, [&](unsigned char) { valid = false; });
  return valid;
}

std::string JsonSafe(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  ForEachCharacter(
      text, [&](char32_t, std::string_view bytes) { out.append(bytes); },
      [&](unsigned char b) { out += ByteEscape(b); });
  return out;
}

std::string BytesHex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
  return out;
}

std::string UriPathEscape(std::string_view path) {
  std::string out;
  for (char c : path) {
    auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", b);
    }
  }
  return out;
}

namespace {

// Removes a trailing `sep` + digits ("#2", ":12"); returns the digits' value, 0 if none.
int CutNumberSuffix(std::string* s, char sep) {
  size_t at = s->rfind(sep);
  if (at == std::string::npos || at + 1 >= s->size() || s->size() - at > 10) return 0;
  for (size_t i = at + 1; i < s->size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*s)[i]))) return 0;
  }
  int n = std::stoi(s->substr(at + 1));
  s->resize(at);
  return n;
}

}  // namespace

// Artifacts print as path, then "#N" (bundle item), then ":LINE" (log line):
// the suffixes are cut from the end, so a "#" or ":" inside a file name stays.
std::string ArtifactFile(const std::string& artifact) {
  std::string file = artifact;
  CutNumberSuffix(&file, ':');
  CutNumberSuffix(&file, '#');
  return file;
}

int ArtifactLine(const std::string& artifact) {
  std::string file = artifact;
  return CutNumberSuffix(&file, ':');
}

}  // namespace cpaudit
