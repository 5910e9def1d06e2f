#include "checks/signature_valid.h"

namespace cpaudit {
namespace {

class SignatureValid : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    if (ctx.issuer_ca == nullptr) {
      out->status = Status::kNotEvaluated;
      out->reason = "no CA certificate in the evidence matches the issuer";
      return;
    }
    if (!ctx.issuer_ca->key) {
      out->status = Status::kNotEvaluated;
      out->reason = "the CA certificate's key does not decode: " + ctx.issuer_ca->key_error;
      return;
    }
    const SignedEnvelope& env = ctx.artifact.certificate != nullptr
                                    ? ctx.artifact.certificate->envelope()
                                    : ctx.artifact.crl->envelope();
    std::string reason;
    switch (ctx.signature->Verify(*ctx.issuer_ca, env, &reason)) {
      case VerifyResult::kValid:
        return;
      case VerifyResult::kInvalid:
        return Fail(out, {{"problem", reason}});
      case VerifyResult::kUnsupported:
        out->status = Status::kNotEvaluated;
        out->reason = reason;
        return;
    }
  }
  std::string Describe() const override {
    return "verifies the signature with the public key of the issuing CA certificate in ca/";
  }
};

}  // namespace

PrimitiveInfo SignatureValidPrimitive() {
  return {"signature-valid",
          "the signature verifies with the issuing CA's public key",
          {"certificate", "crl"},
          {"problem"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<SignatureValid>();
          }};
}

}  // namespace cpaudit
