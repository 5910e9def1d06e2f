#include "harness/model/extensions.h"

#include <openssl/objects.h>

#include <algorithm>

#include "harness/model/asn1_parts.h"
#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace {

std::string AsString(const ASN1_STRING* s) {
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                     static_cast<size_t>(ASN1_STRING_length(s)));
}

// Runs an OpenSSL d2i function over the whole of `value`; trailing bytes are an
// error. The owner type frees what d2i allocated on every path.
template <typename Owner, typename D2i>
Owner DecodeAll(D2i d2i, ByteView value) {
  const unsigned char* p = value.data();
  Owner out(d2i(nullptr, &p, static_cast<long>(value.size())));
  if (out && p != value.data() + value.size()) out.reset();
  return out;
}

// The value as one TLV filling it, or nullopt.
std::optional<der::Tlv> Whole(ByteView value) {
  std::string error;
  der::Reader r(value);
  auto tlv = r.Next(&error);
  return tlv && r.empty() ? tlv : std::nullopt;
}

// Bit `i` of a BIT STRING's content (the unused-bits octet first); bits in
// the padding read as 0, as OpenSSL clears them.
bool BitAt(ByteView content, size_t i) {
  size_t byte = 1 + i / 8;
  if (byte >= content.size()) return false;
  if (byte == content.size() - 1 && i % 8 >= 8u - content[0]) return false;
  return (content[byte] & (0x80 >> (i % 8))) != 0;
}

