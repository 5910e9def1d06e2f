#pragma once
// Pieces shared by certificates, CRLs and CSRs: the signed envelope,
// AlgorithmIdentifier, Time and SubjectPublicKeyInfo.

#include <openssl/types.h>

#include <array>
#include <optional>
#include <string>

#include "harness/model/byte_view.h"
#include "harness/model/der_reader.h"
#include "harness/model/time_util.h"

namespace cpaudit {

using Sha1Digest = std::array<uint8_t, 20>;
Sha1Digest Sha1(ByteView data);

struct AlgorithmId {
  std::string oid;
  ByteView parameters;  // DER of the parameters (a view), empty when absent
};

// SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING }: the outer
// shape of certificates, CRLs and CSRs. Views into `der`.
struct SignedEnvelope {
  ByteView tbs;           // the whole to-be-signed TLV
  AlgorithmId algorithm;  // the outer signatureAlgorithm
  ByteView signature;     // the BIT STRING's octets
};

// Splits `der` (which must be exactly one SEQUENCE) into its signed parts.
std::optional<SignedEnvelope> ParseSignedEnvelope(ByteView der, std::string* error);
// Dotted text of an OID ("2.5.29.21"); empty when it does not fit 128 chars.
std::string ObjectText(const ASN1_OBJECT* obj);
// The same from a whole OID TLV; empty when malformed.
std::string OidText(ByteView oid_tlv);
// OpenSSL's long name of a dotted OID ("sha256WithRSAEncryption"), else the
// OID itself: for messages, so looked up only when one is written.
std::string OidLongName(const std::string& dotted);
// A string value (universal `tag`, content octets) as UTF-8, as OpenSSL's
// ASN1_STRING_to_UTF8 converts it; false where it refuses.
bool StringToUtf8(int tag, ByteView content, std::string* out);
// The dotted text and OpenSSL's short name ("CN", else the dotted text) of a
// whole OID TLV, in one lookup; false when it is malformed.
bool OidTextAndShortName(ByteView oid_tlv, std::string* text, std::string* short_name);
std::optional<AlgorithmId> ParseAlgorithm(const der::Tlv& tlv, std::string* error);
// UTCTime or GeneralizedTime.
std::optional<UnixTime> ParseTime(const der::Tlv& tlv, std::string* error);

// A Time as it was encoded: RFC 5280 4.1.2.5 and 5.1.2.4 choose the type by year.
struct EncodedTime {
  UnixTime time = 0;
  bool utc = true;  // UTCTime, else GeneralizedTime

  const char* encoding() const { return utc ? "UTCTime" : "GeneralizedTime"; }
};
std::optional<EncodedTime> ParseEncodedTime(const der::Tlv& tlv, std::string* error);
// The UTC calendar year of a time.
int YearOf(UnixTime t);

// AlgorithmIdentifier parameters as rules name them: "absent", "NULL", the
// dotted OID when they are one (an EC curve), else "other".
std::string ParametersText(ByteView parameters);

// The subject key kept as bytes: decoding it through OpenSSL's provider
// decoders costs ~140 us, so it is only done where a rule needs the key itself.
// Views into the DER of the artifact that owns it.
struct PublicKeyInfo {
  ByteView der;  // the whole SubjectPublicKeyInfo
  AlgorithmId algorithm;
  ByteView key;              // subjectPublicKey BIT STRING value
  Sha1Digest key_sha1{};     // RFC 5280 4.2.1.2 method 1
  int rsa_modulus_bits = 0;  // 0 when not RSA or unreadable
  // An EC key's named curve: its NIST name ("P-256") where it has one, else
  // OpenSSL's short name, else the dotted OID; empty for other keys.
  std::string ec_curve;
  int ec_bits = 0;  // the curve's field size in bits; 0 when not EC or unknown
};
std::optional<PublicKeyInfo> ParsePublicKeyInfo(const der::Tlv& tlv, std::string* error);

// What a signature algorithm hashes with, and RSASSA-PSS's parameters (RFC
// 4055 3.1, defaults applied). Digests by OpenSSL's short names: SHA1,
// SHA256, SHA3-256, MD5, ...
struct SignatureScheme {
  std::string hash;  // empty when the algorithm is unknown or has no separate digest
  bool pss = false;
  std::string mgf_hash;       // PSS: MGF1's digest
  int64_t salt_length = 0;    // PSS
  int64_t trailer_field = 0;  // PSS
};
// nullopt when PSS parameters are malformed.
std::optional<SignatureScheme> DescribeSignature(const AlgorithmId& algorithm);

}  // namespace cpaudit
