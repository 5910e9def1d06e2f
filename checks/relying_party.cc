#include "checks/relying_party.h"

namespace cpaudit {
namespace {

class RelyingParty : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Certificate& cert = *ctx.artifact.certificate;
    if (ctx.issuer_ca == nullptr || !ctx.issuer_ca->key) {
      out->status = Status::kNotEvaluated;
      out->reason = "no usable CA certificate in the evidence matches the issuer";
      return;
    }
    std::string reason;
    if (ctx.signature->Verify(*ctx.issuer_ca, cert.envelope(), &reason) != VerifyResult::kValid) {
      Fail(out, {{"problem", "signature: " + reason}}, "signature");
    }
    if (ctx.at < cert.not_before()) {
      Fail(out, {{"problem", "not yet valid at " + FormatRfc3339(ctx.at)}}, "validity");
    } else if (ctx.at > cert.not_after()) {
      Fail(out, {{"problem", "expired " + FormatRfc3339(cert.not_after())}}, "validity");
    }
    if (ctx.newest_crl == nullptr) {
      Fail(out, {{"problem", "no CRL of the issuer to check revocation against"}}, "crl");
      return;
    }
    auto it = ctx.newest_crl->listed.find(cert.serial_hex());
    if (it != ctx.newest_crl->listed.end()) {
      const CrlEntry& e = it->second;
      Fail(out,
           {{"problem", "revoked " + FormatRfc3339(e.revocation_date) +
                            (e.reason_code ? " (" + ReasonName(*e.reason_code) + ")" : "") +
                            " per " + ctx.newest_crl->crl->source().Display()}},
           "revoked");
    }
  }
  std::string Describe() const override {
    return "at the evaluation time: the CA's signature verifies, the certificate is within its "
           "validity, and its serial is not on the issuer's newest CRL (thisUpdate not after the "
           "evaluation time)";
  }
};

}  // namespace

PrimitiveInfo RelyingPartyPrimitive() {
  return {"relying-party",
          "a relying party's checks (CP 9.6.3): signature, validity, revocation",
          {"certificate"},
          {"problem"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<RelyingParty>();
          }};
}

}  // namespace cpaudit
