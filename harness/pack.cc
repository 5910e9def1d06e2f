#include "harness/pack.h"

#include <fmt/args.h>
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "checks/registry.h"
#include "harness/assertion.h"
#include "harness/model/digest.h"
#include "harness/yaml_load.h"

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

const std::set<std::string> kCoverageStatuses = {"automated", "manual", "delegated", "informative"};

YAML::Node ParseYaml(const PackFile& f) { return LoadYaml(f.text, f.name); }

void ExpectKeys(const YAML::Node& node, const std::string& file, const std::set<std::string>& known,
                const std::set<std::string>& required, const std::string& what) {
  if (!node.IsMap()) ThrowAt(file, node, what + " must be a map");
  for (const auto& kv : node) {
    std::string k = kv.first.as<std::string>();
    if (!known.count(k)) ThrowAt(file, kv.first, "unknown key \"" + k + "\" in " + what);
  }
  for (const auto& k : required) {
    if (!node[k]) ThrowAt(file, node, what + " lacks required key \"" + k + "\"");
  }
}

std::string ScalarAt(const YAML::Node& node, const std::string& file, const std::string& key) {
  const YAML::Node v = node[key];
  if (!v.IsScalar()) ThrowAt(file, v ? v : node, key + ": expected a string");
  return v.Scalar();
}

std::vector<std::string> StringList(const YAML::Node& v, const std::string& file,
                                    const std::string& key) {
  std::vector<std::string> out;
  if (!v.IsSequence()) ThrowAt(file, v, key + ": expected a list");
  for (const auto& item : v) {
    if (!item.IsScalar()) ThrowAt(file, item, key + ": expected a list of strings");
    out.push_back(item.Scalar());
  }
  return out;
}

UnixTime DateAt(const YAML::Node& v, const std::string& file, const std::string& key) {
  if (!v.IsScalar()) ThrowAt(file, v, key + ": expected a date");
  std::string s = v.Scalar();
  if (s.size() == 10) s += "T00:00:00Z";
  auto t = ParseRfc3339(s);
  if (!t) ThrowAt(file, v, key + ": expected YYYY-MM-DD or RFC 3339, got \"" + v.Scalar() + "\"");
  return *t;
}

void ValidateMessage(const std::string& message, const std::vector<std::string>& allowed,
                     const std::string& file, const YAML::Node& node) {
  std::map<std::string, std::string> vars;
  for (const auto& name : allowed) vars[name] = "x";
  try {
    RenderMessage(message, vars);
  } catch (const fmt::format_error& e) {
    std::string names;
    for (const auto& n : allowed) names += (names.empty() ? "{" : ", {") + n + "}";
    ThrowAt(file, node, fmt::format("message: {} (placeholders here: {})", e.what(), names));
  }
}

// A title may show the values a user can change: "{scope}" is the rule's or
// the pack's parameter of that name, after cpaudit.yaml's overrides.
std::string RenderTitle(const std::string& title, const ParamScope& scope, const std::string& file,
                        const YAML::Node& node) {
  std::map<std::string, std::string> vars;
  for (const auto& [name, value] : scope) {
    YAML::Node resolved = Resolve(value, scope, file);
    if (resolved.IsScalar()) vars[name] = resolved.Scalar();
  }
  try {
    return RenderMessage(title, vars);
  } catch (const fmt::format_error& e) {
    ThrowAt(file, node,
            fmt::format("title: {} (a title's placeholders name scalar parameters)", e.what()));
  }
}

class Loader {
 public:
  // Finds an included pack's files by its id; throws PackError when none.
  using Resolver = std::function<std::vector<PackFile>(const std::string& id)>;

  Loader(const std::vector<PackFile>& files, std::string label, const ParameterOverrides& overrides,
         Resolver resolve, int depth = 0)
      : files_(files),
        label_(std::move(label)),
        overrides_(overrides),
        resolve_(std::move(resolve)),
        depth_(depth) {}

