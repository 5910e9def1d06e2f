#pragma once
// A strict X.690 DER validator for certificates, CRLs and CSRs. The model's
// parsers read what they need and OpenSSL is lenient; this walks every TLV of
// the whole structure and records each way it is not DER, with where it is
// ("tbsCertificate.extensions[3] (keyUsage).extnValue: BIT STRING has a
// trailing zero bit"), going on wherever the structure can still be read.
//
// Generic X.690 rules, for every TLV: definite, minimal lengths; minimal tag
// numbers; BOOLEAN 0x00 or 0xFF; minimal INTEGER and ENUMERATED; BIT STRING
// unused bits 0..7 with zero padding; primitive strings, OCTET STRING, NULL,
// OID with minimal subidentifiers; the character sets of PrintableString,
// IA5String, VisibleString, NumericString, UTF8String (valid UTF-8) and the
// lengths of BMPString and UniversalString; UTCTime YYMMDDHHMMSSZ and
// GeneralizedTime YYYYMMDDHHMMSS[.f]Z without trailing fraction zeros; SET
// OF elements in ascending order of their encodings; no bytes after a value.
// X.509 rules, where the schema says: DEFAULT values never encoded (version
// v1, critical FALSE, basicConstraints cA FALSE), an extension's OCTET STRING
// holding exactly one DER value (validated in turn), keyUsage as a named bit
// list without trailing zero bits.

#include <string>
#include <vector>

#include "harness/model/byte_view.h"

namespace cpaudit {

struct DerViolation {
  std::string where;  // "tbsCertificate.serialNumber"
  std::string what;   // "INTEGER is not minimally encoded"

  std::string Text() const { return where + ": " + what; }
};

enum class DerSchema { kCertificate, kCrl, kCsr };

// Nesting deeper than this is a violation and is not walked further.
inline constexpr int kMaxDerDepth = 32;
// At most this many violations are listed for one artifact; then one more
// says how many were left out.
inline constexpr size_t kMaxDerViolations = 50;

std::vector<DerViolation> ValidateDer(ByteView der, DerSchema schema);

}  // namespace cpaudit
