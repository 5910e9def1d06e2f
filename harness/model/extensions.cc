#include "harness/model/extensions.h"

#include <fmt/format.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <functional>

#include "harness/model/asn1_parts.h"
#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace {

// Runs an OpenSSL d2i function over the whole of `value`; trailing bytes are an
// error. The owner type frees what d2i allocated on every path.
template <typename Owner, typename D2i>
Owner DecodeAll(D2i d2i, ByteView value) {
  const unsigned char* p = value.data();
  Owner out(d2i(nullptr, &p, static_cast<long>(value.size())));
  if (out && p != value.data() + value.size()) out.reset();
  return out;
}

constexpr std::string_view kCpsQualifierOid = "1.3.6.1.5.5.7.2.1";         // id-qt-cps
constexpr std::string_view kUserNoticeQualifierOid = "1.3.6.1.5.5.7.2.2";  // id-qt-unotice

// The value as one TLV filling it, or nullopt.
std::optional<der::Tlv> Whole(ByteView value) {
  std::string error;
  der::Reader r(value);
  auto tlv = r.Next(&error);
  return tlv && r.empty() ? tlv : std::nullopt;
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

// extendedKeyUsage, certificatePolicies, cRLDistributionPoints and
// authorityInfoAccess are read twice over, for speed: the TLV reader reads
// the DER forms that real certificates use (Read*), and whatever it does not
// take (BER, forms it does not check, and malformed values) goes to OpenSSL's
// d2i function (*ByOpenSsl), whose verdict and decoding stand. So the model
// accepts exactly what OpenSSL accepts, and reads the same values
// (certificate_test.cc compares both on the external corpora).

// The next TLV of `r` if it is a SEQUENCE (constructed), else nullopt.
std::optional<der::Tlv> NextSequence(der::Reader& r) {
  auto tlv = r.NextIf(der::kSequence);
  return tlv && tlv->constructed ? tlv : std::nullopt;
}

// The content of `value` when it is one constructed SEQUENCE filling it.
std::optional<ByteView> SequenceContent(ByteView value) {
  auto seq = Whole(value);
  if (!seq || !seq->Is(der::kSequence) || !seq->constructed) return std::nullopt;
  return seq->content;
}

// Calls read(fields) on the content of each element of a `SEQUENCE OF X`
// where each X is a SEQUENCE; false when the list or an element is not that,
// or read returns false.
template <typename Read>
bool ForEachSequence(ByteView content, Read read) {
  der::Reader list(content);
  while (!list.empty()) {
    auto element = NextSequence(list);
    if (!element) return false;
    der::Reader fields(element->content);
    if (!read(fields)) return false;
  }
  return true;
}

// The same, collecting what read returns (nullopt: not read).
template <typename T, typename Read>
std::optional<std::vector<T>> ReadSequenceOfSequences(ByteView content, Read read) {
  std::vector<T> out;
  bool read_all = ForEachSequence(content, [&](der::Reader& fields) {
    std::optional<T> value = read(fields);
    if (value) out.push_back(std::move(*value));
    return value.has_value();
  });
  if (!read_all) return std::nullopt;
  return out;
}

// An OID TLV's dotted text, or nullopt when it is not a readable OID.
std::optional<std::string> OidOf(const std::optional<der::Tlv>& tlv) {
  if (!tlv || !tlv->Is(der::kOid) || tlv->constructed) return std::nullopt;
  std::string text = OidText(tlv->whole);
  if (text.empty()) return std::nullopt;
  return text;
}

std::string AsString(ByteView content) {
  return std::string(reinterpret_cast<const char*>(content.data()), content.size());
}
std::string AsString(const ASN1_STRING* s) {
  return AsString(ByteView(ASN1_STRING_get0_data(s), static_cast<size_t>(ASN1_STRING_length(s))));
}

// A primitive TLV with one of these universal tags; BMPString contents are
// pairs of octets, as OpenSSL requires.
bool IsPrimitiveString(const std::optional<der::Tlv>& tlv, std::initializer_list<int> tags) {
  if (!tlv || tlv->constructed || tlv->cls != V_ASN1_UNIVERSAL) return false;
  if (std::find(tags.begin(), tags.end(), tlv->tag) == tags.end()) return false;
  return tlv->tag != der::kBmpString || tlv->content.size() % 2 == 0;
}

// DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
bool IsDisplayText(const std::optional<der::Tlv>& tlv) {
  return IsPrimitiveString(
      tlv, {der::kIa5String, der::kVisibleString, der::kBmpString, der::kUtf8String});
}

// INTEGER content as OpenSSL 3's c2i accepts it: not empty, minimally padded.
bool IsInteger(const std::optional<der::Tlv>& tlv) {
  if (!tlv || !tlv->Is(der::kInteger) || tlv->constructed || tlv->content.empty()) return false;
  ByteView c = tlv->content;
  return c.size() == 1 ||
         !((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80)));
}

