#include "checks/crl_next_update.h"

#include <fmt/format.h>

namespace cpaudit {
namespace {

class CrlNextUpdate : public Check {
 public:
  CrlNextUpdate(bool required, bool ordered, int max_years)
      : required_(required), ordered_(ordered), max_years_(max_years) {}

  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Crl& crl = *ctx.artifact.crl;
    std::string this_update = FormatRfc3339(crl.this_update());
    if (!crl.next_update()) {
      if (!required_) {
        out->status = Status::kNotApplicable;
        out->reason = "the CRL has no nextUpdate";
        return;
      }
      return Fail(
          out,
          {{"problem", "nextUpdate is absent"}, {"this_update", this_update}, {"next_update", ""}});
    }
    std::string next_update = FormatRfc3339(*crl.next_update());
    std::map<std::string, std::string> vars = {{"this_update", this_update},
                                               {"next_update", next_update}};
    if (ordered_ && *crl.next_update() <= crl.this_update()) {
      vars["problem"] = "nextUpdate " + next_update + " is not after thisUpdate " + this_update;
      return Fail(out, std::move(vars));
    }
    if (max_years_ > 0 && *crl.next_update() > AddYears(crl.this_update(), max_years_)) {
      vars["problem"] =
          fmt::format("nextUpdate {} is more than {} year{} after thisUpdate {}", next_update,
                      max_years_, max_years_ == 1 ? "" : "s", this_update);
      Fail(out, std::move(vars));
    }
  }

  std::string Describe() const override {
    std::string d = required_ ? "nextUpdate is present" : "when nextUpdate is present";
    if (ordered_) d += ", it is after thisUpdate";
    if (max_years_ > 0)
      d += fmt::format(", it is at most {} calendar year(s) after thisUpdate", max_years_);
    return d;
  }

 private:
  const bool required_;
  const bool ordered_;
  const int max_years_;
};

}  // namespace

PrimitiveInfo CrlNextUpdatePrimitive() {
  return {"crl-next-update",
          "nextUpdate is present, after thisUpdate, and within a maximum period",
          {"crl"},
          {"problem", "this_update", "next_update"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            bool required = options.Bool("required", true);
            bool ordered = options.Bool("ordered", true);
            int64_t max_years = options.Int("max_years", 0);
            if (max_years < 0 || max_years > 100) options.Fail("max_years", "expected 0 to 100");
            options.RejectUnknown();
            return std::make_unique<CrlNextUpdate>(required, ordered, static_cast<int>(max_years));
          }};
}

}  // namespace cpaudit
