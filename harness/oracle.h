#pragma once
// cpaudit as a library: the oracle a CA's fuzzer (or any program) calls for
// every certificate, CRL or CSR its CA emits. Load the pack and the CA once;
// each check evaluates one artifact through the same evaluator as
// `cpaudit audit`, so the findings are the same. Thread-safe.
//
//   auto oracle = cpaudit::Oracle::Create({.ca_pem = ca_pem});
//   cpaudit::Oracle::Result r = oracle->CheckCertificate(der);
//   if (r.Fails(cpaudit::Severity::kError)) abort();
//
// Rules that need more than one artifact (corpus, events) do not run here.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/finding.h"
#include "harness/model/byte_view.h"
#include "harness/model/time_util.h"

namespace cpaudit {

struct OracleOptions {
  std::optional<std::filesystem::path> pack_dir;  // nullopt: the built-in pack
  std::string ca_pem;                             // the issuing CA certificate(s), PEM (or one DER)
};

class Oracle {
 public:
  struct Result {
    bool parsed = false;  // false: the input is not a readable artifact (one cpaudit-input finding)
    std::string serial;   // certificates: lower-case hex
    std::string subject;  // certificates and CSRs
    std::vector<Finding> findings;  // failing findings, in rule order
    bool Fails(Severity at_or_above) const;
  };

  // Throws PackError (bad pack) or std::invalid_argument (no readable CA).
  static std::unique_ptr<Oracle> Create(const OracleOptions& options);
  ~Oracle();
  Oracle(const Oracle&) = delete;
  Oracle& operator=(const Oracle&) = delete;

  // `at` is the evaluation time (default: now), as `cpaudit audit --at`.
  Result CheckCertificate(ByteView der, std::optional<UnixTime> at = std::nullopt) const;
  Result CheckCrl(ByteView der, std::optional<UnixTime> at = std::nullopt) const;
  Result CheckCsr(ByteView der, std::optional<UnixTime> at = std::nullopt) const;

 private:
  struct Impl;
  explicit Oracle(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cpaudit
