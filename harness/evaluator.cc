#include "harness/evaluator.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "harness/assertion.h"
#include "harness/evidence_index.h"
#include "harness/model/parallel.h"

namespace cpaudit {
namespace {

// The rules that judge each kind of artifact, in pack order: found once, not
// by comparing every rule's applies_to on every artifact.
std::array<std::vector<size_t>, kArtifactKinds> RulesByKind(const Pack& pack) {
  std::array<std::vector<size_t>, kArtifactKinds> by_kind;
  for (size_t k = 0; k < kArtifactKinds; ++k) {
    for (size_t r = 0; r < pack.rules.size(); ++r) {
      if (pack.rules[r].applies_to == static_cast<ArtifactKind>(k)) {
        by_kind[k].push_back(r);
      }
    }
  }
  return by_kind;
}

// An events rule reads only the event types it names, when it names any.
bool ReadsEvent(const Rule& rule, const Artifact& a) {
  return a.event == nullptr || rule.event_types.empty() ||
         std::find(rule.event_types.begin(), rule.event_types.end(), a.event->type) !=
             rule.event_types.end();
}

UnixTime ArtifactDate(const Artifact& a) {
  if (a.certificate != nullptr) return a.certificate->not_before();
  if (a.crl != nullptr) return a.crl->this_update();
  if (a.event != nullptr) return a.event->time;
  return 0;
}

struct Prepared {
  std::vector<InputProblem> problems;  // found while preparing: reported as input findings
  std::vector<Artifact> artifacts;
  std::vector<const CaCertificate*> issuers;
  std::vector<std::string_view> profiles;
  std::vector<const CrlView*> newest_crls;
  std::unordered_map<std::string, CrlView> crl_views;  // by issuer comparison key
};

// The first of the pack's profiles whose `when` holds for the certificate,
// else none. Its certificate_issued event may name a profile the pack does
// not declare: that is a problem of the evidence, said rather than skipped.
std::string_view ProfileOf(const Pack& pack, const Evidence& evidence, const Artifact& a,
                           const CaCertificate* issuer, const EvidenceIndex& index, UnixTime at,
                           Prepared* p) {
  if (pack.profiles.empty()) return {};
  const Event* issued =
      index.OwnsIssuance(*a.certificate) ? index.IssuanceOf(*a.certificate) : nullptr;
  std::string declared = issued != nullptr ? issued->Str("profile") : "";
  if (!declared.empty() && std::none_of(pack.profiles.begin(), pack.profiles.end(),
                                        [&](const Profile& d) { return d.name == declared; })) {
    std::string names;
    for (const Profile& d : pack.profiles) names += (names.empty() ? "" : ", ") + d.name;
    p->problems.push_back({a.source().Display(),
                           "its certificate_issued event (" + issued->source.Display() +
                               ") names profile \"" + declared +
                               "\", which the pack does not declare (" + names + ")",
                           ""});
  }
  EvalContext ctx{evidence, a, issuer, "", nullptr, at, &index, nullptr};
  for (const Profile& profile : pack.profiles) {
    if (!profile.when) return profile.name;
    Outcome out;
    profile.when->Evaluate(ctx, &out);
    if (out.status == Status::kPass) return profile.name;
  }
  return {};
}

void Prepare(const Pack& pack, const Evidence& evidence, const EvidenceIndex& index, UnixTime at,
             Prepared* p) {
  for (const auto& c : evidence.certificates()) {
    p->artifacts.push_back({ArtifactKind::kCertificate, c.get(), nullptr, nullptr});
  }
  for (const auto& c : evidence.crls()) {
    p->artifacts.push_back({ArtifactKind::kCrl, nullptr, c.get(), nullptr});
  }
  for (const auto& c : evidence.csrs()) {
    p->artifacts.push_back({ArtifactKind::kCsr, nullptr, nullptr, c.get()});
  }
  for (const Event& e : evidence.events()) {
    p->artifacts.push_back({ArtifactKind::kEvent, nullptr, nullptr, nullptr, &e});
  }
  std::unordered_map<std::string, const Crl*> newest;  // by issuer comparison key
  for (const auto& crl : evidence.crls()) {
    if (crl->this_update() > at) continue;
    const Crl*& slot = newest[crl->issuer().comparison_key];
    if (slot == nullptr || crl->this_update() > slot->this_update()) slot = crl.get();
  }
  for (const auto& [issuer, crl] : newest)
    p->crl_views.emplace(issuer, CrlView::Of(*crl, evidence));
  for (const Artifact& a : p->artifacts) {
    const CaCertificate* issuer =
        a.issuer() != nullptr ? evidence.FindIssuer(*a.issuer(), *a.extensions()) : nullptr;
    p->issuers.push_back(issuer);
    p->profiles.push_back(a.certificate != nullptr
                              ? ProfileOf(pack, evidence, a, issuer, index, at, p)
                              : std::string_view());
    const CrlView* view = nullptr;
    if (a.issuer() != nullptr && a.csr == nullptr) {
      auto it = p->crl_views.find(a.issuer()->comparison_key);
      if (it != p->crl_views.end()) view = &it->second;
    }
    p->newest_crls.push_back(view);
  }
}

// Only not-evaluated reasons reach the reports (they say what input is
// missing); not-applicable and not-effective outcomes need none, and an
// allocation per rule and artifact would show in the per-certificate cost.
Outcome EvaluateOne(const Rule& rule, const EvalContext& ctx) {
  Outcome out;
  if (!rule.profiles.empty() &&
      std::find(rule.profiles.begin(), rule.profiles.end(), ctx.profile) == rule.profiles.end()) {
    out.status = Status::kNotApplicable;
    return out;
  }
  UnixTime date = ArtifactDate(ctx.artifact);
  if ((rule.effective && date < *rule.effective) ||
      (rule.ineffective && date >= *rule.ineffective)) {
    out.status = Status::kNotEffective;
    return out;
  }
  rule.check->Evaluate(ctx, &out);
  return out;
}

std::map<std::string, std::string> CommonVars(const Artifact& a, const BusinessCalendar& calendar) {
  std::map<std::string, std::string> vars = {
      {"artifact", a.source().Display()}, {"serial", ""}, {"subject", ""}, {"issuer", ""}};
  if (a.certificate != nullptr) {
    vars["serial"] = a.certificate->serial_hex();
    vars["subject"] = a.certificate->subject().text;
  }
  if (a.csr != nullptr) vars["subject"] = a.csr->subject().text;
  if (const Name* issuer = a.issuer()) vars["issuer"] = issuer->text;
  if (a.event != nullptr) {
    vars["time"] = calendar.FormatLocal(a.event->time);
    for (std::string_view name : EventFieldNames()) vars[std::string(name)] = a.event->Str(name);
  }
  return vars;
}

void AddFindings(const Rule& rule, const Artifact& a, const Outcome& out,
                 const BusinessCalendar& calendar, RunResult* result) {
  for (const Violation& v : out.violations) {
    auto vars = CommonVars(a, calendar);
    for (const auto& [k, val] : v.vars) vars[k] = val;
    Finding f;
    f.rule = rule.id;
    f.cp = rule.cp;
    f.severity = v.severity ? *v.severity : rule.severity;
    f.status = Status::kFail;
    f.artifact = a.source().Display();
    f.location = a.Location();
    auto own = vars.find(kMessageOverride);
    f.message = RenderMessage(own != vars.end() ? own->second : rule.message, vars);
    f.identity = a.Identity() + "|" + v.key;
    f.fingerprint = Fingerprint(f.rule, f.identity);
    f.serial = vars["serial"];
    f.subject = vars["subject"];
    result->findings.push_back(std::move(f));
  }
}

// The name of the CA that issued what the artifact concerns: a certificate's
// or CRL's issuer, the issuer of the certificate an event names by serial.
std::string CaOf(const Artifact& a, const EvidenceIndex& index) {
  if (a.certificate != nullptr) return a.certificate->issuer().text;
  if (a.crl != nullptr) return a.crl->issuer().text;
  if (a.event != nullptr) {
    const Certificate* c = a.event->type == std::string_view("certificate_issued")
                               ? index.CertificateOf(*a.event)
                               : index.CertificateBySerial(a.event->Str("serial"));
    if (c != nullptr) return c->issuer().text;
  }
  return "";
}

void Tally(RuleTally* tally, const Outcome& out) {
  ++tally->counts[static_cast<size_t>(out.status)];
  if (!out.reason.empty() && (out.status == Status::kNotEvaluated) &&
      std::find(tally->reasons.begin(), tally->reasons.end(), out.reason) == tally->reasons.end()) {
    tally->reasons.push_back(out.reason);
  }
}

Status Overall(const RuleTally& t) {
  for (Status s : {Status::kFail, Status::kPass, Status::kNotEvaluated, Status::kNotEffective,
                   Status::kNotApplicable}) {
    if (t.count(s) > 0) return s;
  }
  return Status::kNotEvaluated;
}

}  // namespace

bool RunResult::GateFailed() const {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.FailsGate(fail_on); });
}

