#pragma once
// Rule packs: loaded, validated and compiled as a whole before any evidence is
// read. Any problem is a PackError "file:line: reason".

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "harness/calendar.h"
#include "harness/embedded_pack.h"
#include "harness/params.h"

namespace cpaudit {

struct CoverageEntry {
  std::string section;  // "7.1.2"
  std::string title;
  std::string status;  // automated, manual, delegated, informative
  std::vector<std::string> rules;
  std::string text_ja;
  std::string text_en;
  // An automated section's part that no artifact shows: a manual checklist
  // item beside its rules (empty: none).
  std::string checklist_ja;
  std::string checklist_en;
  // Whether the auditor checks something of this section by hand.
  bool HasChecklistItem() const { return status == "manual" || !checklist_en.empty(); }
  const std::string& ChecklistJa() const { return status == "manual" ? text_ja : checklist_ja; }
  const std::string& ChecklistEn() const { return status == "manual" ? text_en : checklist_en; }
};

struct Rule {
  std::string id;
  std::string title;
  std::string cp;
  std::string text_ja;
  std::string text_en;
  Severity severity = Severity::kError;
  std::string applies_to;                // certificate, crl, csr, events, corpus
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

struct Pack {
  std::string id;
  std::string version;
  std::string title;
  std::string policy_title;
  std::vector<std::string> policy_oids;
  std::string fixtures;                          // fixture folder, relative to the pack folder
  std::filesystem::path dir;                     // empty for the embedded pack
  std::map<std::string, YAML::Node> parameters;  // effective (after overrides)
  CalendarSettings calendar;                     // effective (after overrides)
  std::vector<Rule> rules;                       // its own, then those of the packs it includes
  std::vector<CoverageEntry> coverage;
  std::vector<IncludedPack> includes;

  const Rule* FindRule(const std::string& id) const;
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
