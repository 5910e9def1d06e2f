#pragma once
// What a check sees when it evaluates one artifact.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "harness/model/artifact_kind.h"
#include "harness/model/evidence.h"
#include "harness/model/time_util.h"

namespace cpaudit {

struct Artifact {
  ArtifactKind kind = ArtifactKind::kCertificate;
  const Certificate* certificate = nullptr;
  const Crl* crl = nullptr;
  const Csr* csr = nullptr;
  const Event* event = nullptr;

  const Source& source() const;
  const Name* issuer() const;            // null for CSRs and events
  const Extensions* extensions() const;  // null for CSRs and events
  // Stable identity for fingerprints: issuer and serial, issuer and CRL
  // number/thisUpdate, the CSR's key hash, or a hash of the event record.
  // Never a path.
  std::string Identity() const;
  // Human-readable logical location for reports.
  std::string Location() const;
};

// The newest CRL of an issuer at the evaluation time, with the entries that
// name certificates of the evidence: a CRL may list millions of others.
struct CrlView {
  const Crl* crl = nullptr;
  std::unordered_map<std::string, CrlEntry> listed;  // by certificate serial

  static CrlView Of(const Crl& crl, const Evidence& evidence);
};

class EvidenceIndex;

// The issuing CA's signature on one artifact, verified at most once however
// many rules ask (4.3.1 and 9.6.3 both do). An artifact is evaluated by one
// thread, so this needs no lock.
class SignatureMemo {
 public:
  // Requires the issuing CA with a decoded key.
  VerifyResult Verify(const CaCertificate& ca, const SignedEnvelope& envelope,
                      std::string* reason) {
    if (!result_) result_ = ca.key->Verify(envelope, &reason_);
    *reason = reason_;
    return *result_;
  }

 private:
  std::optional<VerifyResult> result_;
  std::string reason_;
};

struct EvalContext {
  const Evidence& evidence;
  const Artifact& artifact;
  const CaCertificate* issuer_ca;  // null when the evidence has no matching CA
  std::string_view profile;        // a certificate's profile (the pack's `profiles`), else empty
  const CrlView* newest_crl;       // certificates and CRLs: the issuer's latest CRL with
                                   // thisUpdate <= at, or null
  UnixTime at;                     // the evaluation time
  const EvidenceIndex* index;      // events, serials, CRL order, the calendar
  SignatureMemo* signature;        // the issuer's signature, verified once
};

}  // namespace cpaudit
