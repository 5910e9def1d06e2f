#include "checks/check.h"

namespace cpaudit {

void Check::Evaluate(const EvalContext&, Outcome* out) const {
  out->status = Status::kNotEvaluated;
  out->reason = "this check does not evaluate single artifacts";
}

void Check::EvaluateCorpus(const CorpusContext&, std::vector<std::pair<size_t, Outcome>>*) const {}

void Fail(Outcome* out, std::map<std::string, std::string> vars, std::string key,
          std::optional<Severity> severity) {
  out->status = Status::kFail;
  out->violations.push_back({std::move(vars), std::move(key), severity});
}

}  // namespace cpaudit