// `ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId`: the OIDs.
std::optional<std::vector<std::string>> ReadExtendedKeyUsage(ByteView value) {
  auto content = SequenceContent(value);
  if (!content) return std::nullopt;
  std::vector<std::string> purposes;
  der::Reader r(*content);
  std::string error;
  while (!r.empty()) {
    std::optional<std::string> purpose = OidOf(r.Next(&error));
    if (!purpose) return std::nullopt;
    purposes.push_back(std::move(*purpose));
  }
  return purposes;
}

std::optional<std::vector<std::string>> ExtendedKeyUsageByOpenSsl(ByteView value) {
  ossl::ExtendedKeyUsage eku = DecodeAll<ossl::ExtendedKeyUsage>(d2i_EXTENDED_KEY_USAGE, value);
  if (!eku) return std::nullopt;
  std::vector<std::string> purposes;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
    purposes.push_back(ObjectText(sk_ASN1_OBJECT_value(eku.get(), i)));
  }
  return purposes;
}

// The explicitText of a userNotice as UTF-8; its octets as they are where
// they do not convert (invalid UTF-8 is a finding, not a malformed extension).
std::string ExplicitText(int tag, ByteView content) {
  std::string text;
  if (!StringToUtf8(tag, content, &text)) text = AsString(content);
  return text;
}

// UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL,
//                           explicitText DisplayText OPTIONAL }
// NoticeReference ::= SEQUENCE { organization DisplayText,
//                                noticeNumbers SEQUENCE OF INTEGER }
std::optional<UserNotice> ReadUserNotice(const der::Tlv& tlv) {
  if (!tlv.Is(der::kSequence) || !tlv.constructed) return std::nullopt;
  UserNotice notice;
  der::Reader r(tlv.content);
  std::string error;
  if (auto ref = NextSequence(r)) {
    der::Reader fields(ref->content);
    if (!IsDisplayText(fields.Next(&error))) return std::nullopt;
    auto numbers = NextSequence(fields);
    if (!numbers || !fields.empty()) return std::nullopt;
    der::Reader list(numbers->content);
    while (!list.empty()) {
      if (!IsInteger(list.Next(&error))) return std::nullopt;
    }
    notice.has_notice_ref = true;
  }
  if (!r.empty()) {
    auto text = r.Next(&error);
    if (!IsDisplayText(text) || !r.empty()) return std::nullopt;
    notice.explicit_text_tag = text->tag;
    notice.explicit_text = ExplicitText(text->tag, text->content);
  }
  return notice;
}

