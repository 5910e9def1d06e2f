#pragma once
// A CA public key decoded once (d2i_PUBKEY is costly in OpenSSL 3.0) and used to
// verify the signatures of the certificates, CRLs and CSRs it signed.

#include <memory>
#include <string>

#include "harness/model/asn1_parts.h"

namespace cpaudit {

enum class VerifyResult { kValid, kInvalid, kUnsupported };

class VerificationKey {
 public:
  // nullptr with *error when the SubjectPublicKeyInfo does not decode.
  static std::unique_ptr<VerificationKey> FromPublicKeyInfo(const PublicKeyInfo& info,
                                                            std::string* error);
  ~VerificationKey();
  VerificationKey(const VerificationKey&) = delete;
  VerificationKey& operator=(const VerificationKey&) = delete;

  // Verifies `signature` over `tbs` with the algorithm named by `algorithm`.
  // Thread-safe. *reason explains kInvalid and kUnsupported.
  VerifyResult Verify(const SignedEnvelope& envelope, std::string* reason) const;

 private:
  struct Impl;
  explicit VerificationKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cpaudit
