#include "reports/text_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

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

bool SectionLess(const std::string& a, const std::string& b) {
  return SectionNumbers(a) < SectionNumbers(b);
}

std::string TextReport(const RunResult& r, const TextOptions& options) {
  std::string out;
  const Pack& pack = *r.pack;
  out += fmt::format("cpaudit {}  pack {} {}\n", CPAUDIT_VERSION, pack.id, pack.version);
  out += fmt::format("evidence  {}: {} CA, {} certificates, {} CRLs, {} CSRs, {} events\n",
                     r.evidence, r.cas, r.certificates, r.crls, r.csrs, r.events);
  out += fmt::format("evaluated {}\n", FormatRfc3339(r.at));
  std::array<size_t, std::size(kAllStatuses)> rule_counts{};
  for (const RuleTally& t : r.rules) ++rule_counts[static_cast<size_t>(t.status)];
  std::string rules_line;
  for (Status s : kAllStatuses) {
    size_t n = rule_counts[static_cast<size_t>(s)];
    if (n > 0) rules_line += fmt::format("{}{} {}", rules_line.empty() ? "" : ", ", n, ToString(s));
  }
  out += fmt::format("rules     {} ({})\n", r.rules.size(), rules_line);
  out += fmt::format("findings  {} error, {} warning, {} notice\n", r.FailedAt(Severity::kError),
                     r.FailedAt(Severity::kWarning), r.FailedAt(Severity::kNotice));
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
  for (const Finding* f : sorted) {
    if (f->cp != section) {
      section = f->cp;
      std::string title = "unreadable evidence";
      for (const CoverageEntry& c : pack.coverage) {
        if (c.section == section) title = c.title;
      }
      out += fmt::format("\n{} {}\n", section.empty() ? "input:" : "§" + section, title);
    }
    std::string line = CanonicalLine(*f);
    if (options.color) {
      size_t space = line.find(' ');
      line = SeverityColor(f->severity) + line.substr(0, space) + "\033[0m" + line.substr(space);
    }
    out += line + "\n";
  }
  bool header = false;
  for (const RuleTally& t : r.rules) {
    if (t.status != Status::kNotEvaluated) continue;
    if (!header) out += "\nnot evaluated\n";
    header = true;
    std::string reasons;
    for (const auto& reason : t.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    out += fmt::format("  {}: {}\n", t.rule->id, reasons);
  }
  return out;
}

}  // namespace cpaudit
