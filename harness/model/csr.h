#pragma once
// A PKCS#10 certification request parsed once into immutable plain values.
//
// CertificationRequest ::= SEQUENCE {
//   certificationRequestInfo SEQUENCE { version INTEGER, subject Name,
//     subjectPKInfo SubjectPublicKeyInfo, attributes [0] IMPLICIT SET OF Attribute },
//   signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }

#include <memory>
#include <string>

#include "harness/model/asn1_parts.h"
#include "harness/model/der_validator.h"
#include "harness/model/name.h"
#include "harness/model/source.h"

namespace cpaudit {

class Csr {
 public:
  static std::shared_ptr<const Csr> Parse(Bytes der, Source source, std::string* error);

  Csr(const Csr&) = delete;
  Csr& operator=(const Csr&) = delete;

  const Bytes& der() const { return der_; }
  const Source& source() const { return source_; }
  const SignedEnvelope& envelope() const { return envelope_; }
  int version() const { return version_; }  // 1 for v1 (the only defined version)
  const Name& subject() const { return subject_; }
  const PublicKeyInfo& public_key() const { return public_key_; }

  // Every way the encoding is not X.690 DER, where it is; empty when it is.
  const std::vector<DerViolation>& der_violations() const { return der_violations_; }

 private:
  Csr() = default;

  std::vector<DerViolation> der_violations_;

  Bytes der_;
  Source source_;
  SignedEnvelope envelope_;
  int version_ = 1;
  Name subject_;
  PublicKeyInfo public_key_;
};

}  // namespace cpaudit