// The three small extensions every certificate carries are read with the
// TLV reader (they are an OCTET STRING, a BIT STRING and a SEQUENCE of
// optional tagged fields); the others with OpenSSL's d2i function for each.
void DecodeKnown(Extension& ext, Extensions& out) {
  const std::string& oid = ext.oid;
  if (oid == "2.5.29.35") {
    // SEQUENCE { [0] IMPLICIT OCTET STRING, [1] IMPLICIT GeneralNames,
    //            [2] IMPLICIT INTEGER } all optional
    auto seq = Whole(ext.value);
    if (!seq || !seq->Is(der::kSequence) || !seq->constructed) {
      return void(ext.error = "malformed authorityKeyIdentifier");
    }
    der::Reader r(seq->content);
    AuthorityKeyIdentifier v;
    auto key_id = r.NextIfContext(0);
    auto issuer = r.NextIfContext(1);
    auto serial = r.NextIfContext(2);
    if (!r.empty() || (key_id && key_id->constructed) || (issuer && !issuer->constructed) ||
        (serial && (serial->constructed || serial->content.empty()))) {
      return void(ext.error = "malformed authorityKeyIdentifier");
    }
    if (key_id) v.key_id = ToBytes(key_id->content);
    v.has_issuer = issuer.has_value();
    v.has_serial = serial.has_value();
    out.authority_key_identifier = std::move(v);
  } else if (oid == "2.5.29.14") {
    auto ski = Whole(ext.value);
    if (!ski || !ski->Is(der::kOctetString) || ski->constructed) {
      return void(ext.error = "malformed subjectKeyIdentifier");
    }
    out.subject_key_identifier = ToBytes(ski->content);
  } else if (oid == "2.5.29.19") {
    // SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
    auto seq = Whole(ext.value);
    if (!seq || !seq->Is(der::kSequence) || !seq->constructed) {
      return void(ext.error = "malformed basicConstraints");
    }
    der::Reader r(seq->content);
    BasicConstraints v;
    auto ca = r.NextIf(der::kBoolean);
    auto path_len = r.NextIf(der::kInteger);
    if (!r.empty() || (ca && ca->content.size() != 1) || (path_len && path_len->content.empty())) {
      return void(ext.error = "malformed basicConstraints");
    }
    v.ca = ca && ca->content[0] != 0;
    if (path_len) {
      v.path_len_negative = (path_len->content[0] & 0x80) != 0;
      if (!v.path_len_negative && path_len->content.size() <= 8) {
        int64_t n = 0;
        for (uint8_t b : path_len->content) n = n << 8 | b;
        v.path_len = n;
      }
    }
    out.basic_constraints = v;
  } else if (oid == "2.5.29.15") {
    auto ku = Whole(ext.value);
    if (!ku || !ku->Is(der::kBitString) || ku->constructed || ku->content.empty() ||
        ku->content[0] > 7) {
      return void(ext.error = "malformed keyUsage");
    }
    // A second keyUsage adds its bits: what any copy asserts is asserted.
    std::vector<std::string> bits = out.key_usage.value_or(std::vector<std::string>{});
    const auto& names = KeyUsageBitNames();
    for (size_t i = 0; i < names.size(); ++i) {
      if (BitAt(ku->content, i) && std::find(bits.begin(), bits.end(), names[i]) == bits.end()) {
        bits.emplace_back(names[i]);
      }
    }
    out.key_usage = std::move(bits);
  } else if (oid == "2.5.29.37") {
    ossl::ExtendedKeyUsage eku =
        DecodeAll<ossl::ExtendedKeyUsage>(d2i_EXTENDED_KEY_USAGE, ext.value);
    if (!eku) return void(ext.error = "malformed extendedKeyUsage");
    std::vector<std::string> purposes = out.extended_key_usage.value_or(std::vector<std::string>{});
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
      std::string purpose = ObjectText(sk_ASN1_OBJECT_value(eku.get(), i));
      if (std::find(purposes.begin(), purposes.end(), purpose) == purposes.end()) {
        purposes.push_back(std::move(purpose));
      }
    }
    out.extended_key_usage = std::move(purposes);
  } else if (oid == "2.5.29.32") {
    ossl::CertificatePolicies cp =
        DecodeAll<ossl::CertificatePolicies>(d2i_CERTIFICATEPOLICIES, ext.value);
    if (!cp) return void(ext.error = "malformed certificatePolicies");
    std::vector<PolicyInformation> policies;
    for (int i = 0; i < sk_POLICYINFO_num(cp.get()); ++i) {
      const POLICYINFO* info = sk_POLICYINFO_value(cp.get(), i);
      PolicyInformation p;
      p.oid = ObjectText(info->policyid);
      for (int j = 0; j < sk_POLICYQUALINFO_num(info->qualifiers); ++j) {
        const POLICYQUALINFO* q = sk_POLICYQUALINFO_value(info->qualifiers, j);
        p.qualifier_ids.push_back(ObjectText(q->pqualid));
        if (OBJ_obj2nid(q->pqualid) == NID_id_qt_cps) p.cps_uris.push_back(AsString(q->d.cpsuri));
      }
      policies.push_back(std::move(p));
    }
    out.certificate_policies = std::move(policies);
  } else if (oid == "2.5.29.31") {
    ossl::CrlDistPoints dps = DecodeAll<ossl::CrlDistPoints>(d2i_CRL_DIST_POINTS, ext.value);
    if (!dps) return void(ext.error = "malformed cRLDistributionPoints");
    std::vector<std::string> uris;
    for (int i = 0; i < sk_DIST_POINT_num(dps.get()); ++i) {
      const DIST_POINT* dp = sk_DIST_POINT_value(dps.get(), i);
      if (dp->distpoint == nullptr || dp->distpoint->type != 0) continue;
      const GENERAL_NAMES* names = dp->distpoint->name.fullname;
      for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, j);
        if (gn->type == GEN_URI) uris.push_back(AsString(gn->d.uniformResourceIdentifier));
      }
    }
    out.crl_distribution_uris = std::move(uris);
  } else if (oid == "2.5.29.20") {
    ossl::Integer n = DecodeAll<ossl::Integer>(d2i_ASN1_INTEGER, ext.value);
    if (!n) return void(ext.error = "malformed cRLNumber");
    ossl::Ptr<BIGNUM, BN_free> bn(ASN1_INTEGER_to_BN(n.get(), nullptr));
    char* dec = bn ? BN_bn2dec(bn.get()) : nullptr;
    if (dec == nullptr) return void(ext.error = "malformed cRLNumber");
    out.crl_number = dec;
    OPENSSL_free(dec);
  } else if (oid == "2.5.29.21") {
    ossl::Enumerated e = DecodeAll<ossl::Enumerated>(d2i_ASN1_ENUMERATED, ext.value);
    long code = e ? ASN1_ENUMERATED_get(e.get()) : -1;
    if (code < 0 || code > 10) return void(ext.error = "malformed reasonCode");
    out.reason_code = static_cast<int>(code);
  }
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& KnownExtensions() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kKnown = {
      {"2.5.29.35", "authority_key_identifier"},
      {"2.5.29.14", "subject_key_identifier"},
      {"2.5.29.15", "key_usage"},
      {"2.5.29.37", "extended_key_usage"},
      {"2.5.29.32", "certificate_policies"},
      {"2.5.29.31", "crl_distribution_points"},
      {"2.5.29.30", "name_constraints"},
      {"2.5.29.36", "policy_constraints"},
      {"2.5.29.33", "policy_mappings"},
      {"2.5.29.54", "inhibit_any_policy"},
      {"2.5.29.19", "basic_constraints"},
      {"2.5.29.17", "subject_alt_name"},
      {"2.5.29.18", "issuer_alt_name"},
      {"2.5.29.9", "subject_directory_attributes"},
      {"1.3.6.1.5.5.7.1.1", "authority_info_access"},
      {"1.3.6.1.5.5.7.1.11", "subject_info_access"},
      {"2.5.29.20", "crl_number"},
      {"2.5.29.27", "delta_crl_indicator"},
      {"2.5.29.28", "issuing_distribution_point"},
      {"2.5.29.46", "freshest_crl"},
      {"2.5.29.21", "reason_code"},
      {"2.5.29.23", "hold_instruction_code"},
      {"2.5.29.24", "invalidity_date"},
      {"2.5.29.29", "certificate_issuer"},
  };
  return kKnown;
}

