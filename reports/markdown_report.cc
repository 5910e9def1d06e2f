#include "reports/markdown_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "reports/escape.h"

namespace cpaudit {
namespace {

// Every text that is not this writer's own markup goes through MarkdownEscape
// (M): evidence, and the pack's and the user's strings as well.
std::string M(std::string_view s) { return MarkdownEscape(s); }

constexpr size_t kShownPerSection = 20;
constexpr size_t kShownFirst = 30;

// "- **What to do** (rule): ..." once per rule of `findings` that says one.
std::string WhatToDo(const Pack& pack, const std::vector<const Finding*>& findings) {
  std::string out;
  std::vector<std::string> told;
  for (const Finding* f : findings) {
    const Rule* rule = pack.FindRule(f->rule);
    if (rule == nullptr || rule->remediation.empty() ||
        std::find(told.begin(), told.end(), f->rule) != told.end()) {
      continue;
    }
    if (told.empty()) out += "\n";
    told.push_back(f->rule);
    out += fmt::format("- **What to do** ({}): {}\n", M(f->rule), M(rule->remediation));
  }
  return out;
}

}  // namespace

std::string MarkdownReport(const ReportView& view) {
  const RunResult& r = view.run;
  const Pack& pack = view.pack;
  bool failed = view.gate_failed;
  std::string out =
      fmt::format("## cpaudit: {} {}\n\n", failed ? "❌ FAIL" : "✅ PASS", M(pack.title));
  out += fmt::format(
      "Pack {} {} · evaluated {} · evidence {}: {} CA, {} certificates, {} "
      "CRLs, {} CSRs, {} events · gate fails on {} and above",
      M(pack.id), M(pack.version), M(view.evaluated_at), M(r.evidence), r.cas, r.certificates,
      r.crls, r.csrs, r.events, ToString(r.fail_on));
  if (r.baseline_file) out += fmt::format(" · baseline {}", M(*r.baseline_file));
  std::string parameters;
  for (const auto& [name, value] : view.parameters) {
    parameters += (parameters.empty() ? "" : ", ") + M(name + "=" + value);
  }
  if (!parameters.empty()) out += "\n\nSettings: " + parameters;
  out += "\n\n| | error | warning | notice |\n|---|---:|---:|---:|\n";
  out += "| findings |";
  for (Severity s : kAllSeverities) {
    out += fmt::format(" {} |", view.failing_by_severity[static_cast<size_t>(s)]);
  }
  out += "\n";
  const GateCounts& counts = view.gate;
  out += "\nRules: ";
  bool first = true;
  for (Status s : kAllStatuses) {
    if (size_t n = view.rules_by_status[static_cast<size_t>(s)]) {
      out += fmt::format("{}{} {}", first ? "" : ", ", n, ToString(s));
      first = false;
    }
  }
  out += fmt::format(" (of {}).", r.rules.size());
  if (counts.waived) {
    out += fmt::format(" {} finding{} waived", counts.waived, counts.waived == 1 ? "" : "s");
    if (counts.waived_input) {
      out += fmt::format(", **{} of them about unreadable evidence**", counts.waived_input);
    }
    out += ".";
  }
  if (r.baseline_file) {
    out += fmt::format(" Against the baseline: {} new, {} unchanged, {} fixed.", counts.fresh,
                       counts.unchanged, r.fixed.size());
  }
  out += "\n";

  // First what a reviewer acts on: the findings new against the baseline (all
  // failing findings without one), most severe first; the rest folded below.
  const std::vector<const Finding*>& first_shown = view.to_act_on;
  size_t failing = view.failing.size();
  if (!first_shown.empty()) {
    out += fmt::format(
        "\n### {} ({})\n\n| severity | CP | rule | artifact | message |\n"
        "|---|---|---|---|---|\n",
        r.baseline_file ? "New findings" : "Findings", first_shown.size());
    std::vector<const Finding*> shown(
        first_shown.begin(), first_shown.begin() + std::min(first_shown.size(), kShownFirst));
    for (const Finding* f : shown) {
      out += fmt::format("| {} | {} | {} | {} | {} |\n", ToString(f->severity), M(f->cp),
                         M(f->rule), M(f->artifact), M(f->message));
    }
    if (first_shown.size() > shown.size())
      out += fmt::format("\n{} more in the sections below.\n", first_shown.size() - shown.size());
    out += WhatToDo(pack, shown);
  } else if (r.baseline_file && failing > 0) {
    out += "\nNo new findings against the baseline.\n";
  }
  if (failing > 0)
    out += fmt::format("\n<details><summary>All {} findings by CP section</summary>\n", failing);

  for (const SectionFindings& section : view.sections) {
    std::vector<const Finding*> findings;
    for (const Finding* f : section.findings) {
      if (f->status == Status::kFail) findings.push_back(f);
    }
    if (findings.empty()) continue;
    std::string title =
        section.section.empty()
            ? "Evidence and waivers"
            : "CP " + section.section + (section.title.empty() ? "" : " ") + section.title;
    out += fmt::format(
        "\n### {} ({})\n\n| severity | rule | artifact | message |\n|---|---|---|---|\n", M(title),
        findings.size());
    for (size_t i = 0; i < findings.size() && i < kShownPerSection; ++i) {
      const Finding& f = *findings[i];
      out += fmt::format("| {}{} | {} | {} | {} |\n", ToString(f.severity),
                         f.baseline == "unchanged" ? " (unchanged)" : "", M(f.rule), M(f.artifact),
                         M(f.message));
    }
    out += WhatToDo(pack, findings);
    if (findings.size() > kShownPerSection) {
      out += fmt::format("\n<details><summary>{} more</summary>\n\n",
                         findings.size() - kShownPerSection);
      for (size_t i = kShownPerSection; i < findings.size(); ++i) {
        out += "- " + M(CanonicalLine(*findings[i])) + "\n";
      }
      out += "\n</details>\n";
    }
  }
  if (failing > 0) out += "\n</details>\n";
  if (!view.not_evaluated.empty()) out += "\n<details><summary>Not evaluated</summary>\n\n";
  for (const RuleTally* t : view.not_evaluated) {
    std::string reasons;
    for (const auto& reason : t->reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    out += fmt::format("- {}: {}\n", M(t->rule->id), M(reasons));
  }
  if (!view.not_evaluated.empty()) out += "\n</details>\n";
  return out;
}

}  // namespace cpaudit
