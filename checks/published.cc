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
    if (!ctx.evidence.IsPublished(*ctx.artifact.certificate)) Fail(out, {});
  }
  std::string Describe() const override {
    return "the certificate is in the repository snapshot (repository/), byte for byte";
  }
};

}  // namespace

PrimitiveInfo PublishedPrimitive() {
  return {"published",
          "the certificate is published in the repository",
          {"certificate"},
          {},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<Published>();
          }};
}

}  // namespace cpaudit
