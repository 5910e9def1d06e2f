#pragma once
// An X.509 certificate parsed once into immutable plain values.
//
// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
// TBSCertificate ::= SEQUENCE {
//   version [0] EXPLICIT Version DEFAULT v1, serialNumber INTEGER,
//   signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
//   subjectPublicKeyInfo, issuerUniqueID [1] IMPLICIT OPTIONAL,
//   subjectUniqueID [2] IMPLICIT OPTIONAL, extensions [3] EXPLICIT Extensions OPTIONAL }

#include <memory>
#include <string>

#include "harness/model/asn1_parts.h"
#include "harness/model/der_validator.h"
#include "harness/model/extensions.h"
#include "harness/model/name.h"
#include "harness/model/source.h"

namespace cpaudit {

class Certificate {
 public:
  // Parses DER; nullptr with *error naming the part that is malformed.
  static std::shared_ptr<const Certificate> Parse(Bytes der, Source source, std::string* error);

 private:
  // Only Parse can make the tag, so only Parse constructs (with make_shared:
  // one allocation for the certificate and its count).
  struct Private {
    explicit Private() = default;
  };

 public:
  explicit Certificate(Private) {}

  Certificate(const Certificate&) = delete;
  Certificate& operator=(const Certificate&) = delete;

  const Bytes& der() const { return der_; }
  const Source& source() const { return source_; }
  const SignedEnvelope& envelope() const { return envelope_; }
  int version() const { return version_; }     // the encoded value + 1 (3 for v3)
  ByteView serial() const { return serial_; }  // INTEGER content octets (a view into der())
  const std::string& serial_hex() const { return serial_hex_; }
  const AlgorithmId& tbs_signature_algorithm() const { return tbs_signature_algorithm_; }
  const Name& issuer() const { return issuer_; }
  UnixTime not_before() const { return not_before_.time; }
  UnixTime not_after() const { return not_after_.time; }
  const EncodedTime& not_before_encoded() const { return not_before_; }
  const EncodedTime& not_after_encoded() const { return not_after_; }
  const Name& subject() const { return subject_; }
  const PublicKeyInfo& public_key() const { return public_key_; }
  bool has_issuer_unique_id() const { return has_issuer_unique_id_; }
  bool has_subject_unique_id() const { return has_subject_unique_id_; }
  bool has_extensions_field() const { return has_extensions_field_; }
  const Extensions& extensions() const { return extensions_; }

  // Every way the encoding is not X.690 DER, where it is; empty when it is.
  const std::vector<DerViolation>& der_violations() const { return der_violations_; }

 private:
  std::vector<DerViolation> der_violations_;

  Bytes der_;
  Source source_;
  SignedEnvelope envelope_;
  int version_ = 1;
  ByteView serial_;
  std::string serial_hex_;
  AlgorithmId tbs_signature_algorithm_;
  Name issuer_;
  EncodedTime not_before_;
  EncodedTime not_after_;
  Name subject_;
  PublicKeyInfo public_key_;
  bool has_issuer_unique_id_ = false;
  bool has_subject_unique_id_ = false;
  bool has_extensions_field_ = false;
  Extensions extensions_;
};

// Serial as reports print it: lower-case hex of the INTEGER's octets, leading
// zero octets dropped; a negative serial (non-compliant, but it exists) as
// "-" and its magnitude ("-6fff" for the octets 90 01).
std::string SerialHex(ByteView integer_content);

}  // namespace cpaudit
