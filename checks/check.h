#pragma once
// The interface every check (a C++ primitive or a compiled declarative
// assertion) implements.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/context.h"
#include "harness/finding.h"

namespace cpaudit {

// One violation: the values its message template's placeholders take.
struct Violation {
  std::map<std::string, std::string> vars;
  // Distinguishes several violations of one rule on one artifact in fingerprints.
  std::string key;
  // Set when this violation is less (or more) severe than the rule, as when a
  // shared subject DN lacks the subscriber that would decide it.
  std::optional<Severity> severity;
};

// The result of one rule on one artifact.
struct Outcome {
  Status status = Status::kPass;
  std::vector<Violation> violations;  // set when status is kFail
  std::string reason;                 // why not_applicable or not_evaluated
  std::vector<DeadlineSpan> spans;    // deadline rules: each window they checked
};

struct CorpusContext {
  const Evidence& evidence;
  const std::vector<Artifact>& artifacts;
  UnixTime at;
  const EvidenceIndex* index;
};

class Check {
 public:
  virtual ~Check() = default;
  // Per-artifact checks (applies_to: certificate, crl, csr).
  virtual void Evaluate(const EvalContext& ctx, Outcome* out) const;
  // Corpus checks (applies_to: corpus): one outcome per artifact index.
  virtual void EvaluateCorpus(const CorpusContext& ctx,
                              std::vector<std::pair<size_t, Outcome>>* out) const;
  // What the check tests, for `cpaudit explain`.
  virtual std::string Describe() const = 0;
  // For applies_to: events, the event types the check reads as its subjects
  // (a rule's `event:` key says it for declarative checks).
  virtual std::vector<std::string> EventTypes() const { return {}; }
};

// "certs/a.pem, certs/b.pem and 12 more": the artifacts of `group` other than
// `self`, at most `shown` by name, so that messages stay short (and linear to
// build) however many artifacts share a value.
std::string OtherArtifacts(const std::vector<size_t>& group, size_t self,
                           const std::vector<Artifact>& artifacts, size_t shown = 5);

// The groups of two or more artifacts whose keys are equal (key_of gives an
// artifact's key, or nullopt to leave it out), each in artifact order, groups
// in order of their first artifact. The index is (hash of the key, artifact):
// 16 bytes an artifact; keys are rebuilt and compared only where hashes are
// equal, so a collision never groups different keys.
std::vector<std::vector<size_t>> SharedKeyGroups(
    size_t n, const std::function<std::optional<std::string>(size_t)>& key_of);

// Adds a violation and marks the outcome failed.
void Fail(Outcome* out, std::map<std::string, std::string> vars, std::string key = {},
          std::optional<Severity> severity = std::nullopt);

}  // namespace cpaudit
