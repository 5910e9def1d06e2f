#include "checks/crl_entries.h"

namespace cpaudit {
namespace {

class CrlEntries : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Crl& crl = *ctx.artifact.crl;
    const CrlEntryStats& stats = crl.entry_stats();
    if (stats.count == 0) {
      out->status = Status::kNotApplicable;
      out->reason = "the CRL lists no certificates";
      return;
    }
    // The parse saw every entry; walk again only to name the ones that fail.
    if (stats.latest_revocation <= crl.this_update() && stats.with_extension_error == 0) return;
    crl.ForEachEntry([&](const CrlEntry& e) {
      if (e.revocation_date > crl.this_update()) {
        std::string serial = e.SerialHex();
        Fail(out,
             {{"serial", serial},
              {"problem", "revocationDate " + FormatRfc3339(e.revocation_date) +
                              " is after thisUpdate " + FormatRfc3339(crl.this_update())}},
             serial);
      }
      if (e.extension_error != nullptr) {
        std::string serial = e.SerialHex();
        Fail(out, {{"serial", serial}, {"problem", e.extension_error}}, serial);
      }
    });
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
