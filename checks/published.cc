#include "checks/published.h"

namespace cpaudit {
namespace {

class Published : public Check {
 public:
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    if (!ctx.evidence.HasPart("repository")) {
      out->status = Status::kNotEvaluated;
      out->reason = "the evidence has no repository/ snapshot";
      return;
    }
    if (const Crl* crl = ctx.artifact.crl) {
      if (ctx.newest_crl == nullptr || ctx.newest_crl->crl != crl) {
        out->status = Status::kNotApplicable;
        out->reason = "not the issuer's newest CRL at the evaluation time";
        return;
      }
      if (!ctx.evidence.IsPublished(*crl)) Fail(out, {});
      return;
    }
    if (!ctx.evidence.IsPublished(*ctx.artifact.certificate)) Fail(out, {});
  }
  std::string Describe() const override {
    return "the certificate, or the issuer's newest CRL at the evaluation time, is in the "
           "repository snapshot (repository/), byte for byte";
  }
};

}  // namespace

PrimitiveInfo PublishedPrimitive() {
  return {"published",
          "the certificate (or the newest CRL) is published in the repository",
          {"certificate", "crl"},
          {},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<Published>();
          }};
}

}  // namespace cpaudit
