#pragma once
// Severities, statuses and findings: the vocabulary every report shares.

#include <optional>
#include <string>
#include <string_view>

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
};

// "ERROR cp-7.1.4-subject-charset certs/tsa1.pem: subject OU ..." (the text report
// and the fixture expectations use this line).
std::string CanonicalLine(const Finding& f);
std::string Fingerprint(std::string_view rule, std::string_view identity);

}  // namespace cpaudit