std::string_view KnownExtensionName(std::string_view oid) {
  for (const auto& [known_oid, name] : KnownExtensions()) {
    if (known_oid == oid) return name;
  }
  return {};
}

const std::vector<std::string_view>& KeyUsageBitNames() {
  static const std::vector<std::string_view> kNames = {
      "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
      "keyCertSign",      "cRLSign",        "encipherOnly",    "decipherOnly"};
  return kNames;
}

std::string ReasonName(int code) {
  static const char* const kNames[] = {
      "unspecified",   "keyCompromise",        "cACompromise",    "affiliationChanged",
      "superseded",    "cessationOfOperation", "certificateHold", "7",
      "removeFromCRL", "privilegeWithdrawn",   "aACompromise"};
  return code >= 0 && code <= 10 ? kNames[code] : std::to_string(code);
}

std::optional<int> ReasonCode(std::string_view name) {
  for (int code = 0; code <= 10; ++code) {
    if (code != 7 && ReasonName(code) == name) return code;
  }
  return std::nullopt;
}

const Extension* Extensions::Find(std::string_view oid) const {
  for (const Extension& e : list) {
    if (e.oid == oid) return &e;
  }
  return nullptr;
}

namespace {

// Extensions whose syntax is SEQUENCE SIZE (1..MAX) OF: authorityInfoAccess,
// subjectInfoAccess, cRLDistributionPoints, freshestCRL, certificatePolicies,
// extKeyUsage, subjectAltName, issuerAltName, policyMappings,
// subjectDirectoryAttributes.
bool IsSequenceOfExtension(std::string_view oid) {
  static constexpr std::string_view kOids[] = {
      "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11", "2.5.29.31", "2.5.29.46", "2.5.29.32",
      "2.5.29.37",         "2.5.29.17",          "2.5.29.18", "2.5.29.33", "2.5.29.9"};
  return std::find(std::begin(kOids), std::end(kOids), oid) != std::end(kOids);
}

// OID content octets as OpenSSL's c2i_ASN1_OBJECT accepts them.
bool ValidOid(ByteView content) {
  if (content.empty() || (content.back() & 0x80) != 0) return false;
  bool first_octet = true;
  for (uint8_t b : content) {
    if (first_octet && b == 0x80) return false;  // a padded subidentifier
    first_octet = (b & 0x80) == 0;
  }
  return true;
}

}  // namespace

std::optional<der::Tlv> ReadExtension(der::Reader& extensions, bool* critical, ByteView* value,
                                      std::string* error) {
  auto ext = extensions.Expect(der::kSequence, "Extension", error);
  if (!ext) return std::nullopt;
  der::Reader r(ext->content);
  auto oid = r.Expect(der::kOid, "extnID", error);
  if (!oid) return std::nullopt;
  if (oid->constructed || !ValidOid(oid->content)) {
    *error = "extnID: malformed OID";
    return std::nullopt;
  }
  *critical = false;
  if (auto flag = r.NextIf(der::kBoolean)) {
    if (flag->constructed || flag->content.size() != 1) {
      *error = "critical: malformed BOOLEAN";
      return std::nullopt;
    }
    *critical = flag->content[0] != 0;
  }
  auto octets = r.Expect(der::kOctetString, "extnValue", error);
  if (!octets) return std::nullopt;
  if (octets->constructed) {
    *error = "extnValue: constructed OCTET STRING";
    return std::nullopt;
  }
  if (!r.empty()) {
    *error = "unexpected data after extnValue";
    return std::nullopt;
  }
  *value = octets->content;
  return oid;
}

std::optional<Extensions> ParseExtensions(ByteView der, std::string* error) {
  der::Reader top(der);
  std::string why;
  auto seq = top.Expect(der::kSequence, "Extensions", &why);
  if (!seq || seq->constructed == false || !top.empty()) {
    *error = "malformed extensions";
    return std::nullopt;
  }
  Extensions out;
  out.list.reserve(der::CountTlvs(seq->content));
  der::Reader list(seq->content);
  while (!list.empty()) {
    Extension ext;
    auto oid = ReadExtension(list, &ext.critical, &ext.value, &why);
    if (!oid) {
      *error = "malformed extensions: " + why;
      return std::nullopt;
    }
    ext.oid = OidText(oid->whole);
    ext.name = KnownExtensionName(ext.oid);
    ext.empty_sequence = ext.value.size() == 2 && ext.value[0] == 0x30 && ext.value[1] == 0 &&
                         IsSequenceOfExtension(ext.oid);
    // RFC 5280 4.2: an extension appears once. A repeated keyUsage or
    // extendedKeyUsage is still read (its bits and purposes add to the
    // first's), so that a second copy cannot assert keyCertSign unseen.
    bool duplicate = out.Find(ext.oid) != nullptr;
    if (!duplicate || ext.oid == "2.5.29.15" || ext.oid == "2.5.29.37") DecodeKnown(ext, out);
    if (duplicate) ext.error = "duplicate extension";
    out.list.push_back(std::move(ext));
  }
  return out;
}

}  // namespace cpaudit
