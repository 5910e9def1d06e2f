#include "harness/finding.h"

#include <openssl/sha.h>

#include <cctype>

#include "harness/model/byte_view.h"

namespace cpaudit {

std::string_view ToString(Severity s) {
  switch (s) {
    case Severity::kNotice:
      return "notice";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string_view ToString(Status s) {
  switch (s) {
    case Status::kPass:
      return "pass";
    case Status::kFail:
      return "fail";
    case Status::kNotApplicable:
      return "not_applicable";
    case Status::kNotEffective:
      return "not_effective";
    case Status::kNotEvaluated:
      return "not_evaluated";
    case Status::kWaived:
      return "waived";
  }
  return "fail";
}

std::optional<Severity> ParseSeverity(std::string_view s) {
  for (Severity v : kAllSeverities) {
    if (ToString(v) == s) return v;
  }
  return std::nullopt;
}

std::string CanonicalLine(const Finding& f) {
  std::string line;
  if (f.status == Status::kFail) {
    for (char c : ToString(f.severity)) line.push_back(static_cast<char>(std::toupper(c)));
  } else {
    for (char c : ToString(f.status)) line.push_back(static_cast<char>(std::toupper(c)));
  }
  line += " " + f.rule + " " + f.artifact + ": " + f.message;
  return line;
}

std::string Fingerprint(std::string_view rule, std::string_view identity) {
  std::string input(rule);
  input.push_back('\0');
  input.append(identity);
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const uint8_t*>(input.data()), input.size(), digest);
  return HexEncode(ByteView(digest, 16));
}

}  // namespace cpaudit
