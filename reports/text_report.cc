#include "reports/text_report.h"

#include <fmt/format.h>

#include <set>

#include "reports/escape.h"

namespace cpaudit {
namespace {

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\033[31m";
    case Severity::kWarning:
      return "\033[33m";
    case Severity::kNotice:
      return "\033[36m";
  }
  return "";
}

}  // namespace

std::string TextReport(const ReportView& view, const TextOptions& options) {
  const RunResult& r = view.run;
  std::string out;
  // Every line passes through TerminalEscape: evidence cannot start a line,
  // move the cursor or reorder text. Colour is added after escaping.
  auto line = [&](const std::string& text) { out += TerminalEscape(text) + "\n"; };
  const Pack& pack = view.pack;
  line(fmt::format("cpaudit {}  pack {} {}", CPAUDIT_VERSION, pack.id, pack.version));
  line(fmt::format("evidence  {}: {} CA, {} certificates, {} CRLs, {} CSRs, {} events", r.evidence,
                   r.cas, r.certificates, r.crls, r.csrs, r.events));
  line(fmt::format("evaluated {}", view.evaluated_at));
  std::string parameters;
  for (const auto& [name, value] : view.parameters) {
    parameters += (parameters.empty() ? "" : ", ") + name + "=" + value;
  }
  if (!parameters.empty()) line("settings  " + parameters);
  std::string rules_line;
  for (Status s : kAllStatuses) {
    size_t n = view.rules_by_status[static_cast<size_t>(s)];
    if (n > 0) rules_line += fmt::format("{}{} {}", rules_line.empty() ? "" : ", ", n, ToString(s));
  }
  line(fmt::format("rules     {} ({})", r.rules.size(), rules_line));
  const auto& failing = view.failing_by_severity;
  line(fmt::format("findings  {} error, {} warning, {} notice",
                   failing[static_cast<size_t>(Severity::kError)],
                   failing[static_cast<size_t>(Severity::kWarning)],
                   failing[static_cast<size_t>(Severity::kNotice)]));
  const GateCounts& counts = view.gate;
  if (counts.waived > 0) {
    line(fmt::format("waived    {} finding(s){}", counts.waived,
                     counts.waived_input > 0 ? fmt::format(", {} of them UNREADABLE EVIDENCE ({})",
                                                           counts.waived_input, kInputRuleId)
                                             : ""));
  }
  if (r.baseline_file) {
    line(fmt::format("baseline  {}: {} new, {} unchanged, {} fixed", *r.baseline_file, counts.fresh,
                     counts.unchanged, r.fixed.size()));
  }
  bool failed = view.gate_failed;
  std::string verdict = failed ? "FAIL" : "PASS";
  if (options.color) verdict = (failed ? "\033[1;31m" : "\033[1;32m") + verdict + "\033[0m";
  out += fmt::format("result    {} (fail on {} and above)\n", verdict, ToString(r.fail_on));

  // By section, input problems first.
  std::set<std::string> told;  // rules whose remediation was printed
  for (const SectionFindings& section : view.sections) {
    out += "\n";
    line(section.section.empty()
             ? "input: unreadable evidence"
             : "§" + section.section + (section.title.empty() ? "" : " " + section.title));
    for (const Finding* f : section.findings) {
      std::string text = TerminalEscape(CanonicalLine(*f));
      if (options.color) {
        size_t space = text.find(' ');
        text = SeverityColor(f->severity) + text.substr(0, space) + "\033[0m" + text.substr(space);
      }
      out += text + "\n";
      // Beside a rule's first finding: what to do about it.
      const Rule* rule = pack.FindRule(f->rule);
      if (rule != nullptr && !rule->remediation.empty() && told.insert(f->rule).second) {
        line("  what to do: " + rule->remediation);
      }
    }
  }
  if (!view.not_evaluated.empty()) out += "\nnot evaluated\n";
  for (const RuleTally* t : view.not_evaluated) {
    std::string reasons;
    for (const auto& reason : t->reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    line(fmt::format("  {}: {}", t->rule->id, reasons));
  }
  return out;
}

}  // namespace cpaudit
