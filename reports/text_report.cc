#include "reports/text_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "reports/escape.h"

namespace cpaudit {
namespace {

std::vector<int> SectionNumbers(const std::string& s) {
  std::vector<int> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '.')) {
    try {
      out.push_back(std::stoi(part));
    } catch (const std::exception&) {
      out.push_back(0);
    }
  }
  return out;
}

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

std::string ChapterOf(const std::string& section) { return section.substr(0, section.find('.')); }

bool SectionLess(const std::string& a, const std::string& b) {
  return SectionNumbers(a) < SectionNumbers(b);
}

std::string TextReport(const RunResult& r, const TextOptions& options) {
  std::string out;
  // Every line passes through TerminalEscape: evidence cannot start a line,
  // move the cursor or reorder text. Colour is added after escaping.
  auto line = [&](const std::string& text) { out += TerminalEscape(text) + "\n"; };
  const Pack& pack = *r.pack;
  line(fmt::format("cpaudit {}  pack {} {}", CPAUDIT_VERSION, pack.id, pack.version));
  line(fmt::format("evidence  {}: {} CA, {} certificates, {} CRLs, {} CSRs, {} events", r.evidence,
                   r.cas, r.certificates, r.crls, r.csrs, r.events));
  line(fmt::format("evaluated {}", FormatRfc3339(r.at)));
  std::string parameters;
  for (const auto& [name, value] : pack.ParameterTexts()) {
    parameters += (parameters.empty() ? "" : ", ") + name + "=" + value;
  }
  if (!parameters.empty()) line("settings  " + parameters);
  std::array<size_t, std::size(kAllStatuses)> rule_counts{};
  for (const RuleTally& t : r.rules) ++rule_counts[static_cast<size_t>(t.status)];
  std::string rules_line;
  for (Status s : kAllStatuses) {
    size_t n = rule_counts[static_cast<size_t>(s)];
    if (n > 0) rules_line += fmt::format("{}{} {}", rules_line.empty() ? "" : ", ", n, ToString(s));
  }
  line(fmt::format("rules     {} ({})", r.rules.size(), rules_line));
  line(fmt::format("findings  {} error, {} warning, {} notice", r.FailedAt(Severity::kError),
                   r.FailedAt(Severity::kWarning), r.FailedAt(Severity::kNotice)));
  GateCounts counts = CountGate(r);
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
  bool failed = r.GateFailed();
  std::string verdict = failed ? "FAIL" : "PASS";
  if (options.color) verdict = (failed ? "\033[1;31m" : "\033[1;32m") + verdict + "\033[0m";
  out += fmt::format("result    {} (fail on {} and above)\n", verdict, ToString(r.fail_on));

  // Group by section, input problems first.
  std::vector<const Finding*> sorted;
  for (const Finding& f : r.findings) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    if (a->cp.empty() != b->cp.empty()) return a->cp.empty();
    return SectionLess(a->cp, b->cp);
  });
  std::string section = "\x01";
  std::set<std::string> told;  // rules whose remediation was printed
  for (const Finding* f : sorted) {
    if (f->cp != section) {
      section = f->cp;
      std::string title = "unreadable evidence";
      for (const CoverageEntry& c : pack.coverage) {
        if (c.section == section) title = c.title;
      }
      out += "\n";
      line(fmt::format("{} {}", section.empty() ? "input:" : "§" + section, title));
    }
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
  bool header = false;
  for (const RuleTally& t : r.rules) {
    if (t.status != Status::kNotEvaluated) continue;
    if (!header) out += "\nnot evaluated\n";
    header = true;
    std::string reasons;
    for (const auto& reason : t.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    line(fmt::format("  {}: {}", t.rule->id, reasons));
  }
  return out;
}

}  // namespace cpaudit