// `certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation`, with
// PolicyInformation ::= SEQUENCE { policyIdentifier OID, policyQualifiers
// SEQUENCE OF PolicyQualifierInfo OPTIONAL } and PolicyQualifierInfo ::=
// SEQUENCE { policyQualifierId OID, qualifier: an IA5String CPS URI, a
// UserNotice, or any value for another id }.
std::optional<std::vector<PolicyInformation>> ReadCertificatePolicies(ByteView value) {
  auto content = SequenceContent(value);
  if (!content) return std::nullopt;
  return ReadSequenceOfSequences<PolicyInformation>(
      *content, [](der::Reader& fields) -> std::optional<PolicyInformation> {
        std::string error;
        std::optional<std::string> oid = OidOf(fields.Next(&error));
        if (!oid) return std::nullopt;
        PolicyInformation policy;
        policy.oid = std::move(*oid);
        if (fields.empty()) return policy;
        auto qualifiers = NextSequence(fields);
        if (!qualifiers || !fields.empty()) return std::nullopt;
        bool read = ForEachSequence(qualifiers->content, [&](der::Reader& q) {
          std::optional<std::string> id = OidOf(q.Next(&error));
          auto qualifier = id ? q.Next(&error) : std::nullopt;
          if (!qualifier || !q.empty()) return false;
          if (*id == kCpsQualifierOid) {
            if (!IsPrimitiveString(qualifier, {der::kIa5String})) return false;
            policy.cps_uris.push_back(AsString(qualifier->content));
          } else if (*id == kUserNoticeQualifierOid) {
            auto notice = ReadUserNotice(*qualifier);
            if (!notice) return false;
            policy.user_notices.push_back(std::move(*notice));
          }
          policy.qualifier_ids.push_back(std::move(*id));
          return true;
        });
        if (!read) return std::nullopt;
        return policy;
      });
}

std::optional<std::vector<PolicyInformation>> CertificatePoliciesByOpenSsl(ByteView value) {
  ossl::CertificatePolicies cp =
      DecodeAll<ossl::CertificatePolicies>(d2i_CERTIFICATEPOLICIES, value);
  if (!cp) return std::nullopt;
  std::vector<PolicyInformation> policies;
  for (int i = 0; i < sk_POLICYINFO_num(cp.get()); ++i) {
    const POLICYINFO* info = sk_POLICYINFO_value(cp.get(), i);
    PolicyInformation p;
    p.oid = ObjectText(info->policyid);
    for (int j = 0; j < sk_POLICYQUALINFO_num(info->qualifiers); ++j) {
      const POLICYQUALINFO* q = sk_POLICYQUALINFO_value(info->qualifiers, j);
      p.qualifier_ids.push_back(ObjectText(q->pqualid));
      if (OBJ_obj2nid(q->pqualid) == NID_id_qt_cps) p.cps_uris.push_back(AsString(q->d.cpsuri));
      if (OBJ_obj2nid(q->pqualid) == NID_id_qt_unotice) {
        UserNotice notice;
        notice.has_notice_ref = q->d.usernotice->noticeref != nullptr;
        if (const ASN1_STRING* text = q->d.usernotice->exptext) {
          notice.explicit_text_tag = ASN1_STRING_type(text);
          notice.explicit_text = ExplicitText(
              notice.explicit_text_tag,
              ByteView(ASN1_STRING_get0_data(text), static_cast<size_t>(ASN1_STRING_length(text))));
        }
        p.user_notices.push_back(std::move(notice));
      }
    }
    policies.push_back(std::move(p));
  }
  return policies;
}

// The content of an IMPLICIT GeneralNames whose every name is a URI ([6]
// IMPLICIT IA5String): the URIs; nullopt for any other form (left to OpenSSL).
std::optional<std::vector<std::string>> ReadUriNames(ByteView content) {
  std::vector<std::string> uris;
  der::Reader r(content);
  std::string error;
  while (!r.empty()) {
    auto name = r.Next(&error);
    if (!name || !name->IsContext(6) || name->constructed) return std::nullopt;
    uris.push_back(AsString(name->content));
  }
  return uris;
}

// `CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint`,
// DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName
// OPTIONAL, reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames
// OPTIONAL }, read here when every name is a URI (a fullName's, or a
// cRLIssuer's), as CAs write them.
std::optional<std::vector<DistributionPoint>> ReadCrlDistributionPoints(ByteView value) {
  auto content = SequenceContent(value);
  if (!content) return std::nullopt;
  return ReadSequenceOfSequences<DistributionPoint>(
      *content, [](der::Reader& fields) -> std::optional<DistributionPoint> {
        DistributionPoint dp;
        if (auto name = fields.NextIfContext(0)) {
          auto full_name = name->constructed ? Whole(name->content) : std::nullopt;
          if (!full_name || !full_name->IsContext(0) || !full_name->constructed) {
            return std::nullopt;
          }
          auto names = ReadUriNames(full_name->content);
          if (!names) return std::nullopt;
          dp.has_name = true;
          dp.uris = std::move(*names);
        }
        if (auto reasons = fields.NextIfContext(1)) {
          if (reasons->constructed || reasons->content.empty() || reasons->content[0] > 7) {
            return std::nullopt;
          }
        }
        if (auto issuer = fields.NextIfContext(2)) {
          if (!issuer->constructed || !ReadUriNames(issuer->content)) return std::nullopt;
          dp.has_crl_issuer = true;
        }
        if (!fields.empty()) return std::nullopt;
        return dp;
      });
}

