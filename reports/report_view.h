#pragma once
// What every report states, computed once from a run: the gate and its
// counts, rule and evaluation counts, the findings by CP section and rule and
// by artifact, what to act on first, the coverage roll-up, the rules not
// evaluated, the life-cycle timeline, and the JSON document with its id.
// Writers (text, JSON, HTML, JUnit, SARIF, Markdown) only render it, so the
// formats agree by construction.

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/evaluator.h"

namespace cpaudit {

// Sorts CP sections numerically: "4.9" < "4.10" < "7.1" < "7.1.2"; "" first.
bool SectionLess(const std::string& a, const std::string& b);
// "7" for "7.1.3" ("X" for "X.690"): the chapter a CP section belongs to.
std::string ChapterOf(const std::string& section);

struct RuleFindings {
  std::string id;
  const Rule* rule = nullptr;            // null for cpaudit's own (input, waiver)
  std::vector<const Finding*> findings;  // failing, then waived
};

struct SectionFindings {
  std::string section;                   // "": evidence and waivers (cpaudit's own rules)
  std::string title;                     // the pack's title of the section, if it has one
  std::vector<const Finding*> findings;  // in result order
  std::vector<RuleFindings> rules;       // by rule id
  int worst = -1;  // the most severe failing finding's Severity; -1: none fails
};

struct ArtifactFindings {
  std::string artifact;
  const ArtifactInfo* info = nullptr;    // null for files and log lines
  std::vector<const Finding*> findings;  // failing, then waived
};

struct CoverageRow {
  const CoverageEntry* entry = nullptr;
  std::string_view result;              // SectionResult of an automated section, else empty
  std::vector<const RuleTally*> rules;  // its rules that the pack has
};

// One CA's life cycle over the evidence period, for the timeline picture.
struct TimelineLane {
  std::string label;                           // "certs/tsa-1.pem", "CRL crls/12.pem", a rule id
  const ArtifactInfo* artifact = nullptr;      // a certificate's or CRL's lane
  std::vector<const DeadlineWindow*> windows;  // a deadline rule's lane: its windows, late last
};
struct CaTimeline {
  std::string ca;                   // the issuing CA's name
  UnixTime start = 0, end = 0;      // the evidence period
  std::vector<TimelineLane> lanes;  // certificates, CRLs, then deadline rules
  size_t left_out = 0;              // certificates, CRLs and windows beyond the picture's limits
};

class ReportView {
 public:
  explicit ReportView(const RunResult& run);
  ReportView(const ReportView&) = delete;
  ReportView& operator=(const ReportView&) = delete;

  const RunResult& run;
  const Pack& pack;
  const bool gate_failed;
  const GateCounts gate;
  const std::string evaluated_at;  // RFC 3339
  const std::vector<std::pair<std::string, std::string>> parameters;

  // Indexed by Severity and Status.
  std::array<size_t, std::size(kAllSeverities)> failing_by_severity{}, waived_by_severity{};
  std::array<size_t, std::size(kAllStatuses)> rules_by_status{}, evaluations_by_status{};
  std::vector<const Finding*> failing, waived;  // in result order
  // What a reviewer acts on first: the failing findings new against the
  // baseline (all of them without one), most severe first.
  std::vector<const Finding*> to_act_on;
  std::vector<SectionFindings> sections;           // evidence and waivers first, then CP order
  std::vector<ArtifactFindings> artifacts;         // by name
  std::vector<CoverageRow> coverage;               // in pack order
  std::vector<const RuleTally*> rules_by_section;  // CP order, pack order within
  std::vector<const RuleTally*> not_evaluated;
  std::vector<CaTimeline> timelines;

  // The pack's title of a CP section, or "".
  const std::string& SectionTitle(const std::string& section) const;
  // The JSON report (the contract) and its document id, built on first use.
  const nlohmann::json& Json() const;
  std::string DocumentId() const;

 private:
  mutable std::optional<nlohmann::json> json_;
};

}  // namespace cpaudit
