#include "checks/subject_unique.h"

#include <algorithm>
#include <map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

// What the rule reports: DNs shared against the scope, or (same_subscriber)
// one subscriber's certificates sharing a DN, which the scope subscriber
// allows and the literal reading of 3.1.5 does not.
enum class Report { kConflicts, kSameSubscriber };

class SubjectUnique : public Check {
 public:
  SubjectUnique(bool per_subscriber, Report report)
      : per_subscriber_(per_subscriber), report_(report) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    auto groups =
        SharedKeyGroups(ctx.artifacts.size(), [&](size_t i) -> std::optional<std::string> {
          const Certificate* c = ctx.artifacts[i].certificate;
          return c != nullptr ? std::optional(c->subject().comparison_key) : std::nullopt;
        });
    if (report_ == Report::kSameSubscriber && !per_subscriber_) {
      // Scope certificate: every shared DN is already an error of the scope rule.
      for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
        if (ctx.artifacts[i].certificate == nullptr) continue;
        Outcome outcome;
        outcome.status = Status::kNotApplicable;
        outcome.reason = "scope certificate: every shared DN is a cp-3.1.5-subject-unique error";
        out->emplace_back(i, std::move(outcome));
      }
      return;
    }
    std::map<size_t, Outcome> judged;  // only the certificates that share a DN
    for (const auto& group : groups) {
      // Subscribers of the group, counted ("" for none on record): linear in the group.
      std::map<std::string, size_t> subscribers;
      for (size_t i : group) ++subscribers[SubscriberOf(ctx, *ctx.artifacts[i].certificate)];
      for (size_t i : group) {
        if (report_ == Report::kSameSubscriber) {
          JudgeSameSubscriber(ctx, i, group, &judged[i]);
        } else {
          Judge(ctx, i, group, subscribers, &judged[i]);
        }
      }
    }
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].certificate == nullptr) continue;
      auto it = judged.find(i);
      out->emplace_back(i, it != judged.end() ? std::move(it->second) : Outcome{});
    }
  }

  std::string Describe() const override {
    if (report_ == Report::kSameSubscriber) {
      return per_subscriber_
                 ? "scope subscriber: certificates of one subscriber (from the certificate_issued "
                   "events) that share a subject DN, which the literal reading of 3.1.5 forbids"
                 : "scope certificate: not applied (cp-3.1.5-subject-unique reports every "
                   "shared DN)";
    }
    return per_subscriber_ ? "scope subscriber: a subject DN belongs to one subscriber only "
                             "(subscribers from the certificate_issued events); certificates "
                             "sharing a DN without a subscriber on record are a warning"
                           : "scope certificate (the literal reading): no two certificates share "
                             "a subject DN";
  }

 private:
  std::string SubscriberOf(const CorpusContext& ctx, const Certificate& c) const {
    const Event* issued = ctx.index->IssuanceOf(c);
    return issued != nullptr ? issued->Str("subscriber") : std::string();
  }

  std::string Scope() const { return per_subscriber_ ? "subscriber" : "certificate"; }

  void JudgeSameSubscriber(const CorpusContext& ctx, size_t i, const std::vector<size_t>& group,
                           Outcome* out) const {
    const Certificate& cert = *ctx.artifacts[i].certificate;
    std::string mine = SubscriberOf(ctx, cert);
    if (mine.empty()) return;  // the scope rule warns about DNs with no subscriber on record
    std::vector<size_t> same = {i};
    for (size_t j : group) {
      if (j != i && SubscriberOf(ctx, *ctx.artifacts[j].certificate) == mine) same.push_back(j);
    }
    if (same.size() < 2) return;
    std::string others = OtherArtifacts(same, i, ctx.artifacts);
    Fail(out, {{"subject", cert.subject().text},
               {"others", others},
               {"detail", "subject \"" + cert.subject().text + "\" of subscriber " + mine +
                              " is also the subject of " + others +
                              ", the same subscriber's: scope subscriber allows it, the literal "
                              "reading of 3.1.5 (unique in all certificates) does not"}});
  }

  void Judge(const CorpusContext& ctx, size_t i, const std::vector<size_t>& group,
             const std::map<std::string, size_t>& subscribers, Outcome* out) const {
    const Certificate& cert = *ctx.artifacts[i].certificate;
    std::string mine = SubscriberOf(ctx, cert);
    std::string others = OtherArtifacts(group, i, ctx.artifacts);
    std::map<std::string, std::string> vars = {{"subject", cert.subject().text},
                                               {"others", others}};
    if (!per_subscriber_) {
      vars["detail"] =
          "subject \"" + cert.subject().text + "\" is also in " + others + " (scope certificate)";
      return Fail(out, vars);
    }
    std::string names;
    for (const auto& [name, count] : subscribers) {
      if (!name.empty() && name != mine) names += (names.empty() ? "" : ", ") + name;
    }
    auto none = subscribers.find("");
    size_t others_unknown = (none == subscribers.end() ? 0 : none->second) - (mine.empty() ? 1 : 0);
    if (!mine.empty() && !names.empty()) {
      vars["detail"] = "subject \"" + cert.subject().text + "\" of subscriber " + mine +
                       " also names subscriber " + names + " in " + others + " (scope subscriber)";
      return Fail(out, vars);
    }
    if (mine.empty() || others_unknown > 0) {
      vars["detail"] = "subject \"" + cert.subject().text + "\" is shared with " + others +
                       ", and no certificate_issued event says whose each is (scope subscriber)";
      Fail(out, vars, "unknown", Severity::kWarning);
    }
  }

  const bool per_subscriber_;
  const Report report_;
};

}  // namespace

PrimitiveInfo SubjectUniquePrimitive() {
  return {"subject-unique",
          "a subject DN names one subscriber (or one certificate)",
          {"corpus"},
          {"subject", "others", "detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            std::string scope = options.String("scope", "subscriber");
            if (scope != "subscriber" && scope != "certificate") {
              options.Fail("scope", "expected subscriber or certificate");
            }
            std::string report = options.String("report", "conflicts");
            if (report != "conflicts" && report != "same_subscriber") {
              options.Fail("report", "expected conflicts or same_subscriber");
            }
            options.RejectUnknown();
            return std::make_unique<SubjectUnique>(
                scope == "subscriber",
                report == "conflicts" ? Report::kConflicts : Report::kSameSubscriber);
          }};
}

}  // namespace cpaudit