  std::unique_ptr<Pack> Load() {
    auto pack = std::make_unique<Pack>();
    const PackFile* manifest = nullptr;
    for (const PackFile& f : files_) {
      if (fs::path(f.name).filename() == "pack.yaml") manifest = &f;
    }
    if (manifest == nullptr) throw PackError(label_ + ": no pack.yaml");
    LoadManifest(*manifest, pack.get());
    for (const PackFile& f : files_) {
      if (&f != manifest) LoadRuleFile(f, pack.get());
    }
    if (pack->rules.empty()) throw PackError(label_ + ": the pack defines no rules");
    std::vector<const PackFile*> by_name;
    for (const PackFile& f : files_) by_name.push_back(&f);
    std::sort(by_name.begin(), by_name.end(), [](const PackFile* a, const PackFile* b) {
      return fs::path(a->name).filename() < fs::path(b->name).filename();
    });
    std::string hashed;
    for (const PackFile* f : by_name) {
      hashed += fs::path(f->name).filename().string() + '\0' + f->text + '\0';
    }
    for (const auto& [id, node] : include_nodes_) {
      hashed += Include(id, node, manifest->name, pack.get()) + '\0';
    }
    pack->digest = Sha256Hex(hashed);
    ValidateCoverage(pack.get());
    for (size_t i = 0; i < pack->rules.size(); ++i) pack->rule_index[pack->rules[i].id] = i;
    return pack;
  }

 private:
  void LoadManifest(const PackFile& f, Pack* pack) {
    YAML::Node root = ParseYaml(f);
    ExpectKeys(root, f.name,
               {"id", "version", "title", "policy", "languages", "parameters", "calendar",
                "fixtures", "profiles", "coverage", "include"},
               {"id", "version", "title", "coverage"}, "pack.yaml");
    if (const YAML::Node include = root["include"]) {
      std::vector<std::string> ids = StringList(include, f.name, "include");
      for (size_t i = 0; i < ids.size(); ++i) include_nodes_.emplace_back(ids[i], include[i]);
    }
    pack->id = ScalarAt(root, f.name, "id");
    pack->version = ScalarAt(root, f.name, "version");
    pack->title = ScalarAt(root, f.name, "title");
    if (root["fixtures"]) pack->fixtures = ScalarAt(root, f.name, "fixtures");
    if (const YAML::Node languages = root["languages"]) {
      pack->languages = StringList(languages, f.name, "languages");
      if (pack->languages.empty()) ThrowAt(f.name, languages, "languages: name at least one");
      for (size_t i = 0; i < pack->languages.size(); ++i) {
        CheckLanguageTag(pack->languages[i], f.name, languages[i]);
      }
    }
    if (const YAML::Node policy = root["policy"]) {
      ExpectKeys(policy, f.name, {"title", "oids"}, {}, "policy");
      if (policy["title"]) pack->policy_title = ScalarAt(policy, f.name, "title");
      if (policy["oids"]) pack->policy_oids = StringList(policy["oids"], f.name, "oids");
    }
    if (const YAML::Node params = root["parameters"]) {
      if (!params.IsMap()) ThrowAt(f.name, params, "parameters must be a map");
      for (const auto& kv : params) pack->parameters[kv.first.as<std::string>()] = kv.second;
    }
    if (overrides_.values && overrides_.values.IsMap()) {
      for (const auto& kv : overrides_.values) {
        std::string name = kv.first.as<std::string>();
        if (!pack->parameters.count(name)) {
          ThrowAt(overrides_.file, kv.first,
                  "parameter \"" + name + "\" is not a parameter of pack " + pack->id);
        }
        pack->parameters[name] = kv.second;
      }
    }
    if (root["profiles"]) LoadProfiles(root["profiles"], f.name, pack);
    if (root["calendar"]) ReadCalendar(root["calendar"], f.name, &pack->calendar);
    if (overrides_.calendar.IsMap())
      ReadCalendar(overrides_.calendar, overrides_.file, &pack->calendar);
    const YAML::Node coverage = root["coverage"];
    if (!coverage.IsSequence()) ThrowAt(f.name, coverage, "coverage: expected a list");
    std::set<std::string> sections;
    for (const auto& entry : coverage) {
      ExpectKeys(entry, f.name, {"section", "title", "status", "rules", "text", "checklist"},
                 {"section", "title", "status"}, "coverage entry");
      CoverageEntry c;
      c.section = ScalarAt(entry, f.name, "section");
      c.title = ScalarAt(entry, f.name, "title");
      c.status = ScalarAt(entry, f.name, "status");
      if (!sections.insert(c.section).second) {
        ThrowAt(f.name, entry, "coverage lists section " + c.section + " twice");
      }
      if (!kCoverageStatuses.count(c.status)) {
        ThrowAt(f.name, entry["status"],
                "status must be automated, manual, delegated or informative");
      }
      if (entry["rules"]) c.rules = StringList(entry["rules"], f.name, "rules");
      if (c.status == "automated" && c.rules.empty()) {
        ThrowAt(f.name, entry, "automated section " + c.section + " lists no rules");
      }
      // An informative section may still list rules the harness runs as a
      // service (a relying party's view for 9.6.3); manual and delegated
      // sections have nothing to run.
      if ((c.status == "manual" || c.status == "delegated") && !c.rules.empty()) {
        ThrowAt(f.name, entry["rules"], "only automated and informative sections list rules");
      }
      if (entry["text"]) c.text = ReadText(entry["text"], f.name, pack);
      if (c.status == "manual" && c.text.empty()) {
        ThrowAt(f.name, entry, "manual section " + c.section + " needs its clause text");
      }
      if (const YAML::Node checklist = entry["checklist"]) {
        if (c.status != "automated") {
          ThrowAt(f.name, checklist, "checklist: only automated sections add a manual item");
        }
        c.checklist = ReadText(checklist, f.name, pack);
      }
      coverage_nodes_[c.section] = {f.name, entry};
      pack->coverage.push_back(std::move(c));
    }
  }

