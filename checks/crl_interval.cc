#include "checks/crl_interval.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

class CrlInterval : public Check {
 public:
  explicit CrlInterval(int max_years) : max_years_(max_years) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    std::unordered_map<const Crl*, size_t> position;
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].crl != nullptr) position[ctx.artifacts[i].crl] = i;
    }
    std::map<std::string, const Crl*> previous;  // by issuer
    std::map<std::string, size_t> newest;        // result index of each issuer's newest CRL
    for (const Crl* crl : ctx.index->CrlsByTime()) {
      if (crl->this_update() > ctx.at) continue;
      Outcome outcome;
      const Crl*& prev = previous[crl->issuer().comparison_key];
      if (prev != nullptr && crl->this_update() > AddYears(prev->this_update(), max_years_)) {
        Fail(&outcome,
             {{"detail", fmt::format("thisUpdate {} is more than {} year{} after the "
                                     "previous CRL {} (thisUpdate {})",
                                     FormatRfc3339(crl->this_update()), max_years_,
                                     max_years_ == 1 ? "" : "s", prev->source().Display(),
                                     FormatRfc3339(prev->this_update()))}},
             "gap");
      }
      prev = crl;
      newest[crl->issuer().comparison_key] = out->size();
      out->emplace_back(position.at(crl), std::move(outcome));
    }
    for (const auto& [issuer, i] : newest) {
      const Crl& crl = *ctx.artifacts[(*out)[i].first].crl;
      if (ctx.at > AddYears(crl.this_update(), max_years_)) {
        Fail(&(*out)[i].second,
             {{"detail", fmt::format("it is the newest CRL, issued {}, and no CRL followed within "
                                     "{} year{} (evaluated {})",
                                     FormatRfc3339(crl.this_update()), max_years_,
                                     max_years_ == 1 ? "" : "s", FormatRfc3339(ctx.at))}},
             "stale");
      }
    }
  }
  std::string Describe() const override {
    return fmt::format(
        "consecutive CRLs of an issuer at most {} calendar year(s) apart, and the "
        "newest no older than that at the evaluation time",
        max_years_);
  }

 private:
  const int max_years_;
};

}  // namespace

PrimitiveInfo CrlIntervalPrimitive() {
  return {"crl-interval",
          "a new CRL follows the previous one within a maximum interval",
          {"corpus"},
          {"detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            int64_t years = options.Int("max_years", 1);
            if (years < 1 || years > 100) options.Fail("max_years", "expected 1 to 100");
            options.RejectUnknown();
            return std::make_unique<CrlInterval>(static_cast<int>(years));
          }};
}

}  // namespace cpaudit
