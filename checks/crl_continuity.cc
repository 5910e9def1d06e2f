#include "checks/crl_continuity.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

class CrlContinuity : public Check {
 public:
  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    const EvidenceIndex& index = *ctx.index;
    std::unordered_map<const Crl*, size_t> position;
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].crl != nullptr) position[ctx.artifacts[i].crl] = i;
    }
    struct Listed {
      const Crl* since;  // the CRL that listed it last
      std::optional<UnixTime> expires;
      bool seen;  // on the CRL being checked
    };
    // CRLs still to come per issuer: the last one's entries need not be kept.
    std::unordered_map<std::string, size_t> remaining;
    for (const Crl* crl : index.CrlsByTime()) ++remaining[crl->issuer().comparison_key];
    // Per issuer: serial -> where it was last listed, while it must stay listed.
    std::unordered_map<std::string, std::unordered_map<std::string, Listed>> must_list;
    for (const Crl* crl : index.CrlsByTime()) {
      const std::string& issuer = crl->issuer().comparison_key;
      auto& required = must_list[issuer];
      bool keep = --remaining[issuer] > 0;
      std::unordered_map<std::string, Listed> next;
      crl->ForEachEntry([&](const CrlEntry& e) {
        std::string serial = e.SerialHex();
        if (auto it = required.find(serial); it != required.end()) it->second.seen = true;
        if (!keep) return;
        const Certificate* cert = index.CertificateBySerial(serial);
        next[serial] = {crl, cert != nullptr ? std::optional(cert->not_after()) : std::nullopt,
                        false};
      });
      std::vector<std::pair<std::string, const Listed*>> missing;
      for (const auto& [serial, listed] : required) {
        bool expired = listed.expires && *listed.expires < crl->this_update();
        if (!expired && !listed.seen) missing.emplace_back(serial, &listed);
      }
      std::sort(missing.begin(), missing.end());
      Outcome outcome;
      for (const auto& [serial, listed] : missing) {
        Fail(
            &outcome,
            {{"serial", serial},
             {"detail", "serial " + serial + " was listed on " + listed->since->source().Display() +
                            " but is missing here, before the certificate expired" +
                            (listed->expires ? " (" + FormatRfc3339(*listed->expires) + ")" : "")}},
            serial);
      }
      required = std::move(next);
      out->emplace_back(position.at(crl), std::move(outcome));
    }
  }
  std::string Describe() const override {
    return "a serial once on a CRL stays on every later CRL of the issuer until the certificate "
           "expires";
  }
};

}  // namespace

PrimitiveInfo CrlContinuityPrimitive() {
  return {"crl-continuity",
          "revoked serials stay listed until the certificate expires",
          {"corpus"},
          {"serial", "detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<CrlContinuity>();
          }};
}

}  // namespace cpaudit
