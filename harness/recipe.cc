#include "harness/recipe.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <vector>

#include "harness/atomic_file.h"
#include "harness/model/artifact_builder.h"
#include "harness/model/time_util.h"
#include "harness/pack.h"
#include "harness/params.h"
#include "harness/yaml_load.h"

namespace cpaudit {
namespace fs = std::filesystem;
using build::Bytes;

namespace {

constexpr const char* kBuiltHeader =
    "# built by `cpaudit fixtures build` from recipe.yaml; do not edit\n";
constexpr int kMaxBaseDepth = 8;

// A YAML node that remembers the file and line it was written at, so that a
// recipe merged over its bases still names where each value came from.
struct DocEntry;
struct Doc {
  enum class Kind { kNull, kScalar, kList, kMap } kind = Kind::kNull;
  std::string scalar;
  bool quoted = false;  // a quoted scalar is a string, whatever it looks like
  std::vector<Doc> items;
  std::vector<DocEntry> entries;  // a map's, in order
  std::string where;

  const Doc* Find(std::string_view key) const;
  void Erase(std::string_view key);
};
struct DocEntry {
  std::string first;
  Doc second;
};

const Doc* Doc::Find(std::string_view key) const {
  for (const DocEntry& e : entries)
    if (e.first == key) return &e.second;
  return nullptr;
}

void Doc::Erase(std::string_view key) {
  std::erase_if(entries, [key](const DocEntry& e) { return e.first == key; });
}

[[noreturn]] void Bad(const Doc& at, const std::string& why) {
  throw PackError(at.where + ": " + why);
}

Doc FromYaml(const YAML::Node& node, const std::string& file) {
  Doc d;
  d.where = Where(file, node);
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      d.kind = Doc::Kind::kScalar;
      d.scalar = node.Scalar();
      d.quoted = node.Tag() == "!";
      break;
    case YAML::NodeType::Sequence:
      d.kind = Doc::Kind::kList;
      for (const auto& item : node) d.items.push_back(FromYaml(item, file));
      break;
    case YAML::NodeType::Map:
      d.kind = Doc::Kind::kMap;
      for (const auto& kv : node) {
        if (!kv.first.IsScalar()) ThrowAt(file, kv.first, "a key must be a plain string");
        d.entries.push_back({kv.first.Scalar(), FromYaml(kv.second, file)});
      }
      break;
    default:
      break;
  }
  return d;
}

// `over` on top of `base`: maps merge key by key (a null value removes the
// key), anything else in `over` replaces what `base` had.
Doc Merge(Doc base, const Doc& over) {
  if (base.kind != Doc::Kind::kMap || over.kind != Doc::Kind::kMap) return over;
  for (const DocEntry& entry : over.entries) {
    auto it = std::find_if(base.entries.begin(), base.entries.end(),
                           [&](const DocEntry& e) { return e.first == entry.first; });
    if (entry.second.kind == Doc::Kind::kNull) {
      if (it != base.entries.end()) base.entries.erase(it);
    } else if (it != base.entries.end()) {
      it->second = Merge(std::move(it->second), entry.second);
    } else {
      base.entries.push_back(entry);
    }
  }
  base.where = over.where;
  return base;
}

void RequireKind(const Doc& d, Doc::Kind kind, const std::string& what) {
  static const char* kNames[] = {"null", "a string", "a list", "a map"};
  if (d.kind != kind)
    Bad(d, fmt::format("{} must be {}, not {}", what, kNames[static_cast<int>(kind)],
                       kNames[static_cast<int>(d.kind)]));
}

void AllowKeys(const Doc& map, const std::vector<std::string_view>& allowed,
               const std::string& what) {
  RequireKind(map, Doc::Kind::kMap, what);
  for (const auto& [key, value] : map.entries) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += std::string(list.empty() ? "" : ", ") + std::string(a);
    Bad(value, fmt::format("unknown key \"{}\" in {} (allowed: {})", key, what, list));
  }
}

std::string Text(const Doc& d, const std::string& what) {
  RequireKind(d, Doc::Kind::kScalar, what);
  return d.scalar;
}

