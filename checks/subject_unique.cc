#include "checks/subject_unique.h"

#include <algorithm>
#include <map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

class SubjectUnique : public Check {
 public:
  explicit SubjectUnique(bool per_subscriber) : per_subscriber_(per_subscriber) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    auto groups =
        SharedKeyGroups(ctx.artifacts.size(), [&](size_t i) -> std::optional<std::string> {
          const Certificate* c = ctx.artifacts[i].certificate;
          return c != nullptr ? std::optional(c->subject().comparison_key) : std::nullopt;
        });
    std::map<size_t, Outcome> judged;  // only the certificates that share a DN
    for (const auto& group : groups) {
      // Subscribers of the group, counted ("" for none on record): linear in the group.
      std::map<std::string, size_t> subscribers;
      for (size_t i : group) ++subscribers[SubscriberOf(ctx, *ctx.artifacts[i].certificate)];
      for (size_t i : group) Judge(ctx, i, group, subscribers, &judged[i]);
    }
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].certificate == nullptr) continue;
      auto it = judged.find(i);
      out->emplace_back(i, it != judged.end() ? std::move(it->second) : Outcome{});
    }
  }

  std::string Describe() const override {
    return per_subscriber_ ? "a subject DN belongs to one subscriber only (subscribers from the "
                             "certificate_issued events); certificates sharing a DN without a "
                             "subscriber on record are a warning"
                           : "no two certificates share a subject DN";
  }

 private:
  std::string SubscriberOf(const CorpusContext& ctx, const Certificate& c) const {
    const Event* issued = ctx.index->IssuanceOf(c.serial_hex());
    return issued != nullptr ? issued->Str("subscriber") : std::string();
  }

  void Judge(const CorpusContext& ctx, size_t i, const std::vector<size_t>& group,
             const std::map<std::string, size_t>& subscribers, Outcome* out) const {
    const Certificate& cert = *ctx.artifacts[i].certificate;
    std::string mine = SubscriberOf(ctx, cert);
    std::string others = OtherArtifacts(group, i, ctx.artifacts);
    std::map<std::string, std::string> vars = {{"subject", cert.subject().text},
                                               {"others", others}};
    if (!per_subscriber_) {
      vars["detail"] = "subject \"" + cert.subject().text + "\" is also in " + others;
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
                       " also names subscriber " + names + " in " + others;
      return Fail(out, vars);
    }
    if (mine.empty() || others_unknown > 0) {
      vars["detail"] = "subject \"" + cert.subject().text + "\" is shared with " + others +
                       ", and no certificate_issued event says whose each is";
      Fail(out, vars, "unknown", Severity::kWarning);
    }
  }

  const bool per_subscriber_;
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
            options.RejectUnknown();
            return std::make_unique<SubjectUnique>(scope == "subscriber");
          }};
}

}  // namespace cpaudit
