#pragma once

#include <string>
#include <vector>

namespace cpaudit {

struct PackFile {
  std::string name;  // "pack.yaml", "ch7-certificate.yaml"
  std::string text;
};

// The secom-rootca1-tsa pack, compiled in from rules/ (cmake/embed_pack.cmake).
const std::vector<PackFile>& EmbeddedDefaultPack();

}  // namespace cpaudit