std::optional<std::vector<DistributionPoint>> CrlDistributionPointsByOpenSsl(ByteView value) {
  ossl::CrlDistPoints dps = DecodeAll<ossl::CrlDistPoints>(d2i_CRL_DIST_POINTS, value);
  if (!dps) return std::nullopt;
  std::vector<DistributionPoint> points;
  for (int i = 0; i < sk_DIST_POINT_num(dps.get()); ++i) {
    const DIST_POINT* dp = sk_DIST_POINT_value(dps.get(), i);
    DistributionPoint point;
    point.has_name = dp->distpoint != nullptr;
    point.has_crl_issuer = dp->CRLissuer != nullptr;
    if (dp->distpoint != nullptr && dp->distpoint->type == 0) {
      const GENERAL_NAMES* names = dp->distpoint->name.fullname;
      for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, j);
        if (gn->type == GEN_URI) point.uris.push_back(AsString(gn->d.uniformResourceIdentifier));
      }
    }
    points.push_back(std::move(point));
  }
  return points;
}

// `AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription`,
// AccessDescription ::= SEQUENCE { accessMethod OID, accessLocation
// GeneralName }, read here when every accessLocation is a URI.
std::optional<std::vector<AccessDescription>> ReadAuthorityInfoAccess(ByteView value) {
  auto content = SequenceContent(value);
  if (!content) return std::nullopt;
  return ReadSequenceOfSequences<AccessDescription>(
      *content, [](der::Reader& fields) -> std::optional<AccessDescription> {
        std::string error;
        std::optional<std::string> method = OidOf(fields.Next(&error));
        auto location = method ? fields.Next(&error) : std::nullopt;
        if (!location || !fields.empty() || !location->IsContext(6) || location->constructed) {
          return std::nullopt;
        }
        return AccessDescription{std::move(*method), AsString(location->content)};
      });
}

std::optional<std::vector<AccessDescription>> AuthorityInfoAccessByOpenSsl(ByteView value) {
  ossl::Ptr<AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free> aia =
      DecodeAll<ossl::Ptr<AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free>>(
          d2i_AUTHORITY_INFO_ACCESS, value);
  if (!aia) return std::nullopt;
  std::vector<AccessDescription> out;
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia.get()); ++i) {
    const ACCESS_DESCRIPTION* d = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
    AccessDescription description;
    description.method = ObjectText(d->method);
    if (d->location->type == GEN_URI) {
      description.uri = AsString(d->location->d.uniformResourceIdentifier);
    }
    out.push_back(std::move(description));
  }
  return out;
}

// nameConstraints, policyMappings and the alternative names are rare in CA
// and TSA certificates (and forbidden by many profiles): OpenSSL's d2i reads
// them.

// The name of a GENERAL_NAME's CHOICE (RFC 5280 4.2.1.6).
std::string_view GeneralNameForm(int type) {
  static constexpr std::string_view kForms[] = {"otherName",
                                                "rfc822Name",
                                                "dNSName",
                                                "x400Address",
                                                "directoryName",
                                                "ediPartyName",
                                                "uniformResourceIdentifier",
                                                "iPAddress",
                                                "registeredID"};
  return type >= 0 && type < static_cast<int>(std::size(kForms)) ? kForms[type] : "other";
}

std::optional<int64_t> IntegerValue(const ASN1_INTEGER* n) {
  if (n == nullptr) return std::nullopt;
  int64_t v = 0;
  return ASN1_INTEGER_get_int64(&v, n) == 1 ? v : -1;
}

