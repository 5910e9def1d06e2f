#include "checks/no_suspension.h"

#include <algorithm>

namespace cpaudit {
namespace {

constexpr std::string_view kHoldInstructionCode = "2.5.29.23";

class NoSuspension : public Check {
 public:
  explicit NoSuspension(std::vector<std::string> reasons) : reasons_(std::move(reasons)) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      const Artifact& a = ctx.artifacts[i];
      Outcome outcome;
      if (a.crl != nullptr) {
        JudgeCrl(*a.crl, &outcome);
      } else if (a.event != nullptr && a.event->type == "certificate_revoked") {
        std::string reason = a.event->Str("reason");
        if (Suspends(reason)) {
          Fail(&outcome,
               {{"detail", "serial " + a.event->Str("serial") + " revoked with reason " + reason +
                               ": the CA does not suspend certificates"}});
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
  bool Suspends(const std::string& reason) const {
    return std::find(reasons_.begin(), reasons_.end(), reason) != reasons_.end();
  }

  void JudgeCrl(const Crl& crl, Outcome* out) const {
    // Serials are formatted only for the entries that fail: a CRL may list millions.
    crl.ForEachEntry([&](const CrlEntry& e) {
      if (e.reason_code && Suspends(ReasonName(*e.reason_code))) {
        std::string serial = e.SerialHex();
        Fail(out,
             {{"detail", "entry " + serial + " has reasonCode " + ReasonName(*e.reason_code) +
                             ": the CA does not suspend certificates"}},
             serial + "|reason");
      }
      if (e.extensions.empty()) return;
      auto oids = e.ExtensionOids();
      if (std::find(oids.begin(), oids.end(), kHoldInstructionCode) != oids.end()) {
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
};

}  // namespace

PrimitiveInfo NoSuspensionPrimitive() {
  return {"no-suspension",
          "no certificate is suspended, on a CRL or in the event log",
          {"corpus"},
          {"detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            std::vector<std::string> reasons =
                options.Has("reasons") ? options.Strings("reasons")
                                       : std::vector<std::string>{"certificateHold",
                                                                  "removeFromCRL"};
            options.RejectUnknown();
            return std::make_unique<NoSuspension>(std::move(reasons));
          }};
}

}  // namespace cpaudit
