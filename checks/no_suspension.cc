#include "checks/no_suspension.h"

#include <algorithm>

namespace cpaudit {
namespace {

class NoSuspension : public Check {
 public:
  NoSuspension(std::vector<std::string> reasons, std::vector<int> codes)
      : reasons_(std::move(reasons)), codes_(std::move(codes)) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      const Artifact& a = ctx.artifacts[i];
      Outcome outcome;
      if (a.crl != nullptr) {
        JudgeCrl(*a.crl, &outcome);
      } else if (a.event != nullptr && a.event->type == "certificate_revoked") {
        std::string reason = a.event->Str("reason");
        if (std::find(reasons_.begin(), reasons_.end(), reason) != reasons_.end()) {
          Fail(&outcome, {{"detail", "serial " + a.event->Str("serial") + " revoked with reason " +
                                         reason + ": the CA does not suspend certificates"}});
        }
      } else {
        continue;
      }
      out->emplace_back(i, std::move(outcome));
    }
  }

  std::string Describe() const override {
    std::string names;
    for (const auto& r : reasons_) names += (names.empty() ? "" : ", ") + r;
    return "no CRL entry has reasonCode " + names +
           " or a holdInstructionCode extension, and no certificate_revoked event has reason " +
           names;
  }

 private:
  bool Suspends(int code) const {
    return std::find(codes_.begin(), codes_.end(), code) != codes_.end();
  }

  void JudgeCrl(const Crl& crl, Outcome* out) const {
    // The parse counted reasons and hold instructions: a CRL of a million
    // entries with none is not walked again.
    const CrlEntryStats& stats = crl.entry_stats();
    size_t suspended = stats.with_hold_instruction;
    for (int code : codes_) suspended += stats.by_reason[static_cast<size_t>(code)];
    if (suspended == 0) return;
    crl.ForEachEntry([&](const CrlEntry& e) {
      if (e.reason_code && Suspends(*e.reason_code)) {
        std::string serial = e.SerialHex();
        Fail(out,
             {{"detail", "entry " + serial + " has reasonCode " + ReasonName(*e.reason_code) +
                             ": the CA does not suspend certificates"}},
             serial + "|reason");
      }
      if (e.hold_instruction) {
        std::string serial = e.SerialHex();
        Fail(out,
             {{"detail", "entry " + serial +
                             " has a holdInstructionCode extension: the CA does not suspend "
                             "certificates"}},
             serial + "|hold");
      }
    });
  }

  const std::vector<std::string> reasons_;
  const std::vector<int> codes_;
};

}  // namespace

PrimitiveInfo NoSuspensionPrimitive() {
  return {"no-suspension",
          "no certificate is suspended, on a CRL or in the event log",
          {"corpus"},
          {"detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            std::vector<std::string> reasons =
                options.Has("reasons")
                    ? options.Strings("reasons")
                    : std::vector<std::string>{"certificateHold", "removeFromCRL"};
            std::vector<int> codes;
            for (const std::string& r : reasons) {
              std::optional<int> code = ReasonCode(r);
              if (!code) options.Fail("reasons", "\"" + r + "\" is not an RFC 5280 reason name");
              codes.push_back(*code);
            }
            options.RejectUnknown();
            return std::make_unique<NoSuspension>(std::move(reasons), std::move(codes));
          }};
}

}  // namespace cpaudit
