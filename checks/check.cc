#include "checks/check.h"

#include <algorithm>

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

std::vector<std::vector<size_t>> SharedKeyGroups(
    size_t n, const std::function<std::optional<std::string>(size_t)>& key_of) {
  std::hash<std::string> hash;
  std::vector<std::pair<size_t, size_t>> index;  // (hash, artifact)
  for (size_t i = 0; i < n; ++i) {
    if (auto key = key_of(i)) index.emplace_back(hash(*key), i);
  }
  std::sort(index.begin(), index.end());
  std::vector<std::vector<size_t>> groups;
  for (size_t run = 0; run < index.size();) {
    size_t end = run + 1;
    while (end < index.size() && index[end].first == index[run].first) ++end;
    if (end - run > 1) {
      // Artifacts of one hash, split by their actual key.
      std::map<std::string, std::vector<size_t>> by_key;
      for (size_t k = run; k < end; ++k)
        by_key[*key_of(index[k].second)].push_back(index[k].second);
      for (auto& [key, group] : by_key) {
        if (group.size() > 1) groups.push_back(std::move(group));
      }
    }
    run = end;
  }
  std::sort(groups.begin(), groups.end());
  return groups;
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
