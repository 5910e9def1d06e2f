#include "reports/report_view.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "reports/json_report.h"

namespace cpaudit {
namespace {

// A CA's timeline draws at most this many certificates and CRLs, and this
// many windows per deadline rule (the late ones first).
constexpr size_t kTimelineArtifacts = 60;
constexpr size_t kTimelineWindowsPerRule = 200;

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

std::vector<std::pair<std::string, std::string>> Parameters(const Pack& pack) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : pack.ParameterTexts()) out.emplace_back(name, value);
  return out;
}

// The evidence period: from the first to the last thing that happened (an
// issuance, a revocation, a CRL's thisUpdate, a deadline window) and the
// evaluation time; validity periods only when nothing else dates it. Bars
// that reach beyond it are cut at its edges.
void FrameOf(CaTimeline* t, UnixTime at) {
  UnixTime lo = 0, hi = 0;
  auto take = [&](UnixTime x) {
    if (x == 0) return;
    lo = lo == 0 ? x : std::min(lo, x);
    hi = std::max(hi, x);
  };
  for (const TimelineLane& lane : t->lanes) {
    for (const DeadlineWindow* w : lane.windows) {
      take(w->span.from);
      take(w->span.deadline);
      take(w->span.done.value_or(0));
    }
    if (lane.artifact == nullptr) continue;
    if (lane.artifact->kind == "crl") take(lane.artifact->start);
    take(lane.artifact->issued);
    take(lane.artifact->revoked);
  }
  if (lo == 0) {
    for (const TimelineLane& lane : t->lanes) {
      if (lane.artifact == nullptr) continue;
      take(lane.artifact->start);
      take(lane.artifact->end);
    }
  }
  take(at);
  t->start = lo;
  t->end = hi > lo ? hi : lo + 86400;
}

