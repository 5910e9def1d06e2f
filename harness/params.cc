#include "harness/params.h"

#include <fmt/format.h>

namespace cpaudit {

std::string Where(const std::string& file, const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) return file;
  return fmt::format("{}:{}", file, mark.line + 1);
}

void ThrowAt(const std::string& file, const YAML::Node& node, const std::string& why) {
  throw PackError(Where(file, node) + ": " + why);
}

YAML::Node Resolve(const YAML::Node& node, const ParamScope& scope, const std::string& file) {
  YAML::Node value = node;
  // A rule's params may name pack parameters in turn; a short chain, never a loop.
  for (int depth = 0; value.IsScalar(); ++depth) {
    const std::string& text = value.Scalar();
    if (text.size() < 2 || text[0] != '$') return value;
    auto it = scope.find(text.substr(1));
    if (it == scope.end()) ThrowAt(file, node, "unknown parameter \"" + text + "\"");
    if (depth == 8) ThrowAt(file, node, "parameter \"" + text + "\" refers to itself");
    value = it->second;
  }
  return value;
}

Params::Params(YAML::Node node, std::string file, const ParamScope* scope)
    : node_(std::move(node)), file_(std::move(file)), scope_(scope) {
  if (node_ && !node_.IsNull() && !node_.IsMap()) ThrowAt(file_, node_, "options must be a map");
}

bool Params::Has(const std::string& key) const { return node_.IsMap() && node_[key].IsDefined(); }

std::optional<YAML::Node> Params::Get(const std::string& key) {
  read_.insert(key);
  if (!Has(key)) return std::nullopt;
  YAML::Node value = node_[key];
  return scope_ != nullptr ? Resolve(value, *scope_, file_) : value;
}

void Params::Fail(const std::string& key, const std::string& why) const {
  YAML::Node at = node_.IsMap() && node_[key] ? node_[key] : node_;
  ThrowAt(file_, at, key + ": " + why);
}

bool Params::Bool(const std::string& key, bool fallback) {
  std::optional<YAML::Node> v = Get(key);
  bool out = fallback;
  if (v) {
    try {
      out = v->as<bool>();
    } catch (const YAML::Exception&) {
      Fail(key, "expected true or false");
    }
  }
  effective_.emplace_back(key, out ? "true" : "false");
  return out;
}

int64_t Params::Int(const std::string& key, int64_t fallback) {
  std::optional<YAML::Node> v = Get(key);
  int64_t out = fallback;
  if (v) {
    try {
      out = v->as<int64_t>();
    } catch (const YAML::Exception&) {
      Fail(key, "expected an integer");
    }
  }
  effective_.emplace_back(key, std::to_string(out));
  return out;
}

std::string Params::String(const std::string& key, const std::string& fallback) {
  std::optional<YAML::Node> v = Get(key);
  std::string out = fallback;
  if (v) {
    if (!v->IsScalar()) Fail(key, "expected a string");
    out = v->Scalar();
  }
  effective_.emplace_back(key, out);
  return out;
}

std::string Params::RequiredString(const std::string& key) {
  if (!Has(key)) Fail(key, "required option is missing");
  return String(key, "");
}

std::vector<std::string> Params::Strings(const std::string& key) {
  std::optional<YAML::Node> v = Get(key);
  std::vector<std::string> out;
  if (v && v->IsScalar()) {
    out.push_back(v->Scalar());
  } else if (v && v->IsSequence()) {
    for (const auto& item : *v) {
      if (!item.IsScalar()) Fail(key, "expected a list of strings");
      out.push_back(item.Scalar());
    }
  } else if (v) {
    Fail(key, "expected a string or a list of strings");
  }
  std::string joined;
  for (const auto& s : out) joined += (joined.empty() ? "" : ", ") + s;
  effective_.emplace_back(key, "[" + joined + "]");
  return out;
}

std::optional<YAML::Node> Params::Raw(const std::string& key) { return Get(key); }

void Params::RejectUnknown() const {
  if (!node_.IsMap()) return;
  for (const auto& kv : node_) {
    std::string key = kv.first.as<std::string>();
    if (!read_.count(key)) {
      std::string known;
      for (const auto& k : read_) known += (known.empty() ? "" : ", ") + k;
      ThrowAt(
          file_, kv.first,
          fmt::format("unknown option \"{}\" (known: {})", key, known.empty() ? "none" : known));
    }
  }
}

}  // namespace cpaudit