std::time_t Time(const Doc& d, const std::string& what) {
  auto t = ParseRfc3339(Text(d, what));
  if (!t) Bad(d, fmt::format("{} \"{}\" is not RFC 3339 with an offset", what, d.scalar));
  return static_cast<std::time_t>(*t);
}

bool Flag(const Doc& d, const std::string& what) {
  std::string v = Text(d, what);
  if (v != "true" && v != "false") Bad(d, what + " must be true or false");
  return v == "true";
}

int Integer(const Doc& d, const std::string& what) {
  std::string v = Text(d, what);
  if (v.empty() || v.size() > 9 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    Bad(d, fmt::format("{} \"{}\" is not a small non-negative integer", what, v));
  return std::stoi(v);
}

Bytes HexOf(const Doc& d, const std::string& what) {
  try {
    return build::FromHex(Text(d, what));
  } catch (const build::BuildError& e) {
    Bad(d, what + ": " + e.what());
  }
}

// A file name for certs/NAME.pem and the like: no folders, nothing hidden.
void CheckName(const Doc& at, const std::string& name) {
  static const std::regex kName("[A-Za-z0-9][A-Za-z0-9._-]*");
  if (!std::regex_match(name, kName))
    Bad(at, fmt::format("\"{}\" is not a file name (letters, digits, . _ -)", name));
}

// Loads `file` with its bases merged beneath it; `keys` becomes absolute.
Doc LoadWithBases(const fs::path& file, int depth) {
  if (depth > kMaxBaseDepth)
    throw PackError(file.string() + ": bases nest more than " + std::to_string(kMaxBaseDepth) +
                    " deep (a cycle?)");
  std::string name = file.string();
  Doc doc = FromYaml(LoadYamlFile(file, "recipe"), name);
  if (doc.kind == Doc::Kind::kNull) doc.kind = Doc::Kind::kMap;
  RequireKind(doc, Doc::Kind::kMap, "a recipe");
  for (auto& [key, value] : doc.entries) {
    if (key == "keys")
      value.scalar = (file.parent_path() / Text(value, "keys")).lexically_normal().string();
  }
  Doc merged;
  merged.kind = Doc::Kind::kMap;
  if (const Doc* base = doc.Find("base")) {
    std::vector<const Doc*> bases;
    if (base->kind == Doc::Kind::kList) {
      for (const Doc& b : base->items) bases.push_back(&b);
    } else {
      bases.push_back(base);
    }
    for (const Doc* b : bases) {
      fs::path path = file.parent_path() / Text(*b, "base");
      if (!fs::is_regular_file(path)) Bad(*b, "base " + path.string() + " is not a file");
      merged = Merge(std::move(merged), LoadWithBases(path, depth + 1));
    }
    doc.Erase("base");
  }
  return Merge(std::move(merged), doc);
}

nlohmann::ordered_json ToJson(const Doc& d) {
  switch (d.kind) {
    case Doc::Kind::kNull:
      return nullptr;
    case Doc::Kind::kList: {
      auto out = nlohmann::ordered_json::array();
      for (const Doc& item : d.items) out.push_back(ToJson(item));
      return out;
    }
    case Doc::Kind::kMap: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& [k, v] : d.entries) out[k] = ToJson(v);
      return out;
    }
    case Doc::Kind::kScalar:
      break;
  }
  if (d.quoted) return d.scalar;
  if (d.scalar == "true" || d.scalar == "false") return d.scalar == "true";
  if (d.scalar == "null" || d.scalar == "~") return nullptr;
  static const std::regex kInteger("-?(0|[1-9][0-9]{0,17})");
  if (std::regex_match(d.scalar, kInteger)) return std::stoll(d.scalar);
  return d.scalar;
}

