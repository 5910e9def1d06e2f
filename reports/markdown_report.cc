#include "reports/markdown_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "reports/escape.h"
#include "reports/text_report.h"

namespace cpaudit {
namespace {

// Every text that is not this writer's own markup goes through MarkdownEscape
// (M): evidence, and the pack's and the user's strings as well.
std::string M(std::string_view s) { return MarkdownEscape(s); }

constexpr size_t kShownPerSection = 20;

}  // namespace

std::string MarkdownReport(const RunResult& r) {
  const Pack& pack = *r.pack;
  bool failed = r.GateFailed();
  std::string out =
      fmt::format("## cpaudit: {} {}\n\n", failed ? "❌ FAIL" : "✅ PASS", M(pack.title));
  out += fmt::format(
      "Pack {} {} · evaluated {} · evidence {}: {} CA, {} certificates, {} "
      "CRLs, {} CSRs, {} events · gate fails on {} and above",
      M(pack.id), M(pack.version), M(FormatRfc3339(r.at)), M(r.evidence), r.cas, r.certificates,
      r.crls, r.csrs, r.events, ToString(r.fail_on));
  if (r.baseline_file) out += fmt::format(" · baseline {}", M(*r.baseline_file));
  std::string parameters;
  for (const auto& [name, value] : pack.ParameterTexts()) {
    parameters += (parameters.empty() ? "" : ", ") + M(name + "=" + value);
  }
  if (!parameters.empty()) out += "\n\nSettings: " + parameters;
  out += "\n\n| | error | warning | notice |\n|---|---:|---:|---:|\n";
  out += fmt::format("| findings | {} | {} | {} |\n", r.FailedAt(Severity::kError),
                     r.FailedAt(Severity::kWarning), r.FailedAt(Severity::kNotice));
  GateCounts counts = CountGate(r);
  std::array<size_t, std::size(kAllStatuses)> rule_counts{};
  for (const RuleTally& t : r.rules) ++rule_counts[static_cast<size_t>(t.status)];
  out += "\nRules: ";
  bool first = true;
  for (Status s : kAllStatuses) {
    if (size_t n = rule_counts[static_cast<size_t>(s)]) {
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

  std::map<std::string, std::vector<const Finding*>, decltype(&SectionLess)> by_section(
      &SectionLess);
  for (const Finding& f : r.findings) {
    if (f.status == Status::kFail) by_section[f.cp].push_back(&f);
  }
  for (const auto& [section, findings] : by_section) {
    std::string title = section.empty() ? "Evidence and waivers" : "CP " + section;
    for (const CoverageEntry& c : pack.coverage) {
      if (c.section == section) title += " " + c.title;
    }
    out += fmt::format(
        "\n### {} ({})\n\n| severity | rule | artifact | message |\n|---|---|---|---|\n", M(title),
        findings.size());
    for (size_t i = 0; i < findings.size() && i < kShownPerSection; ++i) {
      const Finding& f = *findings[i];
      out += fmt::format("| {}{} | {} | {} | {} |\n", ToString(f.severity),
                         f.baseline == "unchanged" ? " (unchanged)" : "", M(f.rule), M(f.artifact),
                         M(f.message));
    }
    // What to do, once per rule of the section that has something to say.
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
    if (findings.size() > kShownPerSection) {
      out += fmt::format("\n<details><summary>{} more</summary>\n\n",
                         findings.size() - kShownPerSection);
      for (size_t i = kShownPerSection; i < findings.size(); ++i) {
        out += "- " + M(CanonicalLine(*findings[i])) + "\n";
      }
      out += "\n</details>\n";
    }
  }
  bool header = false;
  for (const RuleTally& t : r.rules) {
    if (t.status != Status::kNotEvaluated) continue;
    if (!header) out += "\n<details><summary>Not evaluated</summary>\n\n";
    header = true;
    std::string reasons;
    for (const auto& reason : t.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    out += fmt::format("- {}: {}\n", M(t.rule->id), M(reasons));
  }
  if (header) out += "\n</details>\n";
  return out;
}

}  // namespace cpaudit