  // `profiles: {NAME: {when: CHECK}, ...}`: CHECK is a declarative check on
  // the certificate (its fields and `issuance.*`, its certificate_issued
  // event); a profile without `when` takes every certificate, so it comes last.
  void LoadProfiles(const YAML::Node& node, const std::string& file, Pack* pack) {
    if (!node.IsMap() || node.size() == 0) {
      ThrowAt(file, node, "profiles: expected a map from profile name to {when: CHECK}");
    }
    ParamScope scope(pack->parameters.begin(), pack->parameters.end());
    for (const auto& kv : node) {
      Profile profile;
      profile.name = kv.first.as<std::string>();
      static const RE2 kName("[a-z0-9][a-z0-9_-]*");
      if (!RE2::FullMatch(profile.name, kName)) {
        ThrowAt(file, kv.first, "profile name \"" + profile.name + "\" must be a-z 0-9 _ -");
      }
      for (const Profile& earlier : pack->profiles) {
        if (earlier.name == profile.name) ThrowAt(file, kv.first, "profile declared twice");
        if (!earlier.when) {
          ThrowAt(file, kv.first,
                  "profile " + earlier.name +
                      " has no `when`, so it takes "
                      "every certificate: it must come last");
        }
      }
      if (!kv.second.IsMap()) ThrowAt(file, kv.second, "profile: expected {when: CHECK}");
      ExpectKeys(kv.second, file, {"when"}, {}, "a profile");
      if (const YAML::Node when = kv.second["when"]) {
        std::vector<std::pair<std::string, YAML::Node>> messages;  // a condition says nothing
        profile.when = CompileAssertion(when, ArtifactKind::kCertificate, file, scope, &messages);
      }
      pack->profiles.push_back(std::move(profile));
    }
  }

  static void CheckLanguageTag(const std::string& tag, const std::string& file,
                               const YAML::Node& at) {
    // BCP 47's common shape: language[-Script][-REGION][-variant...].
    static const RE2 kTag(
        "[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]"
        "{3}))*");
    if (!RE2::FullMatch(tag, kTag)) {
      ThrowAt(file, at, "\"" + tag + "\" is not a BCP 47 language tag (ja, en, pt-BR, zh-Hant)");
    }
  }