size_t RunResult::FailedAt(Severity s) const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.status == Status::kFail && f.severity == s;
  }));
}

GateCounts CountGate(const RunResult& r) {
  GateCounts counts;
  for (const Finding& f : r.findings) {
    if (f.status == Status::kFail) {
      counts.fresh += f.baseline == "new" ? 1 : 0;
      counts.unchanged += f.baseline == "unchanged" ? 1 : 0;
    } else if (f.status == Status::kWaived) {
      ++counts.waived;
      counts.waived_input += f.rule == kInputRuleId ? 1 : 0;
    }
  }
  return counts;
}

std::string_view SectionResult(const RunResult& r, const CoverageEntry& section) {
  bool any_fail = false, any_waived = false, any_pass = false, all_pass = true;
  for (const RuleTally& t : r.rules) {
    if (std::find(section.rules.begin(), section.rules.end(), t.rule->id) == section.rules.end()) {
      continue;
    }
    any_fail |= t.status == Status::kFail;
    any_waived |= t.status == Status::kWaived;
    any_pass |= t.status == Status::kPass;
    all_pass &= t.status == Status::kPass && t.count(Status::kNotEvaluated) == 0;
  }
  if (any_fail) return "fail";
  if (any_waived) return "waived";
  if (any_pass) return all_pass ? "pass" : "partial";
  return "not_evaluated";
}

