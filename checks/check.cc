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

std::string OtherArtifacts(const std::vector<size_t>& group, size_t self,
                           const std::vector<Artifact>& artifacts, size_t shown) {
  std::string out;
  size_t listed = 0;
  for (size_t j : group) {
    if (j == self) continue;
    if (listed == shown) {
      out += " and " + std::to_string(group.size() - 1 - shown) + " more";
      break;
    }
    out += (listed++ ? ", " : "") + artifacts[j].source().Display();
  }
  return out;
}
}  // namespace cpaudit
