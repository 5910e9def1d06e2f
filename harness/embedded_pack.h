#pragma once

#include <string>
#include <vector>

namespace cpaudit {

struct PackFile {
  std::string name;  // "pack.yaml", "ch7-certificate.yaml"
  std::string text;
};

struct EmbeddedPack {
  std::string id;  // its folder under rules/: "secom-rootca1-tsa", "rfc5280"
  std::vector<PackFile> files;
};

// Every pack of rules/, compiled in (cmake/embed_pack.cmake).
const std::vector<EmbeddedPack>& EmbeddedPacks();
// One of them by folder name, or null.
const std::vector<PackFile>* EmbeddedPackFiles(const std::string& id);
// The secom-rootca1-tsa pack, the default.
const std::vector<PackFile>& EmbeddedDefaultPack();

}  // namespace cpaudit
