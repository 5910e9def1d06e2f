#pragma once
// X.509 extensions (certificate, CRL and CRL-entry): the list walked with the
// TLV reader, each known extension's value decoded once with OpenSSL's d2i
// function for it. Values are views into the DER of the artifact that owns
// them (certificates, CRLs and CSRs keep their DER for their lifetime).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/model/byte_view.h"
#include "harness/model/der_reader.h"
#include "harness/model/der_validator.h"

namespace cpaudit {

struct Extension {
  std::string oid;
  std::string_view name;  // snake_case name from KnownExtensionName, or empty
  bool critical = false;
  ByteView value;     // the extnValue octets
  std::string error;  // non-empty when a known extension's value did not decode
  // The value is an empty SEQUENCE where RFC 5280 forbids one: a SEQUENCE
  // SIZE (1..MAX) OF (4.2; zlint e_ext_cannot_be_empty_seq), nameConstraints
  // or policyConstraints (4.2.1.10, 4.2.1.11).
  bool empty_sequence = false;

  // The name, or the OID of an extension without one.
  std::string_view Label() const { return name.empty() ? std::string_view(oid) : name; }
};

struct AuthorityKeyIdentifier {
  std::optional<ByteView> key_id;  // a view into the DER of the artifact
  bool has_issuer = false;
  bool has_serial = false;
};

struct BasicConstraints {
  bool ca = false;
  std::optional<int64_t> path_len;  // pathLenConstraint, when present and small enough
  bool path_len_negative = false;
};

// A userNotice policy qualifier (RFC 5280 4.2.1.4).
struct UserNotice {
  bool has_notice_ref = false;
  int explicit_text_tag = 0;  // the DisplayText's universal tag; 0 without explicitText
  std::string explicit_text;  // as UTF-8 (the octets as they are if they do not convert)
};

struct PolicyInformation {
  std::string oid;
  std::vector<std::string> qualifier_ids;
  std::vector<std::string> cps_uris;
  std::vector<UserNotice> user_notices;
};

// One DistributionPoint of cRLDistributionPoints (RFC 5280 4.2.1.13).
struct DistributionPoint {
  bool has_name = false;          // distributionPoint is present
  bool has_crl_issuer = false;    // cRLIssuer is present
  std::vector<std::string> uris;  // the URIs of a fullName
};

// One GeneralSubtree of nameConstraints (RFC 5280 4.2.1.10).
struct GeneralSubtree {
  std::string base_form;           // the GeneralName's CHOICE: "dNSName", "x400Address", ...
  std::optional<int64_t> minimum;  // as encoded (DEFAULT 0); -1 when it does not fit
  std::optional<int64_t> maximum;
};

// One GeneralName of subjectAltName or issuerAltName (RFC 5280 4.2.1.6).
struct GeneralNameValue {
  std::string form;    // the CHOICE: "rfc822Name", "dNSName", "uniformResourceIdentifier", ...
  std::string value;   // the IA5String of rfc822Name, dNSName and URI, as its octets
  bool empty = false;  // a string or iPAddress of no octets, a directoryName of no RDN
};

// One AccessDescription of authorityInfoAccess (RFC 5280 4.2.2.1).
struct AccessDescription {
  std::string method;  // accessMethod OID
  std::string uri;     // accessLocation when it is a URI, else empty
};

struct Extensions {
  std::vector<Extension> list;  // in encoding order
  std::optional<AuthorityKeyIdentifier> authority_key_identifier;
  std::optional<ByteView> subject_key_identifier;
  std::optional<std::vector<std::string_view>> key_usage;      // names of the bits set (static)
  std::optional<std::vector<std::string>> extended_key_usage;  // purpose OIDs
  std::optional<std::vector<PolicyInformation>> certificate_policies;
  std::optional<BasicConstraints> basic_constraints;
  std::optional<std::vector<DistributionPoint>> crl_distribution_points;
  std::optional<std::vector<AccessDescription>> authority_info_access;
  std::optional<std::vector<GeneralSubtree>> name_constraints;  // permitted, then excluded
  std::optional<std::vector<GeneralNameValue>> subject_alt_name;
  std::optional<std::vector<GeneralNameValue>> issuer_alt_name;
  // policyMappings: (issuerDomainPolicy, subjectDomainPolicy) OIDs
  std::optional<std::vector<std::pair<std::string, std::string>>> policy_mappings;
  std::optional<std::string> crl_number;  // decimal
  std::optional<int> reason_code;         // CRL entry

  const Extension* Find(std::string_view oid) const;
};

// snake_case name of a well-known extension OID ("2.5.29.32" ->
// "certificate_policies"), empty when unknown.
std::string_view KnownExtensionName(std::string_view oid);
// All names KnownExtensionName can return, with their OIDs.
const std::vector<std::pair<std::string_view, std::string_view>>& KnownExtensions();
// RFC 5280 CRLReason name for a code ("keyCompromise"), or the number.
std::string ReasonName(int code);
// The code of an RFC 5280 reason name ("certificateHold" -> 6), or nullopt.
std::optional<int> ReasonCode(std::string_view name);
// The KeyUsage bit names in bit order.
const std::vector<std::string_view>& KeyUsageBitNames();

// Each known extension whose value is not a value of its ASN.1 type (what
// OpenSSL's d2i function for it refuses), as a DER violation: where is
// `list_path`[i].extnValue ("tbsCertificate.extensions[4].extnValue").
void AddExtensionTypeViolations(const Extensions& extensions, const std::string& list_path,
                                std::vector<DerViolation>* out);

// Parses `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension` (the whole TLV).
std::optional<Extensions> ParseExtensions(ByteView der, std::string* error);

// Reads one `Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT
// FALSE, extnValue OCTET STRING }` as OpenSSL's d2i would accept it: the OID
// TLV, with *critical and *value set. nullopt with *error when malformed.
std::optional<der::Tlv> ReadExtension(der::Reader& extensions, bool* critical, ByteView* value,
                                      std::string* error);

}  // namespace cpaudit