// The whole of `value` decoded as the ASN.1 item of OpenSSL's method for the
// extension `nid` (for the types OpenSSL has no d2i function for), or null.
template <typename T>
std::unique_ptr<T, std::function<void(T*)>> DecodeExtensionItem(int nid, ByteView value) {
  const ASN1_ITEM* item = ASN1_ITEM_ptr(X509V3_EXT_get_nid(nid)->it);
  const unsigned char* p = value.data();
  std::unique_ptr<T, std::function<void(T*)>> out(
      reinterpret_cast<T*>(ASN1_item_d2i(nullptr, &p, static_cast<long>(value.size()), item)),
      [item](T* v) { ASN1_item_free(reinterpret_cast<ASN1_VALUE*>(v), item); });
  if (out && p != value.data() + value.size()) out.reset();
  return out;
}

std::optional<std::vector<GeneralSubtree>> NameConstraintsByOpenSsl(ByteView value) {
  auto nc = DecodeExtensionItem<NAME_CONSTRAINTS>(NID_name_constraints, value);
  if (!nc) return std::nullopt;
  std::vector<GeneralSubtree> out;
  for (STACK_OF(GENERAL_SUBTREE) * list : {nc->permittedSubtrees, nc->excludedSubtrees}) {
    for (int i = 0; i < sk_GENERAL_SUBTREE_num(list); ++i) {
      const GENERAL_SUBTREE* t = sk_GENERAL_SUBTREE_value(list, i);
      out.push_back({std::string(GeneralNameForm(t->base->type)), IntegerValue(t->minimum),
                     IntegerValue(t->maximum)});
    }
  }
  return out;
}

