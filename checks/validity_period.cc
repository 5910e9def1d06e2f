#include "checks/validity_period.h"

namespace cpaudit {
namespace {

class ValidityPeriod : public Check {
 public:
  explicit ValidityPeriod(bool within_ca) : within_ca_(within_ca) {}

  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Certificate& cert = *ctx.artifact.certificate;
    // Formatted only on failure: this runs on every certificate.
    auto fail = [&](std::string problem, std::string key) {
      Fail(out,
           {{"not_before", FormatRfc3339(cert.not_before())},
            {"not_after", FormatRfc3339(cert.not_after())},
            {"problem", std::move(problem)}},
           std::move(key));
    };
    if (!within_ca_) {
      if (cert.not_before() >= cert.not_after()) {
        fail("notBefore " + FormatRfc3339(cert.not_before()) + " is not before notAfter " +
                 FormatRfc3339(cert.not_after()),
             "order");
      }
      return;
    }
    if (ctx.issuer_ca == nullptr) {
      out->status = Status::kNotEvaluated;
      out->reason = "no CA certificate in the evidence matches the issuer";
      return;
    }
    const Certificate& ca = *ctx.issuer_ca->certificate;
    if (cert.not_before() < ca.not_before()) {
      fail("notBefore " + FormatRfc3339(cert.not_before()) + " precedes the CA's notBefore " +
               FormatRfc3339(ca.not_before()),
           "before-ca");
    }
    if (cert.not_after() > ca.not_after()) {
      fail("notAfter " + FormatRfc3339(cert.not_after()) + " is after the CA's notAfter " +
               FormatRfc3339(ca.not_after()),
           "after-ca");
    }
  }
  std::string Describe() const override {
    return within_ca_ ? "[notBefore, notAfter] lies within the issuing CA certificate's validity"
                      : "notBefore is before notAfter";
  }

 private:
  const bool within_ca_;
};

}  // namespace

PrimitiveInfo ValidityPeriodPrimitive() {
  return {"validity-period",
          "the validity period is ordered (within_ca: inside the CA's validity)",
          {"certificate"},
          {"problem", "not_before", "not_after"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            bool within_ca = options.Bool("within_ca", false);
            options.RejectUnknown();
            return std::make_unique<ValidityPeriod>(within_ca);
          }};
}

}  // namespace cpaudit
