#pragma once
// The one way cpaudit parses YAML (packs, cpaudit.yaml, waivers): with the
// expansion of aliases bounded, so that a "billion laughs" file is a
// file:line error in milliseconds instead of exhausting memory or time when
// the document is walked. Nesting is bounded by yaml-cpp itself (depth 2000).

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace cpaudit {

// The most nodes a document may have with every alias expanded.
inline constexpr uint64_t kMaxYamlNodes = 1'000'000;

// Throws PackError "file:line: reason" for invalid YAML or too many nodes.
YAML::Node LoadYaml(const std::string& text, const std::string& file);
// The same for a file on disk; PackError "file: cannot read ..." when unreadable.
YAML::Node LoadYamlFile(const std::filesystem::path& path, const std::string& what);

}  // namespace cpaudit
