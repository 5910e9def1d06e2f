#pragma once
// Runs a compiled pack over loaded evidence: per-artifact rules in parallel
// across cores, corpus rules over the whole evidence; results in a fixed order
// whatever the thread count.

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/calendar.h"
#include "harness/finding.h"
#include "harness/model/evidence.h"
#include "harness/pack.h"

namespace cpaudit {

struct RuleTally {
  const Rule* rule = nullptr;
  Status status = Status::kNotEvaluated;                 // the rule's overall status
  std::array<size_t, std::size(kAllStatuses)> counts{};  // per artifact, by Status
  std::vector<std::string> reasons;  // distinct reasons for not_evaluated / not_applicable

  size_t count(Status s) const { return counts[static_cast<size_t>(s)]; }
};

// An evaluated certificate, CRL or CSR, for the by-artifact view of reports.
struct ArtifactInfo {
  std::string name;         // "certs/a.pem"
  std::string kind;         // certificate, crl, csr
  std::string description;  // subject and serial, issuer and CRL number
  // For the life-cycle timeline: the issuing CA's name; a certificate's
  // validity or a CRL's thisUpdate..nextUpdate (end 0: no nextUpdate); a
  // certificate's issuance and first revocation as its log records them (0: none).
  std::string ca;
  UnixTime start = 0, end = 0;
  UnixTime issued = 0, revoked = 0;
};

// A deadline rule's window on one subject (an event, or a certificate).
struct DeadlineWindow {
  const Rule* rule = nullptr;
  std::string artifact;  // as findings name it
  std::string ca;        // the CA of the certificate it concerns, if known
  DeadlineSpan span;
};

struct RunResult {
  const Pack* pack = nullptr;
  UnixTime at = 0;
  std::string evidence;  // the evidence path as given
  size_t cas = 0, certificates = 0, crls = 0, csrs = 0, events = 0;
  std::vector<RuleTally> rules;           // in pack order
  std::vector<Finding> findings;          // input problems, then by rule, then by artifact
  std::vector<ArtifactInfo> artifacts;    // certificates, CRLs and CSRs (not events)
  std::vector<DeadlineWindow> deadlines;  // by rule, then subject
  Severity fail_on = Severity::kError;
  std::optional<std::string> baseline_file;  // set when compared with a baseline
  std::vector<BaselineEntry> fixed;          // baseline findings that are gone
  std::string waivers_file;                  // the waivers applied, if any
  // Every input file read: the evidence's (by path inside it), then
  // cpaudit.yaml, the waivers and the baseline.
  std::vector<ManifestEntry> manifest;

  bool GateFailed() const;
  size_t FailedAt(Severity s) const;  // failing findings of exactly this severity
};

// Counts every report states the same way.
struct GateCounts {
  size_t fresh = 0, unchanged = 0;  // failing findings new / unchanged against the baseline
  size_t waived = 0;
  size_t waived_input = 0;  // of them, findings about unreadable evidence
};
GateCounts CountGate(const RunResult& result);

// An automated CP section's result: "fail" (a rule failed), "waived" (only
// waived failures), "pass" (every rule passed and was evaluated on every
// artifact it applies to), "partial" (some evaluated and passed, none failed)
// or "not_evaluated" (no rule passed on evidence).
std::string_view SectionResult(const RunResult& result, const CoverageEntry& section);

struct EvaluateOptions {
  UnixTime at = 0;
  unsigned threads = 0;  // 0: one per core
  Severity fail_on = Severity::kError;
  std::function<void(size_t, size_t)> progress;  // (artifacts done, total), may be empty
  // A calendar built once by the caller (the oracle); null: built from the pack.
  const BusinessCalendar* calendar = nullptr;
};

RunResult Evaluate(const Pack& pack, const Evidence& evidence, const std::string& evidence_label,
                   const EvaluateOptions& options);

}  // namespace cpaudit
