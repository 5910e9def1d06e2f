#pragma once
// One audit: read the evidence's cpaudit.yaml, load and compile the pack (before
// any artifact is read), load the evidence, evaluate.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "harness/evaluator.h"
#include "harness/model/evidence.h"
#include "harness/pack.h"

namespace cpaudit {

// evidence/cpaudit.yaml: optional settings that travel with the evidence.
struct EvidenceConfig {
  std::string file;                           // its path, for errors
  std::optional<UnixTime> at;                 // `at`: evaluation time
  std::optional<std::filesystem::path> pack;  // `pack`: a pack folder, relative to the evidence
  YAML::Node parameters;                      // `parameters`: pack parameter overrides
  YAML::Node calendar;                        // `calendar`: closures and closed days
};
// Throws PackError (file:line) when cpaudit.yaml is malformed; empty config when absent.
EvidenceConfig LoadEvidenceConfig(const std::filesystem::path& evidence_dir);

struct AuditRequest {
  std::filesystem::path evidence;
  std::optional<std::filesystem::path> pack_dir;  // nullopt: cpaudit.yaml's, else built-in
  std::optional<UnixTime> at;                     // nullopt: cpaudit.yaml's, else now
  Severity fail_on = Severity::kError;
  unsigned threads = 0;
  std::optional<std::filesystem::path> waivers;   // waivers.yaml
  std::optional<std::filesystem::path> baseline;  // an earlier JSON report
  // Without it, evidence with no certificate, CRL, CSR or event fails the gate.
  bool allow_empty = false;
  // Called from time to time while evaluating (artifacts done, total).
  std::function<void(size_t, size_t)> progress;
};

struct AuditRun {
  std::unique_ptr<Pack> pack;
  std::unique_ptr<Evidence> evidence;
  RunResult result;
};

// Throws EvidenceError (evidence dir unusable) or PackError (bad pack or config).
AuditRun RunAudit(const AuditRequest& request);

UnixTime Now();

}  // namespace cpaudit
