#pragma once
// Severities, statuses and findings: the vocabulary every report shares.

#include <optional>
#include <string>
#include <string_view>

#include "harness/model/time_util.h"

namespace cpaudit {

enum class Severity { kNotice, kWarning, kError };
enum class Status { kPass, kFail, kNotApplicable, kNotEffective, kNotEvaluated, kWaived };
inline constexpr Status kAllStatuses[] = {Status::kPass,          Status::kFail,
                                          Status::kNotApplicable, Status::kNotEffective,
                                          Status::kNotEvaluated,  Status::kWaived};
inline constexpr Severity kAllSeverities[] = {Severity::kError, Severity::kWarning,
                                              Severity::kNotice};

std::string_view ToString(Severity s);  // "error"
std::string_view ToString(Status s);    // "not_applicable"
std::optional<Severity> ParseSeverity(std::string_view s);

// The rule id of findings about unreadable evidence.
inline constexpr std::string_view kInputRuleId = "cpaudit-input";

struct Finding {
  std::string rule;
  std::string cp;
  Severity severity = Severity::kError;
  Status status = Status::kFail;
  std::string artifact;  // relative to the evidence dir, "#N" in a bundle, ":LINE" in a log
  std::string location;  // logical location: "issuer=..., serial=..." or "line N"
  std::string message;
  // Stable identity of what the finding is about (issuer+serial, CRL issuer+number,
  // file for input problems) plus the violation; never an absolute path.
  std::string identity;
  std::string fingerprint;  // SHA-256 of rule id + identity, hex
  std::string serial;       // the certificate serial it concerns, if any (for waivers)
  std::string subject;      // the certificate or CSR subject, if any (for waivers)
  std::string baseline;     // "new" or "unchanged" against a baseline; empty without one
  // Set when a waiver covers the finding (status kWaived).
  struct Waiver {
    std::string justification;
    std::string approver;
    std::string expires;  // YYYY-MM-DD
    std::string where;    // waivers file:line
  };
  std::optional<Waiver> waiver;

  // Whether it counts against the gate at this threshold.
  bool FailsGate(Severity fail_on) const {
    return status == Status::kFail && severity >= fail_on && baseline != "unchanged";
  }
};

// A deadline rule's window on one subject, for the life-cycle timeline: when
// the clock started, the deadline, when the requirement was met (if it was),
// and whether it was late (met after the deadline, or never by then).
struct DeadlineSpan {
  UnixTime from = 0;
  UnixTime deadline = 0;
  std::optional<UnixTime> done;
  bool late = false;
};

// A failing finding an earlier report (the baseline) recorded.
struct BaselineEntry {
  std::string rule;
  std::string artifact;
  std::string message;
  std::string fingerprint;
};

// "ERROR cp-7.1.4-subject-charset certs/tsa1.pem: subject OU ..." (the text report
// and the fixture expectations use this line).
std::string CanonicalLine(const Finding& f);
std::string Fingerprint(std::string_view rule, std::string_view identity);

}  // namespace cpaudit
