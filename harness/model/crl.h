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
// Entries are walked one TLV at a time, never materialised by d2i_X509_CRL,
// and never stored: a CRL of a million entries costs its DER and a few
// counters. Parse validates every entry once; later walks re-read the DER.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/model/asn1_parts.h"
#include "harness/model/der_validator.h"
#include "harness/model/extensions.h"
#include "harness/model/name.h"
#include "harness/model/source.h"

namespace cpaudit {

// One revoked certificate as a view into the CRL's DER (valid while the Crl
// lives).
struct CrlEntry {
  ByteView serial;  // the userCertificate INTEGER's content octets
  UnixTime revocation_date = 0;
  std::optional<int> reason_code;
  bool hold_instruction = false;          // a holdInstructionCode extension (a suspension)
  ByteView extensions;                    // crlEntryExtensions, empty when absent
  const char* extension_error = nullptr;  // a malformed entry extension, or null

  std::string SerialHex() const;
  std::vector<std::string> ExtensionOids() const;
};

// What the validating walk saw, so rules can tell whether a walk of their own
// could find anything.
struct CrlEntryStats {
  size_t count = 0;
  size_t without_reason = 0;
  size_t with_extension_error = 0;
  size_t key_compromise = 0;
  size_t with_hold_instruction = 0;
  std::array<size_t, 11> by_reason{};  // entries per reasonCode value (0..10)
  size_t with_extensions = 0;
  UnixTime latest_revocation = 0;
  // Serials listed more than once (RFC 5280 5.1.2.6), hex, each once, at most
  // kMaxListedDuplicates of them; duplicate_count counts them all.
  std::vector<std::string> duplicate_serials;
  size_t duplicate_count = 0;
};
inline constexpr size_t kMaxListedDuplicates = 50;

class Crl;
// Walks the entries of a parsed CRL in encoding order, from the first or from
// an offset() an earlier walk noted.
class CrlEntryCursor {
 public:
  explicit CrlEntryCursor(const Crl& crl, size_t offset = 0);
  bool Next(CrlEntry* entry);
  size_t offset() const { return offset_; }  // of the entry Next reads

 private:
  ByteView revoked_;
  size_t offset_;
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
  UnixTime this_update() const { return this_update_.time; }
  std::optional<UnixTime> next_update() const {
    return next_update_ ? std::optional<UnixTime>(next_update_->time) : std::nullopt;
  }
  const EncodedTime& this_update_encoded() const { return this_update_; }
  const std::optional<EncodedTime>& next_update_encoded() const { return next_update_; }
  // revokedCertificates is encoded with no entry (RFC 5280 5.1.2.6: omit it).
  bool has_empty_revoked_list() const { return empty_revoked_list_; }
  const CrlEntryStats& entry_stats() const { return entry_stats_; }
  template <typename F>
  void ForEachEntry(F&& f) const {
    CrlEntryCursor cursor(*this);
    CrlEntry entry;
    while (cursor.Next(&entry)) f(entry);
  }
  bool has_extensions_field() const { return has_extensions_field_; }
  const Extensions& extensions() const { return extensions_; }

  // Every way the encoding is not X.690 DER, where it is; empty when it is.
  const std::vector<DerViolation>& der_violations() const { return der_violations_; }

 private:
  Crl() = default;

  std::vector<DerViolation> der_violations_;
  friend class CrlEntryCursor;

  Bytes der_;
  Source source_;
  SignedEnvelope envelope_;
  int version_ = 1;
  AlgorithmId tbs_signature_algorithm_;
  Name issuer_;
  EncodedTime this_update_;
  std::optional<EncodedTime> next_update_;
  bool empty_revoked_list_ = false;
  ByteView revoked_;  // the content of revokedCertificates
  CrlEntryStats entry_stats_;
  bool has_extensions_field_ = false;
  Extensions extensions_;
};

}  // namespace cpaudit
