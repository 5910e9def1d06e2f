#pragma once
// Rule packs: loaded, validated and compiled as a whole before any evidence is
// read. Any problem is a PackError "file:line: reason".

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check.h"
#include "harness/calendar.h"
#include "harness/embedded_pack.h"
#include "harness/params.h"

namespace cpaudit {

// A text in several languages: BCP 47 tag ("ja", "en", "pt-BR") and text, in
// the order the pack writes them.
struct LocalizedText {
  std::vector<std::pair<std::string, std::string>> texts;
  bool empty() const { return texts.empty(); }
  // The text in `language`; empty when it has none.
  const std::string& In(std::string_view language) const;
  // The text in the first of `languages` it has, else its first: for places
  // that show one language.
  const std::string& First(const std::vector<std::string>& languages) const;
};

struct CoverageEntry {
  std::string section;  // "7.1.2"
  std::string title;
  std::string status;  // automated, manual, delegated, informative
  std::vector<std::string> rules;
  LocalizedText text;
  // An automated section's part that no artifact shows: a manual checklist
  // item beside its rules (empty: none).
  LocalizedText checklist;
  // Whether the auditor checks something of this section by hand.
  bool HasChecklistItem() const { return status == "manual" || !checklist.empty(); }
  const LocalizedText& ChecklistItem() const { return status == "manual" ? text : checklist; }
};

struct Rule {
  std::string id;
  std::string title;
  std::string cp;
  LocalizedText text;  // the CP's words, in the pack's languages
  // What to do about a finding, for the engineer who gets it; empty if the
  // rule says nothing.
  std::string remediation;
  std::vector<std::string> references;  // URLs or document sections
  Severity severity = Severity::kError;
  ArtifactKind applies_to = ArtifactKind::kCertificate;
  std::vector<std::string> event_types;  // events rules: the types they read
  std::vector<std::string> profiles;     // empty: every profile
  std::optional<UnixTime> effective;
  std::optional<UnixTime> ineffective;
  std::string check_name;  // a primitive's name, or "assertion"
  std::unique_ptr<Check> check;
  std::vector<std::pair<std::string, std::string>> options;  // effective primitive options
  std::string message;
  std::string file;
  int line = 0;
  // For a rule of an included pack: that pack and the rule's section there
  // ("rfc5280 4.1.2.2"); `cp` is then the including pack's section citing it.
  std::string origin;
};

// A pack that another includes (`include: [rfc5280]`).
struct IncludedPack {
  std::string id;
  std::string version;
  std::string title;
};

// A certificate profile the pack declares (`profiles:` in pack.yaml): a
// certificate has the first profile whose `when` holds for it.
struct Profile {
  std::string name;
  std::unique_ptr<Check> when;  // a declarative certificate check; null: every certificate
};

struct Pack {
  std::string id;
  std::string version;
  std::string title;
  std::string policy_title;
  // The languages of its texts (BCP 47): `languages:` of pack.yaml, else
  // those of its first rule's text. Every text of the pack has each of them.
  std::vector<std::string> languages;
  std::vector<std::string> policy_oids;
  std::string fixtures;                          // fixture folder, relative to the pack folder
  std::filesystem::path dir;                     // empty for the embedded pack
  std::map<std::string, YAML::Node> parameters;  // effective (after overrides)
  CalendarSettings calendar;                     // effective (after overrides)
  std::vector<Rule> rules;                       // its own, then those of the packs it includes
  std::vector<CoverageEntry> coverage;
  std::vector<IncludedPack> includes;
  std::vector<Profile> profiles;  // in the order pack.yaml declares them
  // SHA-256 of its files (names and texts, by name) and of its included
  // packs' digests: which rules, exactly, a report rests on.
  std::string digest;

  const Rule* FindRule(const std::string& id) const;
  // Rule ids to their index in `rules`, made by the loader so that reports
  // look a finding's rule up without a scan.
  std::unordered_map<std::string, size_t> rule_index;
  // The effective parameters as text ("subscriber", "[a, b]"), by name: every
  // report states them, so a reader knows which settings (3.1.5's scope, the
  // pack's waiting times) the findings rest on.
  std::vector<std::pair<std::string, std::string>> ParameterTexts() const;
};

// What the evidence's cpaudit.yaml changes in the pack: parameter values, and
// calendar settings (`closures` replace the pack's, `closed` days are added).
struct ParameterOverrides {
  std::string file;     // where they came from, for errors
  YAML::Node values;    // `parameters`: a map, or null
  YAML::Node calendar;  // `calendar`: a map, or null
};

// Reads a `calendar:` map into *settings; throws PackError with file:line.
void ReadCalendar(const YAML::Node& node, const std::string& file, CalendarSettings* settings);

std::unique_ptr<Pack> LoadPack(const std::vector<PackFile>& files, const std::string& label,
                               const ParameterOverrides& overrides = {});
std::unique_ptr<Pack> LoadPackDir(const std::filesystem::path& dir,
                                  const ParameterOverrides& overrides = {});

// The placeholders every message may use, whatever its check.
const std::vector<std::string>& CommonPlaceholders();
// Fills a message template; unknown placeholders were rejected at load.
std::string RenderMessage(const std::string& tmpl, const std::map<std::string, std::string>& vars);

}  // namespace cpaudit