void Emit(YAML::Emitter& out, const Doc& d) {
  switch (d.kind) {
    case Doc::Kind::kNull:
      out << YAML::Null;
      break;
    case Doc::Kind::kScalar:
      if (d.quoted) out << YAML::DoubleQuoted;
      out << d.scalar;
      break;
    case Doc::Kind::kList:
      out << YAML::BeginSeq;
      for (const Doc& item : d.items) Emit(out, item);
      out << YAML::EndSeq;
      break;
    case Doc::Kind::kMap:
      out << YAML::BeginMap;
      for (const auto& [k, v] : d.entries) {
        out << YAML::Key << k << YAML::Value;
        Emit(out, v);
      }
      out << YAML::EndMap;
      break;
  }
}

// A recipe's reading: the keys, the CA and its files.
class Builder {
 public:
  explicit Builder(const Doc& recipe) : recipe_(recipe) {}

  BuiltFiles Build() {
    AllowKeys(recipe_,
              {"keys", "at", "config", "profiles", "ca", "certificates", "crls", "csrs", "events",
               "files"},
              "a recipe");
    const Doc* keys = recipe_.Find("keys");
    if (keys == nullptr) Bad(recipe_, "the recipe (or its base) must say `keys:`, a key folder");
    keys_.emplace(keys->scalar);
    if (!fs::is_directory(keys->scalar)) Bad(*keys, "keys folder " + keys->scalar + " not found");
    Config();
    if (const Doc* ca = recipe_.Find("ca")) {
      build::CertificateSpec spec = Certificate(WithProfile(*ca), "ca", true);
      ca_subject_ = spec.subject;
      ca_key_ = spec.key;
      ca_der_ = Make(*ca, [&] { return build::BuildCertificate(spec, *keys_); });
      files_["ca/ca.pem"] = build::Pem("CERTIFICATE", *ca_der_);
    }
    ForEach("certificates", [&](const std::string& name, const Doc& d) {
      Doc cert = WithProfile(d);
      build::CertificateSpec spec = Certificate(cert, "certificates." + name, false);
      std::string pem =
          build::Pem("CERTIFICATE", Make(d, [&] { return build::BuildCertificate(spec, *keys_); }));
      files_["certs/" + name + ".pem"] = pem;
      if (const Doc* p = cert.Find("publish"); p != nullptr && Flag(*p, "publish"))
        files_["repository/" + name + ".pem"] = pem;
    });
    ForEach("crls", [&](const std::string& name, const Doc& d) {
      Doc crl = WithProfile(d);
      build::CrlSpec spec = Crl(crl, "crls." + name);
      Bytes der = Make(d, [&] { return build::BuildCrl(spec, *keys_); });
      files_["crls/" + name + ".pem"] = build::Pem("X509 CRL", der);
      // A copy as DER where the repository publishes it (repository/x.crl).
      if (const Doc* publish = crl.Find("publish"))
        AddFile(*publish, Text(*publish, "publish"), std::string(der.begin(), der.end()));
    });
    ForEach("csrs", [&](const std::string& name, const Doc& d) {
      build::CsrSpec spec = Csr(d, "csrs." + name);
      files_["csrs/" + name + ".pem"] =
          build::Pem("CERTIFICATE REQUEST", Make(d, [&] { return build::BuildCsr(spec, *keys_); }));
    });
    if (const Doc* events = recipe_.Find("events")) {
      RequireKind(*events, Doc::Kind::kList, "events");
      std::string log;
      for (const Doc& e : events->items) {
        RequireKind(e, Doc::Kind::kMap, "an event");
        log += ToJson(e).dump() + "\n";
      }
      files_["events/ca.jsonl"] = log;
    }
    if (const Doc* files = recipe_.Find("files")) {
      RequireKind(*files, Doc::Kind::kMap, "files");
      for (const auto& [path, content] : files->entries)
        AddFile(content, path, Text(content, "files." + path));
    }
    return files_;
  }

 private:
  // A file at `path`, a new path inside the case folder.
  void AddFile(const Doc& at, const std::string& path, std::string content) {
    fs::path rel(path);
    bool inside = !rel.empty() && rel.is_relative() &&
                  std::none_of(rel.begin(), rel.end(), [](const fs::path& p) {
                    return p == ".." || p == "." || p.empty();
                  });
    if (!inside || path == "recipe.yaml" || path == "expected.txt" || path == "cpaudit.yaml" ||
        files_.count(path))
      Bad(at, "\"" + path + "\" is not a new path inside the case folder");
    files_[path] = std::move(content);
  }