// subjectAltName and issuerAltName: GeneralNames, read by OpenSSL's d2i
// (every form, with its syntax checked as OpenSSL checks it).
std::optional<std::vector<GeneralNameValue>> AltNamesByOpenSsl(ByteView value) {
  auto names = DecodeAll<ossl::Ptr<GENERAL_NAMES, GENERAL_NAMES_free>>(d2i_GENERAL_NAMES, value);
  if (!names) return std::nullopt;
  std::vector<GeneralNameValue> out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
    const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names.get(), i);
    GeneralNameValue name;
    name.form = GeneralNameForm(gn->type);
    if (gn->type == GEN_EMAIL || gn->type == GEN_DNS || gn->type == GEN_URI) {
      name.value = AsString(gn->d.ia5);
      name.empty = name.value.empty();
    } else if (gn->type == GEN_IPADD) {
      name.empty = ASN1_STRING_length(gn->d.iPAddress) == 0;
    } else if (gn->type == GEN_DIRNAME) {
      name.empty = X509_NAME_entry_count(gn->d.directoryName) == 0;
    }
    out.push_back(std::move(name));
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> PolicyMappingsByOpenSsl(
    ByteView value) {
  auto mappings = DecodeExtensionItem<POLICY_MAPPINGS>(NID_policy_mappings, value);
  if (!mappings) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < sk_POLICY_MAPPING_num(mappings.get()); ++i) {
    const POLICY_MAPPING* m = sk_POLICY_MAPPING_value(mappings.get(), i);
    out.emplace_back(ObjectText(m->issuerDomainPolicy), ObjectText(m->subjectDomainPolicy));
  }
  return out;
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
    if (key_id) v.key_id = key_id->content;
    v.has_issuer = issuer.has_value();
    v.has_serial = serial.has_value();
    out.authority_key_identifier = std::move(v);
  } else if (oid == "2.5.29.14") {
    auto ski = Whole(ext.value);
    if (!ski || !ski->Is(der::kOctetString) || ski->constructed) {
      return void(ext.error = "malformed subjectKeyIdentifier");
    }
    out.subject_key_identifier = ski->content;
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
    std::vector<std::string_view> bits = out.key_usage.value_or(std::vector<std::string_view>{});
    const auto& names = KeyUsageBitNames();
    for (size_t i = 0; i < names.size(); ++i) {
      if (BitAt(ku->content, i) && std::find(bits.begin(), bits.end(), names[i]) == bits.end()) {
        bits.push_back(names[i]);
      }
    }
    out.key_usage = std::move(bits);
  } else if (oid == "2.5.29.37") {
    auto purposes = ReadExtendedKeyUsage(ext.value);
    if (!purposes) purposes = ExtendedKeyUsageByOpenSsl(ext.value);
    if (!purposes) return void(ext.error = "malformed extendedKeyUsage");
    // A second extendedKeyUsage adds its purposes, as a second keyUsage does.
    std::vector<std::string> all = out.extended_key_usage.value_or(std::vector<std::string>{});
    for (std::string& purpose : *purposes) {
      if (std::find(all.begin(), all.end(), purpose) == all.end())
        all.push_back(std::move(purpose));
    }
    out.extended_key_usage = std::move(all);
  } else if (oid == "2.5.29.32") {
    auto policies = ReadCertificatePolicies(ext.value);
    if (!policies) policies = CertificatePoliciesByOpenSsl(ext.value);
    if (!policies) return void(ext.error = "malformed certificatePolicies");
    out.certificate_policies = std::move(policies);
  } else if (oid == "2.5.29.31") {
    auto points = ReadCrlDistributionPoints(ext.value);
    if (!points) points = CrlDistributionPointsByOpenSsl(ext.value);
    if (!points) return void(ext.error = "malformed cRLDistributionPoints");
    out.crl_distribution_points = std::move(points);
  } else if (oid == "2.5.29.30") {
    auto subtrees = NameConstraintsByOpenSsl(ext.value);
    if (!subtrees) return void(ext.error = "malformed nameConstraints");
    out.name_constraints = std::move(subtrees);
  } else if (oid == "2.5.29.17" || oid == "2.5.29.18") {
    auto names = AltNamesByOpenSsl(ext.value);
    bool subject = oid == "2.5.29.17";
    if (!names)
      return void(ext.error = subject ? "malformed subjectAltName" : "malformed issuerAltName");
    (subject ? out.subject_alt_name : out.issuer_alt_name) = std::move(names);
  } else if (oid == "2.5.29.33") {
    auto mappings = PolicyMappingsByOpenSsl(ext.value);
    if (!mappings) return void(ext.error = "malformed policyMappings");
    out.policy_mappings = std::move(mappings);
  } else if (oid == "1.3.6.1.5.5.7.1.1") {
    auto descriptions = ReadAuthorityInfoAccess(ext.value);
    if (!descriptions) descriptions = AuthorityInfoAccessByOpenSsl(ext.value);
    if (!descriptions) return void(ext.error = "malformed authorityInfoAccess");
    out.authority_info_access = std::move(descriptions);
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

// Extensions whose value RFC 5280 forbids to be an empty SEQUENCE: those
// whose syntax is SEQUENCE SIZE (1..MAX) OF (authorityInfoAccess,
// subjectInfoAccess, cRLDistributionPoints, freshestCRL, certificatePolicies,
// extKeyUsage, subjectAltName, issuerAltName, policyMappings,
// subjectDirectoryAttributes), and nameConstraints and policyConstraints,
// which must have one of their fields (4.2.1.10, 4.2.1.11).
bool MustNotBeEmptySequence(std::string_view oid) {
  static constexpr std::string_view kOids[] = {
      "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11", "2.5.29.31", "2.5.29.46",
      "2.5.29.32",         "2.5.29.37",          "2.5.29.17", "2.5.29.18",
      "2.5.29.33",         "2.5.29.9",           "2.5.29.30", "2.5.29.36"};
  return std::find(std::begin(kOids), std::end(kOids), oid) != std::end(kOids);
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

void AddExtensionTypeViolations(const Extensions& extensions, const std::string& list_path,
                                std::vector<DerViolation>* out) {
  for (size_t i = 0; i < extensions.list.size(); ++i) {
    const Extension& e = extensions.list[i];
    if (e.error.empty() || e.error == "duplicate extension") continue;
    // Named as the DER validator names extensions: OpenSSL's long name.
    ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free> obj(OBJ_txt2obj(e.oid.c_str(), 1));
    int nid = obj ? OBJ_obj2nid(obj.get()) : NID_undef;
    out->push_back({fmt::format("{}[{}] ({}).extnValue", list_path, i,
                                nid != NID_undef ? OBJ_nid2ln(nid) : e.oid.c_str()),
                    e.error + ": not a value of the extension's ASN.1 type"});
  }
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
                         MustNotBeEmptySequence(ext.oid);
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
