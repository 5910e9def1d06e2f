#include "reports/markdown_report.h"

#include <fmt/format.h>

#include <map>

#include "reports/text_report.h"

namespace cpaudit {
namespace {

// Table cells cannot hold "|" or line breaks.
std::string Cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out.push_back(c);
  }
  return out;
}

constexpr size_t kShownPerSection = 20;

}  // namespace

std::string MarkdownReport(const RunResult& r) {
  const Pack& pack = *r.pack;
  bool failed = r.GateFailed();
  std::string out = fmt::format("## cpaudit: {} {}\n\n", failed ? "❌ FAIL" : "✅ PASS", pack.title);
  out += fmt::format(
      "Pack `{}` {} · evaluated {} · evidence `{}`: {} CA, {} certificates, {} "
      "CRLs, {} CSRs, {} events · gate fails on {} and above",
      pack.id, pack.version, FormatRfc3339(r.at), r.evidence, r.cas, r.certificates, r.crls, r.csrs,
      r.events, ToString(r.fail_on));
  if (r.baseline_file) out += fmt::format(" · baseline `{}`", *r.baseline_file);
  out += "\n\n| | error | warning | notice |\n|---|---:|---:|---:|\n";
  out += fmt::format("| findings | {} | {} | {} |\n", r.FailedAt(Severity::kError),
                     r.FailedAt(Severity::kWarning), r.FailedAt(Severity::kNotice));
  size_t waived = 0, fresh = 0;
  for (const Finding& f : r.findings) {
    waived += f.status == Status::kWaived ? 1 : 0;
    fresh += f.status == Status::kFail && f.baseline == "new" ? 1 : 0;
  }
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
  if (waived) out += fmt::format(" {} finding{} waived.", waived, waived == 1 ? "" : "s");
  if (r.baseline_file) {
    out += fmt::format(" Against the baseline: {} new, {} fixed.", fresh, r.fixed.size());
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
        "\n### {} ({})\n\n| severity | rule | artifact | message |\n|---|---|---|---|\n", title,
        findings.size());
    for (size_t i = 0; i < findings.size() && i < kShownPerSection; ++i) {
      const Finding& f = *findings[i];
      out += fmt::format("| {}{} | `{}` | `{}` | {} |\n", ToString(f.severity),
                         f.baseline == "unchanged" ? " (unchanged)" : "", f.rule, Cell(f.artifact),
                         Cell(f.message));
    }
    if (findings.size() > kShownPerSection) {
      out += fmt::format("\n<details><summary>{} more</summary>\n\n",
                         findings.size() - kShownPerSection);
      for (size_t i = kShownPerSection; i < findings.size(); ++i) {
        out += "- `" + CanonicalLine(*findings[i]) + "`\n";
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
    out += fmt::format("- `{}`: {}\n", t.rule->id, reasons);
  }
  if (header) out += "\n</details>\n";
  return out;
}

}  // namespace cpaudit