std::vector<CaTimeline> Timelines(const RunResult& r) {
  std::map<std::string, CaTimeline> by_ca;
  for (const ArtifactInfo& a : r.artifacts) {
    if (a.ca.empty() || (a.kind != "certificate" && a.kind != "crl")) continue;
    CaTimeline& t = by_ca[a.ca];
    t.ca = a.ca;
    if (t.lanes.size() == kTimelineArtifacts) {
      ++t.left_out;
      continue;
    }
    t.lanes.push_back({(a.kind == "crl" ? "CRL " : "") + a.name, &a, {}});
  }
  // Certificates by start, then CRLs by thisUpdate.
  for (auto& [ca, t] : by_ca) {
    std::stable_sort(t.lanes.begin(), t.lanes.end(), [](const auto& a, const auto& b) {
      return std::make_pair(a.artifact->kind == "crl", a.artifact->start) <
             std::make_pair(b.artifact->kind == "crl", b.artifact->start);
    });
  }
  // A lane per deadline rule; a window whose certificate is unknown belongs
  // to the only CA, if there is one.
  std::map<std::pair<std::string, const Rule*>, std::vector<const DeadlineWindow*>> by_rule;
  for (const DeadlineWindow& w : r.deadlines) {
    std::string ca = w.ca.empty() && by_ca.size() == 1 ? by_ca.begin()->first : w.ca;
    if (by_ca.count(ca)) by_rule[{ca, w.rule}].push_back(&w);
  }
  for (auto& [key, windows] : by_rule) {
    CaTimeline& t = by_ca[key.first];
    // Late ones drawn last, on top; the on-time ones left out first.
    std::stable_sort(windows.begin(), windows.end(),
                     [](const auto* a, const auto* b) { return a->span.late > b->span.late; });
    if (windows.size() > kTimelineWindowsPerRule) {
      t.left_out += windows.size() - kTimelineWindowsPerRule;
      windows.resize(kTimelineWindowsPerRule);
    }
    std::reverse(windows.begin(), windows.end());
    t.lanes.push_back({key.second->id, nullptr, std::move(windows)});
  }
  std::vector<CaTimeline> out;
  for (auto& [ca, t] : by_ca) {
    FrameOf(&t, r.at);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::string ChapterOf(const std::string& section) { return section.substr(0, section.find('.')); }

bool SectionLess(const std::string& a, const std::string& b) {
  return SectionNumbers(a) < SectionNumbers(b);
}

ReportView::ReportView(const RunResult& r)
    : run(r),
      pack(*r.pack),
      gate_failed(r.GateFailed()),
      gate(CountGate(r)),
      evaluated_at(FormatRfc3339(r.at)),
      parameters(Parameters(*r.pack)) {
  for (const Finding& f : r.findings) {
    if (f.status == Status::kFail) {
      failing.push_back(&f);
      ++failing_by_severity[static_cast<size_t>(f.severity)];
    } else if (f.status == Status::kWaived) {
      waived.push_back(&f);
      ++waived_by_severity[static_cast<size_t>(f.severity)];
    }
  }
  for (const Finding* f : failing) {
    if (f->baseline != "unchanged") to_act_on.push_back(f);
  }
  std::stable_sort(to_act_on.begin(), to_act_on.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });

  for (const RuleTally& t : r.rules) {
    ++rules_by_status[static_cast<size_t>(t.status)];
    for (Status s : kAllStatuses) evaluations_by_status[static_cast<size_t>(s)] += t.count(s);
    rules_by_section.push_back(&t);
    if (t.status == Status::kNotEvaluated) not_evaluated.push_back(&t);
  }
  std::stable_sort(
      rules_by_section.begin(), rules_by_section.end(),
      [](const RuleTally* a, const RuleTally* b) { return SectionLess(a->rule->cp, b->rule->cp); });

  // Sections: every finding in result order; per rule, failing then waived.
  std::map<std::string, SectionFindings, decltype(&SectionLess)> by_section(&SectionLess);
  for (const Finding& f : r.findings) {
    SectionFindings& s = by_section[f.cp];
    s.section = f.cp;
    s.findings.push_back(&f);
    if (f.status == Status::kFail) s.worst = std::max(s.worst, static_cast<int>(f.severity));
  }
  for (auto& [section, s] : by_section) {
    s.title = SectionTitle(section);
    std::map<std::string, RuleFindings> rules;
    for (Status status : {Status::kFail, Status::kWaived}) {
      for (const Finding* f : s.findings) {
        if (f->status != status) continue;
        RuleFindings& rf = rules[f->rule];
        rf.id = f->rule;
        rf.rule = pack.FindRule(f->rule);
        rf.findings.push_back(f);
      }
    }
    for (auto& [id, rf] : rules) s.rules.push_back(std::move(rf));
    sections.push_back(std::move(s));
  }

  std::map<std::string, const ArtifactInfo*> info;
  for (const ArtifactInfo& a : r.artifacts) info[a.name] = &a;
  std::map<std::string, ArtifactFindings> by_artifact;
  for (const auto* list : {&failing, &waived}) {
    for (const Finding* f : *list) {
      ArtifactFindings& a = by_artifact[f->artifact];
      a.artifact = f->artifact;
      auto it = info.find(f->artifact);
      a.info = it != info.end() ? it->second : nullptr;
      a.findings.push_back(f);
    }
  }
  for (auto& [name, a] : by_artifact) artifacts.push_back(std::move(a));

  std::map<std::string, const RuleTally*> tally_of;
  for (const RuleTally& t : r.rules) tally_of[t.rule->id] = &t;
  for (const CoverageEntry& c : pack.coverage) {
    CoverageRow row{&c, c.status == "automated" ? SectionResult(r, c) : std::string_view(), {}};
    for (const std::string& id : c.rules) {
      if (auto it = tally_of.find(id); it != tally_of.end()) row.rules.push_back(it->second);
    }
    coverage.push_back(std::move(row));
  }
  timelines = Timelines(r);
}

const std::string& ReportView::SectionTitle(const std::string& section) const {
  static const std::string kNone;
  for (const CoverageEntry& c : pack.coverage) {
    if (c.section == section) return c.title;
  }
  return kNone;
}

const nlohmann::json& ReportView::Json() const {
  if (!json_) json_ = JsonReport(*this);
  return *json_;
}

std::string ReportView::DocumentId() const { return Json()["document_id"].get<std::string>(); }

}  // namespace cpaudit
