#include "checks/crl_continuity.h"

#include <map>
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
      std::string since;  // the CRL that listed it last
      std::optional<UnixTime> expires;
    };
    // Per issuer: serial -> where it was last listed. Serials stay in here while
    // they must be listed.
    std::map<std::string, std::map<std::string, Listed>> must_list;
    for (const Crl* crl : index.CrlsByTime()) {
      auto& required = must_list[crl->issuer().comparison_key];
      Outcome outcome;
      for (auto it = required.begin(); it != required.end();) {
        const auto& [serial, listed] = *it;
        bool expired = listed.expires && *listed.expires < crl->this_update();
        if (expired || index.Lists(*crl, serial)) {
          it = expired ? required.erase(it) : std::next(it);
          continue;
        }
        Fail(&outcome,
             {{"serial", serial},
              {"detail", "serial " + serial + " was listed on " + listed.since +
                             " but is missing here, before the certificate expired" +
                             (listed.expires ? " (" + FormatRfc3339(*listed.expires) + ")" : "")}},
             serial);
        it = required.erase(it);
      }
      for (const CrlEntry& e : crl->entries()) {
        const Certificate* cert = index.CertificateBySerial(e.serial_hex);
        Listed listed{crl->source().Display(), std::nullopt};
        if (cert != nullptr) listed.expires = cert->not_after();
        required[e.serial_hex] = std::move(listed);
      }
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
