#include "reports/escape.h"

#include <cctype>

namespace cpaudit {

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

std::string ArtifactFile(const std::string& artifact) {
  size_t cut = artifact.find_first_of("#");
  std::string file = artifact.substr(0, cut);
  size_t colon = file.rfind(':');
  if (colon != std::string::npos && colon + 1 < file.size() &&
      std::isdigit(static_cast<unsigned char>(file[colon + 1]))) {
    file = file.substr(0, colon);
  }
  return file;
}

int ArtifactLine(const std::string& artifact) {
  size_t colon = artifact.rfind(':');
  if (colon == std::string::npos || colon + 1 >= artifact.size()) return 0;
  for (size_t i = colon + 1; i < artifact.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(artifact[i]))) return 0;
  }
  return std::stoi(artifact.substr(colon + 1));
}

}  // namespace cpaudit
