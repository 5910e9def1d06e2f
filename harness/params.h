#pragma once
// Reading a YAML map of options with errors that name the file and line, and
// "$name" references to rule or pack parameters.

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cpaudit {

// A rule pack (or waivers, config) problem: "file:line: reason".
class PackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "file:line" of a node (1-based line), or just "file" when the node has no mark.
std::string Where(const std::string& file, const YAML::Node& node);
[[noreturn]] void ThrowAt(const std::string& file, const YAML::Node& node, const std::string& why);

// Named values that "$name" resolves to: the rule's params over the pack's parameters.
using ParamScope = std::map<std::string, YAML::Node>;

// Resolves a "$name" scalar through the scope; other nodes are returned as is.
YAML::Node Resolve(const YAML::Node& node, const ParamScope& scope, const std::string& file);

class Params {
 public:
  Params(YAML::Node node, std::string file, const ParamScope* scope);

  bool Has(const std::string& key) const;
  bool Bool(const std::string& key, bool fallback);
  int64_t Int(const std::string& key, int64_t fallback);
  std::string String(const std::string& key, const std::string& fallback);
  std::string RequiredString(const std::string& key);
  std::vector<std::string> Strings(const std::string& key);  // a scalar or a list
  // The node of an option; used by checks that take structured options.
  std::optional<YAML::Node> Raw(const std::string& key);
  // Resolves a "$name" found inside a structured option.
  YAML::Node ResolveNested(const YAML::Node& node) const {
    return scope_ != nullptr ? Resolve(node, *scope_, file_) : node;
  }
  // Rejects keys no accessor asked for. Call after reading every option.
  void RejectUnknown() const;
  [[noreturn]] void Fail(const std::string& key, const std::string& why) const;

  // The effective options, as read, for `cpaudit explain`.
  const std::vector<std::pair<std::string, std::string>>& effective() const { return effective_; }
  const std::string& file() const { return file_; }

 private:
  std::optional<YAML::Node> Get(const std::string& key);
  YAML::Node node_;
  std::string file_;
  const ParamScope* scope_;
  std::set<std::string> read_;
  std::vector<std::pair<std::string, std::string>> effective_;
};

}  // namespace cpaudit
