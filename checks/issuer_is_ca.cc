#include "checks/issuer_is_ca.h"

namespace cpaudit {
namespace {

class IssuerIsCa : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const auto& cas = ctx.evidence.cas();
    if (cas.empty()) {
      out->status = Status::kNotEvaluated;
      out->reason = "no CA certificate in the evidence";
      return;
    }
    const Name& issuer = *ctx.artifact.issuer();
    std::string expected;
    for (const CaCertificate& ca : cas) {
      if (ca.certificate->subject().Matches(issuer)) return;
      expected += (expected.empty() ? "" : " or ") + ca.certificate->subject().text;
    }
    Fail(out, {{"issuer", issuer.text}, {"expected", expected}});
  }
  std::string Describe() const override {
    return "the issuer name equals the subject name of a CA certificate in ca/";
  }
};

}  // namespace

PrimitiveInfo IssuerIsCaPrimitive() {
  return {"issuer-is-ca",
          "the issuer is the CA's name",
          {"certificate", "crl"},
          {"issuer", "expected"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<IssuerIsCa>();
          }};
}

}  // namespace cpaudit