  template <typename F>
  Bytes Make(const Doc& at, F make) {
    try {
      return make();
    } catch (const build::BuildError& e) {
      Bad(at, e.what());
    }
  }

  template <typename F>
  void ForEach(const char* key, F each) {
    const Doc* map = recipe_.Find(key);
    if (map == nullptr) return;
    RequireKind(*map, Doc::Kind::kMap, key);
    for (const auto& [name, value] : map->entries) {
      CheckName(value, name);
      each(name, value);
    }
  }

  void Config() {
    const Doc* at = recipe_.Find("at");
    if (at == nullptr) Bad(recipe_, "the recipe (or its base) must say `at:`, the evaluation time");
    Time(*at, "at");
    std::string text = std::string(kBuiltHeader) + "at: " + at->scalar + "\n";
    if (const Doc* config = recipe_.Find("config")) {
      RequireKind(*config, Doc::Kind::kMap, "config");
      if (config->Find("at")) Bad(*config, "config: say `at` at the recipe's top level");
      YAML::Emitter out;
      Emit(out, *config);
      text += std::string(out.c_str()) + "\n";
    }
    files_["cpaudit.yaml"] = text;
  }

  // A certificate's or CRL's map with its `profile:` (from the recipe's
  // profiles) merged beneath.
  Doc WithProfile(const Doc& d) const {
    RequireKind(d, Doc::Kind::kMap, "a certificate or CRL");
    const Doc* name = d.Find("profile");
    if (name == nullptr) return d;
    const Doc* profiles = recipe_.Find("profiles");
    const Doc* profile = profiles ? profiles->Find(Text(*name, "profile")) : nullptr;
    if (profile == nullptr) Bad(*name, "no profile \"" + name->scalar + "\" under `profiles:`");
    Doc merged = Merge(*profile, d);
    merged.Erase("profile");
    return merged;
  }

  static build::Dn Name(const Doc& d, const std::string& what) {
    if (d.kind == Doc::Kind::kScalar) {
      try {
        return build::ParseDn(d.scalar);
      } catch (const build::BuildError& e) {
        Bad(d, what + ": " + e.what());
      }
    }
    RequireKind(d, Doc::Kind::kList, what);
    build::Dn dn;
    for (const Doc& item : d.items) {
      RequireKind(item, Doc::Kind::kMap, what + " attribute");
      if (item.Find("type")) {
        AllowKeys(item, {"type", "value", "string_type"}, what + " attribute");
        const Doc* value = item.Find("value");
        if (value == nullptr) Bad(item, what + ": an attribute needs `value`");
        const Doc* string_type = item.Find("string_type");
        dn.push_back({Text(*item.Find("type"), "type"), Text(*value, "value"),
                      string_type ? Text(*string_type, "string_type") : ""});
      } else if (item.entries.size() == 1) {
        dn.push_back({item.entries[0].first, Text(item.entries[0].second, what), ""});
      } else {
        Bad(item, what + ": an attribute is {TYPE: value} or {type, value, string_type}");
      }
    }
    return dn;
  }

  static std::vector<build::BytePatch> Patches(const Doc& d, const std::string& what) {
    RequireKind(d, Doc::Kind::kList, what);
    std::vector<build::BytePatch> patches;
    for (const Doc& p : d.items) {
      if (p.Find("insert")) {
        AllowKeys(p, {"insert", "before_tag"}, what);
        Bytes tlv = HexOf(*p.Find("insert"), "insert");
        const Doc* tag = p.Find("before_tag");
        Bytes before = tag ? HexOf(*tag, "before_tag") : Bytes{0};
        if (before.size() != 1) Bad(*tag, "before_tag is one byte, in hex");
        patches.push_back(
            [tlv, b = before[0]](Bytes& der) { build::InsertInSequence(der, b, tlv); });
      } else {
        AllowKeys(p, {"find", "replace"}, what);
        if (!p.Find("find") || !p.Find("replace"))
          Bad(p, what + ": a patch is {find, replace} or {insert, before_tag}");
        Bytes from = HexOf(*p.Find("find"), "find");
        Bytes to = HexOf(*p.Find("replace"), "replace");
        patches.push_back([from, to](Bytes& der) { build::ReplaceBytes(der, from, to); });
      }
    }
    return patches;
  }

