#include "checks/crl_entry_reasons.h"

namespace cpaudit {
namespace {

class CrlEntryReasons : public Check {
 public:
  explicit CrlEntryReasons(bool published_separately)
      : published_separately_(published_separately) {}

  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    if (published_separately_) {
      out->status = Status::kNotApplicable;
      out->reason = "the pack says revocation reasons are published separately";
      return;
    }
    const Crl& crl = *ctx.artifact.crl;
    if (crl.entry_stats().count == 0) {
      out->status = Status::kNotApplicable;
      out->reason = "the CRL lists no certificates";
      return;
    }
    if (crl.entry_stats().without_reason == 0) return;
    crl.ForEachEntry([&](const CrlEntry& e) {
      if (e.reason_code) return;
      std::string serial = e.SerialHex();
      Fail(out, {{"serial", serial}}, serial);
    });
  }
  std::string Describe() const override {
    return published_separately_ ? "not applied: reasons are published separately"
                                 : "every CRL entry has a reasonCode entry extension";
  }

 private:
  const bool published_separately_;
};

}  // namespace

PrimitiveInfo CrlEntryReasonsPrimitive() {
  return {"crl-entry-reasons",
          "every CRL entry carries its revocation reason",
          {"crl"},
          {"serial"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            bool separately = options.Bool("published_separately", false);
            options.RejectUnknown();
            return std::make_unique<CrlEntryReasons>(separately);
          }};
}

}  // namespace cpaudit