RunResult Evaluate(const Pack& pack, const Evidence& evidence, const std::string& evidence_label,
                   const EvaluateOptions& options) {
  RunResult result;
  result.pack = &pack;
  result.at = options.at;
  result.evidence = evidence_label;
  result.fail_on = options.fail_on;
  result.cas = evidence.cas().size();
  result.certificates = evidence.certificates().size();
  result.crls = evidence.crls().size();
  result.csrs = evidence.csrs().size();
  result.events = evidence.events().size();

  std::optional<BusinessCalendar> own_calendar;
  if (options.calendar == nullptr) own_calendar.emplace(pack.calendar);
  const BusinessCalendar& calendar = options.calendar ? *options.calendar : *own_calendar;
  EvidenceIndex index(evidence, calendar);
  Prepared prep;
  Prepare(pack, evidence, index, options.at, &prep);

  const std::vector<InputProblem>& prepared = prep.problems;
  for (const auto* problems : {&evidence.input_problems(), &prepared}) {
    for (const InputProblem& p : *problems) {
      Finding f;
      f.rule = std::string(kInputRuleId);
      f.severity = Severity::kError;
      f.status = Status::kFail;
      f.artifact = p.artifact;
      f.message = p.message;
      f.identity = "input|" + p.artifact + "|" + p.message;
      f.fingerprint = Fingerprint(f.rule, f.identity);
      result.findings.push_back(std::move(f));
    }
  }
  const size_t n_rules = pack.rules.size();
  const size_t n_artifacts = prep.artifacts.size();

  // Each worker tallies statuses per rule and keeps only the outcomes with
  // violations or deadline windows, so memory follows the findings, not
  // artifacts x rules.
  struct WorkerResult {
    std::vector<RuleTally> tallies;
    std::vector<std::tuple<size_t, size_t, Outcome>> kept;  // (rule, artifact, outcome)
  };
  unsigned threads = ThreadCount(options.threads, n_artifacts / 8);
  std::vector<WorkerResult> results(threads);
  for (WorkerResult& w : results) w.tallies.resize(n_rules);
  const auto rules_by_kind = RulesByKind(pack);
  ParallelFor(n_artifacts, threads, [&](size_t i, unsigned thread) {
    WorkerResult* mine = &results[thread];
    if (thread == 0 && options.progress && i % 4096 == 0) options.progress(i, n_artifacts);
    const Artifact& a = prep.artifacts[i];
    SignatureMemo signature;
    EvalContext ctx{evidence,   a,      prep.issuers[i], prep.profiles[i], prep.newest_crls[i],
                    options.at, &index, &signature};
    for (size_t r : rules_by_kind[static_cast<size_t>(a.kind)]) {
      const Rule& rule = pack.rules[r];
      if (!ReadsEvent(rule, a)) continue;
      Outcome out = EvaluateOne(rule, ctx);
      Tally(&mine->tallies[r], out);
      if (!out.violations.empty() || !out.spans.empty()) {
        mine->kept.emplace_back(r, i, std::move(out));
      }
    }
  });
  // Merge in a fixed order: by rule, then by artifact, whatever the threads did.
  std::vector<std::tuple<size_t, size_t, Outcome>> kept;
  for (WorkerResult& w : results) std::move(w.kept.begin(), w.kept.end(), std::back_inserter(kept));
  std::sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
  });
  auto next_kept = kept.begin();
  if (options.progress) options.progress(n_artifacts, n_artifacts);

  // A certificate's first revocation in the log, by serial (what the log says
  // after the evaluation time is not yet known).
  std::unordered_map<std::string, UnixTime> revoked;
  for (const Event* e : index.Events("certificate_revoked")) {
    if (e->time <= options.at) revoked.emplace(e->Str("serial"), e->time);
  }
  for (const Artifact& a : prep.artifacts) {
    if (a.event != nullptr) continue;
    ArtifactInfo info{a.source().Display(), std::string(ToString(a.kind)), "", CaOf(a, index)};
    if (const Certificate* c = a.certificate) {
      info.description = c->subject().text + " (serial " + c->serial_hex() + ", " +
                         std::string(prep.profiles[&a - prep.artifacts.data()]) + ")";
      info.start = c->not_before();
      info.end = c->not_after();
      const Event* issued = index.IssuanceOf(*c);
      if (issued != nullptr && issued->time <= options.at) info.issued = issued->time;
      if (auto it = revoked.find(c->serial_hex()); it != revoked.end()) info.revoked = it->second;
    } else {
      info.description = a.Location();
      if (const Crl* crl = a.crl) {
        info.start = crl->this_update();
        info.end = crl->next_update().value_or(0);
      }
    }
    result.artifacts.push_back(std::move(info));
  }

  CorpusContext corpus{evidence, prep.artifacts, options.at, &index};
  for (size_t r = 0; r < n_rules; ++r) {
    const Rule& rule = pack.rules[r];
    RuleTally tally;
    tally.rule = &rule;
    if (rule.applies_to == ArtifactKind::kCorpus) {
      std::vector<std::pair<size_t, Outcome>> corpus_outcomes;
      rule.check->EvaluateCorpus(corpus, &corpus_outcomes);
      std::sort(corpus_outcomes.begin(), corpus_outcomes.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [i, out] : corpus_outcomes) {
        Tally(&tally, out);
        AddFindings(rule, prep.artifacts[i], out, calendar, &result);
      }
    } else {
      for (const WorkerResult& w : results) {
        const RuleTally& part = w.tallies[r];
        for (size_t s = 0; s < part.counts.size(); ++s) tally.counts[s] += part.counts[s];
        for (const auto& reason : part.reasons) {
          if (std::find(tally.reasons.begin(), tally.reasons.end(), reason) ==
              tally.reasons.end()) {
            tally.reasons.push_back(reason);
          }
        }
      }
      std::sort(tally.reasons.begin(), tally.reasons.end());
      for (; next_kept != kept.end() && std::get<0>(*next_kept) == r; ++next_kept) {
        const Artifact& a = prep.artifacts[std::get<1>(*next_kept)];
        const Outcome& out = std::get<2>(*next_kept);
        AddFindings(rule, a, out, calendar, &result);
        for (const DeadlineSpan& span : out.spans) {
          result.deadlines.push_back({&rule, a.source().Display(), CaOf(a, index), span});
        }
      }
    }
    tally.status = Overall(tally);
    size_t total = 0;
    for (size_t c : tally.counts) total += c;
    if (total == 0) {
      tally.reasons.push_back("no " + std::string(InfoOf(rule.applies_to).plural) +
                              " in the evidence");
    }
    result.rules.push_back(std::move(tally));
  }
  return result;
}

}  // namespace cpaudit