  // signature: HASH, or {hash, outer_hash}; patches and corruption beside it.
  build::SignatureSpec Signature(const Doc& d, const std::string& signer) const {
    build::SignatureSpec s;
    s.signer = signer;
    s.hash = "sha256";
    if (const Doc* sig = d.Find("signature")) {
      if (sig->kind == Doc::Kind::kScalar) {
        s.hash = sig->scalar;
      } else {
        AllowKeys(*sig, {"hash", "outer_hash", "pss"}, "signature");
        if (const Doc* h = sig->Find("hash")) s.hash = Text(*h, "signature.hash");
        if (const Doc* pss = sig->Find("pss")) {
          AllowKeys(*pss, {"mgf_hash"}, "signature.pss");
          const Doc* mgf = pss->Find("mgf_hash");
          s.pss_mgf_hash = mgf ? Text(*mgf, "signature.pss.mgf_hash") : "";
        }
        if (const Doc* h = sig->Find("outer_hash")) s.outer_hash = Text(*h, "signature.outer_hash");
      }
    }
    if (const Doc* p = d.Find("patch_tbs")) s.patch_tbs = Patches(*p, "patch_tbs");
    if (const Doc* p = d.Find("patch_der")) s.patch_der = Patches(*p, "patch_der");
    if (const Doc* c = d.Find("corrupt_signature")) s.corrupt = Flag(*c, "corrupt_signature");
    return s;
  }

  static std::vector<build::ExtensionSpec> Extensions(const Doc& d) {
    std::vector<build::ExtensionSpec> out;
    const Doc* map = d.Find("extensions");
    if (map == nullptr) return out;
    RequireKind(*map, Doc::Kind::kMap, "extensions");
    for (const auto& [name, value] : map->entries) {
      build::ExtensionSpec e;
      e.name = name;
      if (value.kind == Doc::Kind::kScalar) {
        e.value = value.scalar;
      } else {
        AllowKeys(value, {"der", "critical"}, "extension " + name);
        const Doc* der = value.Find("der");
        if (der == nullptr) Bad(value, "extension " + name + ": a value string or {der, critical}");
        e.der = HexOf(*der, "der");
        if (const Doc* c = value.Find("critical")) e.critical = Flag(*c, "critical");
      }
      out.push_back(std::move(e));
    }
    return out;
  }

  static std::string OpensslConfig(const Doc& d) {
    const Doc* c = d.Find("openssl_config");
    return c ? Text(*c, "openssl_config") : "";
  }

  const Doc& Required(const Doc& d, const char* key, const std::string& what) const {
    const Doc* v = d.Find(key);
    if (v == nullptr) Bad(d, fmt::format("{} needs `{}`", what, key));
    return *v;
  }

