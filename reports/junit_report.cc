#include "reports/junit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "reports/escape.h"

namespace cpaudit {
namespace {

struct Case {
  std::string name;
  std::string classname;
  std::vector<const Finding*> failing;  // the findings that fail the gate
  // Waived, unchanged against a baseline, below --fail-on (notices), or an
  // unmatched waiver: reported in <system-out>, never as a failure.
  std::vector<const Finding*> other;
  bool skipped = false;
  std::string skip_reason;
  std::string remediation;  // the rule's, shown with its failure
};

void WriteCase(const Case& c, std::string* out) {
  *out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"0\"", XmlEscape(c.name),
                      XmlEscape(c.classname));
  if (c.failing.empty() && !c.skipped) {
    *out += "/>\n";
    return;
  }
  *out += ">\n";
  if (!c.failing.empty()) {
    Severity worst = Severity::kNotice;
    for (const Finding* f : c.failing) worst = std::max(worst, f->severity);
    std::string body;
    for (const Finding* f : c.failing) {
      body += CanonicalLine(*f) + (f->baseline.empty() ? "" : " [" + f->baseline + "]") + "\n";
    }
    if (!c.remediation.empty()) body += "What to do: " + c.remediation + "\n";
    *out += fmt::format("      <failure type=\"{}\" message=\"{} finding{}\">{}</failure>\n",
                        ToString(worst), c.failing.size(), c.failing.size() == 1 ? "" : "s",
                        XmlEscape(body));
  } else {
    *out += fmt::format("      <skipped message=\"{}\"/>\n", XmlEscape(c.skip_reason));
  }
  *out += "    </testcase>\n";
}

// CI views read a classname as package.class (Jenkins splits at the last dot;
// GitLab shows it beside the suite): pack.chN.SECTION, so that test cases
// group by CP chapter, then section.
std::string ClassName(const std::string& pack, const std::string& section) {
  auto plain = [](std::string text) {
    for (char& c : text) {
      if (c == '.' || c == ' ') c = '_';
    }
    return text;
  };
  return plain(pack) + ".ch" + plain(ChapterOf(section)) + "." + plain(section);
}

}  // namespace

std::string JunitReport(const ReportView& view) {
  const RunResult& r = view.run;
  const Pack& pack = view.pack;
  // Chapter -> cases, in CP order: one test suite per chapter.
  std::map<std::string, std::vector<Case>, decltype(&SectionLess)> suites(&SectionLess);
  std::map<std::string, Case*> by_rule;
  for (const RuleTally* tally : view.rules_by_section) {
    const RuleTally& t = *tally;
    Case c;
    c.name = t.rule->id;
    c.classname = ClassName(pack.id, t.rule->cp);
    c.remediation = t.rule->remediation;
    if (t.status == Status::kNotEvaluated || t.status == Status::kNotApplicable ||
        t.status == Status::kNotEffective) {
      c.skipped = true;
      std::string reasons;
      for (const auto& reason : t.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
      c.skip_reason = std::string(ToString(t.status)) + (reasons.empty() ? "" : ": " + reasons);
    }
    suites[ChapterOf(t.rule->cp)].push_back(std::move(c));
  }
  for (auto& [section, cases] : suites) {
    for (Case& c : cases) by_rule[c.name] = &c;
  }
  std::vector<Case> tool_cases;
  for (const Finding& f : r.findings) {
    auto it = by_rule.find(f.rule);
    Case* c = nullptr;
    if (it != by_rule.end()) {
      c = it->second;
    } else {
      auto same = std::find_if(tool_cases.begin(), tool_cases.end(),
                               [&](const Case& x) { return x.name == f.rule; });
      if (same == tool_cases.end()) {
        tool_cases.push_back({f.rule, "cpaudit", {}, {}, false, "", ""});
        same = tool_cases.end() - 1;
      }
      c = &*same;
    }
    (f.FailsGate(r.fail_on) ? c->failing : c->other).push_back(&f);
  }
  std::string ts = view.evaluated_at;
  ts.pop_back();  // the schema's timestamp has no zone designator; it is UTC
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  int id = 0;
  auto suite = [&](const std::string& name, const std::string& section,
                   const std::vector<Case>& cases) {
    size_t failures = 0, skipped = 0;
    for (const Case& c : cases) {
      failures += c.failing.empty() ? 0 : 1;
      skipped += c.failing.empty() && c.skipped ? 1 : 0;
    }
    out += fmt::format(
        "  <testsuite package=\"{}\" id=\"{}\" name=\"{}\" timestamp=\"{}\" hostname=\"cpaudit\" "
        "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
        XmlEscape(pack.id), id++, XmlEscape(name), ts, cases.size(), failures, skipped);
    out += fmt::format(
        "    <properties>\n      <property name=\"cp\" value=\"{}\"/>\n"
        "      <property name=\"evidence\" value=\"{}\"/>\n",
        XmlEscape(section), XmlEscape(r.evidence));
    for (const auto& [name, value] : view.parameters) {
      out += fmt::format("      <property name=\"parameter.{}\" value=\"{}\"/>\n", XmlEscape(name),
                         XmlEscape(value));
    }
    out += "    </properties>\n";
    std::string notes;
    for (const Case& c : cases) {
      WriteCase(c, &out);
      for (const Finding* f : c.other) {
        notes += CanonicalLine(*f);
        if (f->waiver)
          notes += " (waived by " + f->waiver->approver + " until " + f->waiver->expires + ")";
        if (!f->baseline.empty()) notes += " [" + f->baseline + "]";
        notes += "\n";
      }
    }
    out += "    <system-out>" + XmlEscape(notes) + "</system-out>\n    <system-err/>\n";
    out += "  </testsuite>\n";
  };
  if (!tool_cases.empty()) suite("cpaudit: evidence and waivers", "", tool_cases);
  for (const auto& [chapter, cases] : suites) {
    const std::string& title = view.SectionTitle(chapter);
    suite("CP " + chapter + (title.empty() ? "" : " " + title), chapter, cases);
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace cpaudit