  // `text: {LANGUAGE: TEXT, ...}` in exactly the pack's languages; the first
  // text read sets them when pack.yaml does not.
  static LocalizedText ReadText(const YAML::Node& text, const std::string& file, Pack* pack) {
    if (!text.IsMap() || text.size() == 0) {
      ThrowAt(file, text, "text: expected a map from language (BCP 47: ja, en, ...) to text");
    }
    LocalizedText out;
    for (const auto& kv : text) {
      std::string tag = kv.first.as<std::string>();
      CheckLanguageTag(tag, file, kv.first);
      if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
        ThrowAt(file, kv.second, "text: " + tag + ": expected a non-empty string");
      }
      if (!out.In(tag).empty()) ThrowAt(file, kv.first, "text: " + tag + " is given twice");
      out.texts.emplace_back(tag, kv.second.Scalar());
    }
    if (pack->languages.empty()) {
      for (const auto& [tag, t] : out.texts) pack->languages.push_back(tag);
    }
    std::string languages;
    for (const std::string& l : pack->languages) languages += (languages.empty() ? "" : ", ") + l;
    for (const std::string& l : pack->languages) {
      if (out.In(l).empty()) {
        ThrowAt(file, text, "text has no " + l + " (the pack's languages: " + languages + ")");
      }
    }
    if (out.texts.size() != pack->languages.size()) {
      ThrowAt(file, text,
              "text has a language the pack does not (its languages: " + languages +
                  "; pack.yaml's `languages:` may add one)");
    }
    return out;
  }

  // Loads an included pack whole (its own coverage and fixtures stand on
  // their own) and adds its rules, which keep their ids.
  // Returns the included pack's digest.
  std::string Include(const std::string& id, const YAML::Node& at, const std::string& file,
                      Pack* pack) {
    if (depth_ >= 4) ThrowAt(file, at, "include: packs nest more than 4 deep");
    if (id == pack->id) ThrowAt(file, at, "include: a pack cannot include itself");
    std::vector<PackFile> files;
    try {
      files = resolve_(id);
    } catch (const PackError& e) {
      ThrowAt(file, at, std::string("include: ") + e.what());
    }
    auto included = Loader(files, id, {}, resolve_, depth_ + 1).Load();
    if (!included->profiles.empty()) {
      ThrowAt(file, at, "include: pack " + id + " declares profiles; only the including pack may");
    }
    pack->includes.push_back({included->id, included->version, included->title});
    for (IncludedPack& deeper : included->includes) pack->includes.push_back(std::move(deeper));
    for (Rule& rule : included->rules) {
      if (!ids_.insert(rule.id).second) {
        ThrowAt(file, at, "include: rule " + rule.id + " of pack " + id + " is already defined");
      }
      if (rule.origin.empty()) rule.origin = included->id + " " + rule.cp;
      included_.insert(rule.id);
      pack->rules.push_back(std::move(rule));
    }
    return included->digest;
  }

  void LoadRuleFile(const PackFile& f, Pack* pack) {
    YAML::Node root = ParseYaml(f);
    ExpectKeys(root, f.name, {"rules"}, {"rules"}, "a rule file");
    if (!root["rules"].IsSequence()) ThrowAt(f.name, root["rules"], "rules: expected a list");
    for (const auto& node : root["rules"]) pack->rules.push_back(LoadRule(node, f.name, pack));
  }

  Rule LoadRule(const YAML::Node& node, const std::string& file, Pack* pack) {
    ExpectKeys(
        node, file,
        {"id", "title", "cp", "text", "severity", "applies_to", "event", "profiles", "effective",
         "ineffective", "check", "message", "params", "remediation", "references"},
        {"id", "title", "cp", "text", "severity", "applies_to", "check", "message"}, "a rule");
    Rule rule;
    rule.file = file;
    rule.line = node.Mark().line + 1;
    rule.id = ScalarAt(node, file, "id");
    static const RE2 kIdPattern("[a-z0-9][a-z0-9.-]*");
    if (!RE2::FullMatch(rule.id, kIdPattern) || rule.id == kInputRuleId) {
      ThrowAt(file, node["id"], "id \"" + rule.id + "\" must be kebab-case (a-z 0-9 . -)");
    }
    if (!ids_.insert(rule.id).second) ThrowAt(file, node["id"], "duplicate rule id " + rule.id);
    rule.cp = ScalarAt(node, file, "cp");
    rule.text = ReadText(node["text"], file, pack);
    if (node["remediation"]) rule.remediation = ScalarAt(node, file, "remediation");
    if (node["references"]) rule.references = StringList(node["references"], file, "references");
    auto severity = ParseSeverity(ScalarAt(node, file, "severity"));
    if (!severity) ThrowAt(file, node["severity"], "severity must be error, warning or notice");
    rule.severity = *severity;
    std::string applies_to = ScalarAt(node, file, "applies_to");
    if (auto kind = ParseArtifactKind(applies_to)) {
      rule.applies_to = *kind;
    } else {
      std::string kinds;
      for (const ArtifactKindInfo& k : ArtifactKinds()) {
        kinds += (kinds.empty() ? "" : ", ") + std::string(k.name);
      }
      ThrowAt(file, node["applies_to"], "applies_to must be one of " + kinds);
    }
    if (const YAML::Node event = node["event"]) {
      if (rule.applies_to != ArtifactKind::kEvent) {
        ThrowAt(file, event, "event applies to events rules only");
      }
      rule.event_types = event.IsScalar() ? std::vector<std::string>{event.Scalar()}
                                          : StringList(event, file, "event");
      for (const auto& t : rule.event_types) {
        if (!IsKnownEventType(t)) {
          ThrowAt(file, event, "unknown event type \"" + t + "\"; " + EventTypeHint(t));
        }
      }
    }
    if (node["profiles"]) {
      rule.profiles = StringList(node["profiles"], file, "profiles");
      if (rule.applies_to != ArtifactKind::kCertificate) {
        ThrowAt(file, node["profiles"], "profiles apply to certificate rules only");
      }
      std::string declared;
      for (const Profile& p : pack->profiles) declared += (declared.empty() ? "" : ", ") + p.name;
      for (const auto& p : rule.profiles) {
        bool known = std::any_of(pack->profiles.begin(), pack->profiles.end(),
                                 [&](const Profile& d) { return d.name == p; });
        if (!known) {
          ThrowAt(file, node["profiles"],
                  "profiles: \"" + p + "\" is not a profile of the pack (" +
                      (declared.empty() ? "pack.yaml declares none" : "declared: " + declared) +
                      ")");
        }
      }
    }
    if (node["effective"]) rule.effective = DateAt(node["effective"], file, "effective");
    if (node["ineffective"]) rule.ineffective = DateAt(node["ineffective"], file, "ineffective");

    ParamScope scope(pack->parameters.begin(), pack->parameters.end());
    if (const YAML::Node params = node["params"]) {
      if (!params.IsMap()) ThrowAt(file, params, "params must be a map");
      for (const auto& kv : params) scope[kv.first.as<std::string>()] = kv.second;
    }
    rule.title = RenderTitle(ScalarAt(node, file, "title"), scope, file, node["title"]);
    std::vector<std::string> placeholders = CommonPlaceholders();
    if (rule.applies_to == ArtifactKind::kEvent) {
      // An event's own fields fill its messages: "{request}", "{serial}".
      placeholders.push_back("time");
      for (std::string_view name : EventFieldNames()) placeholders.emplace_back(name);
    }
    const YAML::Node check = node["check"];
    if (IsAssertionNode(check)) {
      if (rule.applies_to == ArtifactKind::kCorpus) {
        ThrowAt(file, check, "corpus rules need a primitive, not field assertions");
      }
      if (rule.applies_to == ArtifactKind::kEvent && rule.event_types.empty()) {
        ThrowAt(file, node, "an events rule with field assertions needs `event:` (its types)");
      }
      rule.check_name = "assertion";
      std::vector<std::pair<std::string, YAML::Node>> messages;
      rule.check = CompileAssertion(check, rule.applies_to, file, scope, &messages);
      for (const auto& p : AssertionPlaceholders()) placeholders.push_back(p);
      for (const auto& [message, at] : messages) ValidateMessage(message, placeholders, file, at);
    } else {
      std::string name;
      YAML::Node options;
      if (check.IsScalar()) {
        name = check.Scalar();
      } else if (check.IsMap() && check.size() == 1) {
        name = check.begin()->first.as<std::string>();
        options = check.begin()->second;
      } else {
        ThrowAt(file, check, "check: expected field assertions or {PRIMITIVE: {options}}");
      }
      const PrimitiveInfo* primitive = FindPrimitive(name);
      if (primitive == nullptr) {
        std::string known;
        for (const auto& p : Primitives()) known += (known.empty() ? "" : ", ") + p.name;
        ThrowAt(file, check, "unknown check primitive \"" + name + "\" (known: " + known + ")");
      }
      if (std::find(primitive->applies_to.begin(), primitive->applies_to.end(), applies_to) ==
          primitive->applies_to.end()) {
        ThrowAt(file, node["applies_to"], "primitive " + name + " does not apply to " + applies_to);
      }
      Params params(options, file, &scope);
      rule.check_name = name;
      rule.check = primitive->create(params, applies_to);
      rule.options = params.effective();
      for (const auto& p : primitive->placeholders) placeholders.push_back(p);
      if (rule.applies_to == ArtifactKind::kEvent && rule.event_types.empty()) {
        rule.event_types = rule.check->EventTypes();
      }
    }
    rule.message = ScalarAt(node, file, "message");
    ValidateMessage(rule.message, placeholders, file, node["message"]);
    return rule;
  }

  void ValidateCoverage(Pack* pack) {
    std::set<std::string> listed;
    for (const CoverageEntry& c : pack->coverage) {
      for (const std::string& id : c.rules) {
        const auto& [file, node] = coverage_nodes_[c.section];
        if (!ids_.count(id)) {
          ThrowAt(file, node, "coverage of " + c.section + " names unknown rule " + id);
        }
        listed.insert(id);
      }
    }
    // An included rule sits, in this pack's reports, in the section that cites it.
    for (Rule& r : pack->rules) {
      if (!included_.count(r.id)) continue;
      auto citing =
          std::find_if(pack->coverage.begin(), pack->coverage.end(), [&](const CoverageEntry& c) {
            return std::find(c.rules.begin(), c.rules.end(), r.id) != c.rules.end();
          });
      if (citing == pack->coverage.end()) {
        throw PackError(fmt::format("{}: rule {} (from {}) is cited by no coverage section of {}",
                                    label_, r.id, r.origin, pack->id));
      }
      r.cp = citing->section;
    }
    for (const Rule& r : pack->rules) {
      if (!coverage_nodes_.count(r.cp)) {
        throw PackError(fmt::format("{}:{}: rule {} cites section {}, which the coverage lacks",
                                    r.file, r.line, r.id, r.cp));
      }
      if (!listed.count(r.id)) {
        throw PackError(fmt::format("{}:{}: rule {} is not listed in any coverage section", r.file,
                                    r.line, r.id));
      }
    }
  }

  const std::vector<PackFile>& files_;
  std::string label_;
  const ParameterOverrides& overrides_;
  Resolver resolve_;
  int depth_;
  std::set<std::string> ids_;
  std::map<std::string, std::pair<std::string, YAML::Node>> coverage_nodes_;
  std::vector<std::pair<std::string, YAML::Node>> include_nodes_;
  std::set<std::string> included_;  // rule ids from included packs
};

