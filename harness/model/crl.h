#pragma once
// An X.509 CRL parsed once into immutable plain values.
//
// CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }
// TBSCertList ::= SEQUENCE {
//   version Version OPTIONAL (v2), signature AlgorithmIdentifier, issuer Name,
//   thisUpdate Time, nextUpdate Time OPTIONAL,
//   revokedCertificates SEQUENCE OF SEQUENCE {
//     userCertificate INTEGER, revocationDate Time,
//     crlEntryExtensions Extensions OPTIONAL } OPTIONAL,
//   crlExtensions [0] EXPLICIT Extensions OPTIONAL }
// Entries are walked one TLV at a time, never materialised by d2i_X509_CRL.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/model/asn1_parts.h"
#include "harness/model/extensions.h"
#include "harness/model/name.h"
#include "harness/model/source.h"

namespace cpaudit {

struct CrlEntry {
  std::string serial_hex;
  UnixTime revocation_date = 0;
  std::optional<int> reason_code;
  std::vector<std::string> extension_oids;
  std::string extension_error;  // a malformed entry extension
};

class Crl {
 public:
  static std::shared_ptr<const Crl> Parse(Bytes der, Source source, std::string* error);

  Crl(const Crl&) = delete;
  Crl& operator=(const Crl&) = delete;

  const Bytes& der() const { return der_; }
  const Source& source() const { return source_; }
  const SignedEnvelope& envelope() const { return envelope_; }
  int version() const { return version_; }  // the encoded value + 1 (2 for v2)
  const AlgorithmId& tbs_signature_algorithm() const { return tbs_signature_algorithm_; }
  const Name& issuer() const { return issuer_; }
  UnixTime this_update() const { return this_update_; }
  const std::optional<UnixTime>& next_update() const { return next_update_; }
  const std::vector<CrlEntry>& entries() const { return entries_; }
  bool has_extensions_field() const { return has_extensions_field_; }
  const Extensions& extensions() const { return extensions_; }

 private:
  Crl() = default;

  Bytes der_;
  Source source_;
  SignedEnvelope envelope_;
  int version_ = 1;
  AlgorithmId tbs_signature_algorithm_;
  Name issuer_;
  UnixTime this_update_ = 0;
  std::optional<UnixTime> next_update_;
  std::vector<CrlEntry> entries_;
  bool has_extensions_field_ = false;
  Extensions extensions_;
};

}  // namespace cpaudit