  build::CertificateSpec Certificate(const Doc& d, const std::string& what, bool is_ca) const {
    AllowKeys(
        d,
        {"key", "serial", "subject", "issuer", "signer", "version", "validity", "extensions",
         "openssl_config", "signature", "patch_tbs", "patch_der", "corrupt_signature", "publish"},
        what);
    if (is_ca && d.Find("publish")) Bad(*d.Find("publish"), "the CA is not published");
    build::CertificateSpec s;
    s.key = Text(Required(d, "key", what), "key");
    s.serial = Text(Required(d, "serial", what), "serial");
    s.subject = Name(Required(d, "subject", what), "subject");
    if (const Doc* v = d.Find("version")) s.version = Integer(*v, "version");
    const Doc& validity = Required(d, "validity", what);
    AllowKeys(validity, {"not_before", "not_after"}, "validity");
    s.not_before = Time(Required(validity, "not_before", "validity"), "not_before");
    s.not_after = Time(Required(validity, "not_after", "validity"), "not_after");
    // The CA signs itself; others are signed by the CA unless they say otherwise.
    if (const Doc* i = d.Find("issuer")) {
      s.issuer = Name(*i, "issuer");
    } else if (is_ca) {
      s.issuer = s.subject;
    } else if (ca_der_) {
      s.issuer = ca_subject_;
    } else {
      Bad(d, what + ": no `ca:` in the recipe, so it must say `issuer` and `signer`");
    }
    std::string signer = is_ca ? s.key : ca_key_;
    if (const Doc* k = d.Find("signer")) signer = Text(*k, "signer");
    if (signer.empty()) Bad(d, what + ": no `ca:` in the recipe, so it must say `signer`");
    if (!is_ca) s.issuer_certificate = ca_der_;
    s.extensions = Extensions(d);
    s.openssl_config = OpensslConfig(d);
    s.signature = Signature(d, signer);
    return s;
  }

  static int Reason(const Doc& d) {
    static const std::vector<std::string> kReasons = {
        "unspecified",   "keyCompromise",        "cACompromise",    "affiliationChanged",
        "superseded",    "cessationOfOperation", "certificateHold", "",
        "removeFromCRL", "privilegeWithdrawn",   "aACompromise"};
    std::string v = Text(d, "reason");
    auto it = std::find(kReasons.begin(), kReasons.end(), v);
    if (it != kReasons.end() && !v.empty()) return static_cast<int>(it - kReasons.begin());
    if (!v.empty() && std::all_of(v.begin(), v.end(), ::isdigit)) return Integer(d, "reason");
    Bad(d, "reason \"" + v + "\" is neither a CRLReason name (keyCompromise, ...) nor a number");
  }

  build::CrlSpec Crl(const Doc& d, const std::string& what) const {
    AllowKeys(
        d,
        {"issuer", "signer", "version", "this_update", "next_update", "revoked", "extensions",
         "openssl_config", "signature", "patch_tbs", "patch_der", "corrupt_signature", "publish"},
        what);
    build::CrlSpec s;
    if (const Doc* v = d.Find("version")) s.version = Integer(*v, "version");
    if (const Doc* i = d.Find("issuer")) {
      s.issuer = Name(*i, "issuer");
    } else if (ca_der_) {
      s.issuer = ca_subject_;
    } else {
      Bad(d, what + ": no `ca:` in the recipe, so it must say `issuer` and `signer`");
    }
    s.this_update = Time(Required(d, "this_update", what), "this_update");
    if (const Doc* n = d.Find("next_update")) s.next_update = Time(*n, "next_update");
    if (const Doc* revoked = d.Find("revoked")) {
      RequireKind(*revoked, Doc::Kind::kList, "revoked");
      for (const Doc& r : revoked->items) {
        AllowKeys(r, {"serial", "date", "reason", "reason_twice", "hold_instruction"},
                  "a revoked entry");
        build::RevokedSpec entry;
        entry.serial = Text(Required(r, "serial", "a revoked entry"), "serial");
        entry.date = Time(Required(r, "date", "a revoked entry"), "date");
        if (const Doc* reason = r.Find("reason")) entry.reason = Reason(*reason);
        if (const Doc* t = r.Find("reason_twice")) entry.reason_twice = Flag(*t, "reason_twice");
        if (const Doc* h = r.Find("hold_instruction"))
          entry.hold_instruction = Flag(*h, "hold_instruction");
        s.revoked.push_back(entry);
      }
    }
    std::string signer = ca_key_;
    if (const Doc* k = d.Find("signer")) signer = Text(*k, "signer");
    if (signer.empty()) Bad(d, what + ": no `ca:` in the recipe, so it must say `signer`");
    s.issuer_certificate = ca_der_;
    s.extensions = Extensions(d);
    s.openssl_config = OpensslConfig(d);
    s.signature = Signature(d, signer);
    return s;
  }