std::pair<int, int> MonthDay(const YAML::Node& v, const std::string& file) {
  unsigned m = 0, d = 0;
  char tail = 0;
  if (!v.IsScalar() || std::sscanf(v.Scalar().c_str(), "%2u-%2u%c", &m, &d, &tail) != 2 || m < 1 ||
      m > 12 || d < 1 || d > 31) {
    ThrowAt(file, v, "expected a month and day, \"MM-DD\"");
  }
  return {static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

void ReadCalendar(const YAML::Node& node, const std::string& file, CalendarSettings* settings) {
  ExpectKeys(node, file, {"holidays", "utc_offset", "closures", "closed"}, {}, "calendar");
  if (const YAML::Node h = node["holidays"]) {
    if (!h.IsScalar() || (h.Scalar() != "japan" && h.Scalar() != "none")) {
      ThrowAt(file, h, "holidays: expected japan or none");
    }
    settings->japanese_holidays = h.Scalar() == "japan";
  }
  if (const YAML::Node o = node["utc_offset"]) {
    auto t = o.IsScalar() ? ParseRfc3339("1970-01-01T00:00:00" + o.Scalar()) : std::nullopt;
    if (!t) ThrowAt(file, o, "utc_offset: expected +HH:MM");
    settings->utc_offset_seconds = static_cast<int>(-*t);
  }
  if (const YAML::Node closures = node["closures"]) {
    if (!closures.IsSequence()) ThrowAt(file, closures, "closures: expected a list");
    settings->closures.clear();
    for (const auto& c : closures) {
      ExpectKeys(c, file, {"from", "to", "name_ja", "name_en"}, {"from", "to"}, "a closure");
      ClosureRule rule;
      std::tie(rule.from_month, rule.from_day) = MonthDay(c["from"], file);
      std::tie(rule.to_month, rule.to_day) = MonthDay(c["to"], file);
      if (c["name_ja"]) rule.name_ja = ScalarAt(c, file, "name_ja");
      if (c["name_en"]) rule.name_en = ScalarAt(c, file, "name_en");
      settings->closures.push_back(std::move(rule));
    }
  }
  if (const YAML::Node closed = node["closed"]) {
    if (!closed.IsSequence()) ThrowAt(file, closed, "closed: expected a list");
    for (const auto& c : closed) {
      ExpectKeys(c, file, {"date", "name_ja", "name_en"}, {"date"}, "a closed day");
      auto day = ParseDay(ScalarAt(c, file, "date"));
      if (!day) ThrowAt(file, c["date"], "date: expected YYYY-MM-DD");
      settings->closed_days.push_back({*day, "closure",
                                       c["name_ja"] ? ScalarAt(c, file, "name_ja") : "臨時休業",
                                       c["name_en"] ? ScalarAt(c, file, "name_en") : "Closed"});
    }
  }
}

const Rule* Pack::FindRule(const std::string& id) const {
  if (!rule_index.empty()) {
    auto it = rule_index.find(id);
    return it != rule_index.end() ? &rules[it->second] : nullptr;
  }
  for (const Rule& r : rules) {  // a pack made by hand (tests)
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> Pack::ParameterTexts() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : parameters) {
    if (value.IsScalar()) {
      out.emplace_back(name, value.Scalar());
      continue;
    }
    YAML::Emitter flow;
    flow << YAML::Flow << value;
    out.emplace_back(name, flow.c_str());
  }
  return out;
}

const std::vector<std::string>& CommonPlaceholders() {
  static const std::vector<std::string> kNames = {"artifact", "serial", "subject", "issuer"};
  return kNames;
}

std::string RenderMessage(const std::string& tmpl, const std::map<std::string, std::string>& vars) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  // By reference: the values live in `vars` until the message is formatted.
  for (const auto& [name, value] : vars) store.push_back(fmt::arg(name.c_str(), std::cref(value)));
  return fmt::vformat(tmpl, store);
}

const std::vector<PackFile>* EmbeddedPackFiles(const std::string& id) {
  for (const EmbeddedPack& p : EmbeddedPacks()) {
    if (p.id == id) return &p.files;
  }
  return nullptr;
}

const std::vector<PackFile>& EmbeddedDefaultPack() {
  return *EmbeddedPackFiles("secom-rootca1-tsa");
}

namespace {

std::vector<PackFile> ReadPackDir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw PackError(dir.string() + ": no such pack directory");
  std::vector<PackFile> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".yaml" || !entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    files.push_back({(dir / entry.path().filename()).string(), text.str()});
  }
  std::sort(files.begin(), files.end(),
            [](const PackFile& a, const PackFile& b) { return a.name < b.name; });
  return files;
}

