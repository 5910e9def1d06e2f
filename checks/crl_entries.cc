#include "checks/crl_entries.h"

namespace cpaudit {
namespace {

class CrlEntries : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Crl& crl = *ctx.artifact.crl;
    if (crl.entries().empty()) {
      out->status = Status::kNotApplicable;
      out->reason = "the CRL lists no certificates";
      return;
    }
    for (const CrlEntry& e : crl.entries()) {
      if (e.revocation_date > crl.this_update()) {
        Fail(out,
             {{"serial", e.serial_hex},
              {"problem", "revocationDate " + FormatRfc3339(e.revocation_date) +
                              " is after thisUpdate " + FormatRfc3339(crl.this_update())}},
             e.serial_hex);
      }
      if (!e.extension_error.empty()) {
        Fail(out, {{"serial", e.serial_hex}, {"problem", e.extension_error}}, e.serial_hex);
      }
    }
  }
  std::string Describe() const override {
    return "each entry's revocationDate is no later than thisUpdate and its extensions decode";
  }
};

}  // namespace

PrimitiveInfo CrlEntriesPrimitive() {
  return {"crl-entries",
          "CRL entries are well formed and dated no later than thisUpdate",
          {"crl"},
          {"serial", "problem"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<CrlEntries>();
          }};
}

}  // namespace cpaudit
