#include "checks/csr_proof_of_possession.h"

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

class CsrProofOfPossession : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Csr& csr = *ctx.artifact.csr;
    std::string error;
    // The CSR's own key is decoded only here: the one rule that needs it.
    auto key = VerificationKey::FromPublicKeyInfo(csr.public_key(), &error);
    std::string reason;
    if (!key) {
      Fail(out, {{"problem", "its public key does not decode: " + error}}, "key");
    } else if (key->Verify(csr.envelope(), &reason) != VerifyResult::kValid) {
      Fail(out, {{"problem", "its signature does not verify with its own key: " + reason}},
           "signature");
    }
    const EvidenceIndex& index = *ctx.index;
    for (const Event* application : index.Join("application_received", "csr", csr.source().path)) {
      std::string id = application->Str("application");
      for (const Event* issued : index.Join("certificate_issued", "application", id)) {
        const Certificate* cert = index.CertificateOf(*issued);
        if (cert == nullptr) continue;
        if (!SameBytes(cert->public_key().key, csr.public_key().key)) {
          Fail(out,
               {{"problem", "certificate " + cert->source().Display() + " (serial " +
                                cert->serial_hex() + ", application " + id +
                                ") certifies a different key"}},
               cert->serial_hex());
        }
      }
    }
  }
  std::string Describe() const override {
    return "the CSR's signature verifies with its own key, and the certificate issued for its "
           "application carries that key";
  }
};

}  // namespace

PrimitiveInfo CsrProofOfPossessionPrimitive() {
  return {"csr-proof-of-possession",
          "the CSR proves possession of its key, and the certificate issued for it has that key",
          {"csr"},
          {"problem"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<CsrProofOfPossession>();
          }};
}

}  // namespace cpaudit