// An included pack: beside the including pack's folder when there is one
// there, else the built-in pack of that name.
std::vector<PackFile> ResolveInclude(const std::optional<fs::path>& beside, const std::string& id) {
  static const RE2 kId("[a-z0-9][a-z0-9.-]*");
  if (!RE2::FullMatch(id, kId)) throw PackError("\"" + id + "\" is not a pack id");
  std::error_code ec;
  if (beside && fs::is_regular_file(*beside / id / "pack.yaml", ec)) {
    return ReadPackDir(*beside / id);
  }
  if (const auto* files = EmbeddedPackFiles(id)) return *files;
  throw PackError("no pack \"" + id + "\"" +
                  (beside ? " in " + beside->string() + " and none built in" : " built in"));
}

}  // namespace

std::unique_ptr<Pack> LoadPack(const std::vector<PackFile>& files, const std::string& label,
                               const ParameterOverrides& overrides) {
  return Loader(files, label, overrides,
                [](const std::string& id) { return ResolveInclude(std::nullopt, id); })
      .Load();
}

std::unique_ptr<Pack> LoadPackDir(const fs::path& dir, const ParameterOverrides& overrides) {
  fs::path self = fs::absolute(dir).lexically_normal();
  if (!self.has_filename()) self = self.parent_path();  // "rules/x/"
  fs::path beside = self.parent_path();
  auto pack = Loader(ReadPackDir(dir), dir.string(), overrides, [beside](const std::string& id) {
                return ResolveInclude(beside, id);
              }).Load();
  pack->dir = dir;
  return pack;
}

const std::string& LocalizedText::In(std::string_view language) const {
  static const std::string kNone;
  for (const auto& [tag, text] : texts) {
    if (tag == language) return text;
  }
  return kNone;
}

const std::string& LocalizedText::First(const std::vector<std::string>& languages) const {
  for (const std::string& l : languages) {
    if (const std::string& text = In(l); !text.empty()) return text;
  }
  return texts.empty() ? In("") : texts.front().second;
}

}  // namespace cpaudit