  build::CsrSpec Csr(const Doc& d, const std::string& what) const {
    AllowKeys(d, {"key", "subject", "signature", "patch_tbs", "corrupt_signature"}, what);
    build::CsrSpec s;
    s.key = Text(Required(d, "key", what), "key");
    s.subject = Name(Required(d, "subject", what), "subject");
    if (const Doc* h = d.Find("signature")) s.hash = Text(*h, "signature");
    if (const Doc* p = d.Find("patch_tbs")) {
      auto patches = Patches(*p, "patch_tbs");
      s.patch_info = [patches](Bytes& der) {
        for (const auto& patch : patches) patch(der);
      };
    }
    if (const Doc* c = d.Find("corrupt_signature")) s.corrupt = Flag(*c, "corrupt_signature");
    return s;
  }

  const Doc& recipe_;
  std::optional<build::KeyStore> keys_;
  build::Dn ca_subject_;
  std::string ca_key_;
  std::optional<Bytes> ca_der_;
  BuiltFiles files_;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool IsSource(const std::string& rel) { return rel == "recipe.yaml" || rel == "expected.txt"; }

}  // namespace

BuiltFiles BuildRecipe(const fs::path& recipe) {
  Doc doc = LoadWithBases(recipe, 0);
  return Builder(doc).Build();
}

RecipeBuildReport BuildPackRecipes(const fs::path& pack_dir, const fs::path& fixtures_override,
                                   bool check) {
  RecipeBuildReport report;
  fs::path fixtures = fixtures_override;
  if (fixtures.empty()) {
    auto pack = LoadPackDir(pack_dir);
    if (pack->fixtures.empty())
      throw PackError(pack_dir.string() + ": pack.yaml names no `fixtures` folder");
    fixtures = pack_dir / pack->fixtures;
  }
  if (!fs::is_directory(fixtures))
    throw PackError(fixtures.string() + ": the fixture folder does not exist");
  std::vector<fs::path> recipes;
  for (const auto& e : fs::recursive_directory_iterator(fixtures)) {
    if (e.path().filename() == "recipe.yaml" && e.is_regular_file()) recipes.push_back(e.path());
  }
  std::sort(recipes.begin(), recipes.end());
  for (const fs::path& recipe : recipes) {
    ++report.recipes;
    fs::path dir = recipe.parent_path();
    std::string name = fs::relative(dir, fixtures).generic_string();
    BuiltFiles files;
    try {
      files = BuildRecipe(recipe);
    } catch (const std::exception& e) {
      ++report.failed;
      report.output += fmt::format("FAILED {}: {}\n", name, e.what());
      continue;
    }
    std::set<std::string> stale;
    std::vector<std::string> differ;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
         ++it) {
      // A case folder nested inside this one is its own recipe's.
      if (it->is_directory() && fs::exists(it->path() / "recipe.yaml")) {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      std::string rel = fs::relative(it->path(), dir).generic_string();
      if (IsSource(rel)) continue;
      if (!files.count(rel)) stale.insert(rel);
    }
    for (const auto& [rel, content] : files) {
      fs::path path = dir / rel;
      if (!fs::is_regular_file(path) || ReadAll(path) != content) differ.push_back(rel);
    }
    bool no_expected = !fs::exists(dir / "expected.txt");
    if (stale.empty() && differ.empty() && !no_expected) continue;
    ++report.changed;
    std::string what;
    for (const auto& rel : differ) what += " " + rel;
    for (const auto& rel : stale) what += " -" + rel;
    if (no_expected) what += " +expected.txt";
    report.output += fmt::format("{} {}:{}\n", check ? "DIFFERS" : "BUILT", name, what);
    if (check) continue;
    for (const auto& rel : stale) fs::remove(dir / rel);
    for (const auto& rel : differ) WriteFileAtomically(dir / rel, files.at(rel));
    if (no_expected) WriteFileAtomically(dir / "expected.txt", "");
  }
  report.output += fmt::format("{} recipes, {} {}, {} failed\n", report.recipes, report.changed,
                               check ? "differ from their build" : "rebuilt", report.failed);
  return report;
}

}  // namespace cpaudit
