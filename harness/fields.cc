#include "harness/fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "harness/evidence_index.h"
#include "harness/model/extensions.h"
#include "harness/model/unicode.h"

namespace cpaudit {
namespace {

using Out = FieldSink;

// The views may point at temporaries of the caller's full expression: they
// outlive the synchronous sink call.
void Push(Out* out, ValueRef v, std::string_view attribute = {},
          std::string_view attribute_value = {}) {
  (*out)({v, attribute, attribute_value});
}

const Name& SubjectOf(const Artifact& a) {
  return a.certificate != nullptr ? a.certificate->subject() : a.csr->subject();
}
const PublicKeyInfo& KeyOf(const Artifact& a) {
  return a.certificate != nullptr ? a.certificate->public_key() : a.csr->public_key();
}
const SignedEnvelope& EnvelopeOf(const Artifact& a) {
  if (a.certificate != nullptr) return a.certificate->envelope();
  if (a.crl != nullptr) return a.crl->envelope();
  return a.csr->envelope();
}
const std::vector<DerViolation>& DerViolationsOf(const Artifact& a) {
  if (a.certificate != nullptr) return a.certificate->der_violations();
  if (a.crl != nullptr) return a.crl->der_violations();
  return a.csr->der_violations();
}
int VersionOf(const Artifact& a) {
  if (a.certificate != nullptr) return a.certificate->version();
  if (a.crl != nullptr) return a.crl->version();
  return a.csr->version();
}

// "positive", "zero" or "negative": an INTEGER's content octets.
std::string SignOf(ByteView integer) {
  bool negative = !integer.empty() && (integer[0] & 0x80) != 0;
  bool zero = std::all_of(integer.begin(), integer.end(), [](uint8_t b) { return b == 0; });
  return negative ? "negative" : zero ? "zero" : "positive";
}

const AlgorithmId& TbsAlgorithmOf(const Artifact& a) {
  return a.certificate ? a.certificate->tbs_signature_algorithm()
                       : a.crl->tbs_signature_algorithm();
}

// The cRLNumber INTEGER's content octets, when the extension holds one.
std::optional<ByteView> CrlNumberOctets(const Crl& crl) {
  const Extension* e = crl.extensions().Find("2.5.29.20");
  if (e == nullptr) return std::nullopt;
  der::Reader r(e->value);
  std::string error;
  auto n = r.Next(&error);
  if (!n || !n->Is(der::kInteger) || n->content.empty() || !r.empty()) return std::nullopt;
  return n->content;
}

constexpr std::string_view kCpsQualifier = "1.3.6.1.5.5.7.2.1";         // id-qt-cps
constexpr std::string_view kUserNoticeQualifier = "1.3.6.1.5.5.7.2.2";  // id-qt-unotice
constexpr std::string_view kOcspMethod = "1.3.6.1.5.5.7.48.1";          // id-ad-ocsp
constexpr std::string_view kCaIssuersMethod = "1.3.6.1.5.5.7.48.2";     // id-ad-caIssuers

// An HTTP or LDAP URI (RFC 5280 4.2.1.13, 4.2.2.1), scheme in any case.
bool IsHttpOrLdap(const std::string& uri) {
  auto starts = [&](std::string_view scheme) {
    return uri.size() >= scheme.size() &&
           std::equal(scheme.begin(), scheme.end(), uri.begin(), [](char a, char b) {
             return a == std::tolower(static_cast<unsigned char>(b));
           });
  };
  return starts("http://") || starts("ldap://");
}

// Calls fn(uri) for each accessLocation URI of the given accessMethod.
template <typename Fn>
void ForEachAccessUri(const EvalContext& c, std::string_view method, Fn fn) {
  const auto& aia = c.artifact.certificate->extensions().authority_info_access;
  if (!aia) return;
  for (const AccessDescription& d : *aia) {
    if (d.method == method && !d.uri.empty()) fn(d.uri);
  }
}

// Calls fn(policy, notice) for each userNotice qualifier of the certificate.
template <typename Fn>
void ForEachUserNotice(const EvalContext& c, Fn fn) {
  const auto& cp = c.artifact.certificate->extensions().certificate_policies;
  if (!cp) return;
  for (const PolicyInformation& p : *cp) {
    for (const UserNotice& n : p.user_notices) fn(p, n);
  }
}

// Calls fn(policy, kind, value) for each qualifier of each policy, in order:
// kind "cps" (value the URI), "user_notice" (value the explicitText), or the
// qualifier's OID (value empty). A policy's CPS URIs and notices are kept in
// the order of its qualifiers.
template <typename Fn>
void ForEachQualifier(const EvalContext& c, Fn fn) {
  const auto& cp = c.artifact.certificate->extensions().certificate_policies;
  if (!cp) return;
  for (const PolicyInformation& p : *cp) {
    size_t cps = 0, notice = 0;
    for (const std::string& id : p.qualifier_ids) {
      if (id == kCpsQualifier && cps < p.cps_uris.size()) {
        fn(p, "cps", p.cps_uris[cps++]);
      } else if (id == kUserNoticeQualifier && notice < p.user_notices.size()) {
        fn(p, "user_notice", p.user_notices[notice++].explicit_text);
      } else {
        fn(p, id, "");
      }
    }
  }
}

// Adds the fields of one Time: NAME_encoding (UTCTime or GeneralizedTime) and
// NAME_year, from which RFC 5280 chooses the encoding.
void AddTimeFields(std::vector<FieldDef>* defs, ArtifactKind kind, const std::string& name,
                   const std::string& asn1_name,
                   std::optional<EncodedTime> (*time_of)(const Artifact&)) {
  defs->push_back({name + "_encoding", kind, ValueType::kString,
                   "how " + asn1_name + " is encoded: UTCTime or GeneralizedTime",
                   [time_of](const EvalContext& c, Out* o) {
                     if (auto t = time_of(c.artifact)) Push(o, std::string_view(t->encoding()));
                   }});
  defs->push_back({name + "_year", kind, ValueType::kInt, "the UTC year of " + asn1_name,
                   [time_of](const EvalContext& c, Out* o) {
                     if (auto t = time_of(c.artifact)) Push(o, int64_t{YearOf(t->time)});
                   }});
}

// Adds the paths every Name offers under `prefix` ("issuer", "subject").
void AddNameFields(std::vector<FieldDef>* defs, ArtifactKind kind, const std::string& prefix,
                   const Name& (*name_of)(const Artifact&)) {
  defs->push_back({prefix + ".dn", kind, ValueType::kString,
                   "the " + prefix + " DN as text, \"C=JP, O=..., OU=...\"",
                   [name_of](const EvalContext& c, Out* o) { Push(o, name_of(c.artifact).text); }});
  defs->push_back(
      {prefix + ".der", kind, ValueType::kString,
       "the " + prefix + " Name's DER encoding, hex: compares names byte for byte",
       [name_of](const EvalContext& c, Out* o) { Push(o, HexEncode(name_of(c.artifact).der)); }});
  defs->push_back({prefix + ".attributes[*].oid", kind, ValueType::kString,
                   "the OID of each " + prefix + " attribute, in order",
                   [name_of](const EvalContext& c, Out* o) {
                     for (const auto& a : name_of(c.artifact).attributes) {
                       Push(o, a.oid, a.short_name, a.value);
                     }
                   }});
  defs->push_back({prefix + ".attributes[*].type", kind, ValueType::kString,
                   "the short name of each " + prefix + " attribute (\"O\", \"OU\"), or its OID",
                   [name_of](const EvalContext& c, Out* o) {
                     for (const auto& a : name_of(c.artifact).attributes) {
                       Push(o, a.short_name, a.short_name, a.value);
                     }
                   }});
  defs->push_back({prefix + ".attributes[*].value", kind, ValueType::kString,
                   "the value of each " + prefix + " attribute, as UTF-8",
                   [name_of](const EvalContext& c, Out* o) {
                     for (const auto& a : name_of(c.artifact).attributes) {
                       Push(o, a.value, a.short_name, a.value);
                     }
                   }});
  defs->push_back(
      {prefix + ".attributes[*].string_type", kind, ValueType::kString,
       "the string type of each " + prefix + " attribute value (PrintableString, UTF8String, ...)",
       [name_of](const EvalContext& c, Out* o) {
         for (const auto& a : name_of(c.artifact).attributes) {
           Push(o, std::string_view(StringTypeName(a.tag)), a.short_name, a.value);
         }
       }});
  defs->push_back({prefix + ".attribute_violations[*]", kind, ValueType::kString,
                   "each " + prefix +
                       " attribute outside RFC 5280 Appendix A: its upper bound or its "
                       "required string type (\"CN has 65 characters; the upper bound is 64\")",
                   [name_of](const EvalContext& c, Out* o) {
                     for (const auto& a : name_of(c.artifact).attributes) {
                       std::string why = AppendixAViolation(a);
                       if (!why.empty()) Push(o, why, a.short_name, a.value);
                     }
                   }});
}

void AddExtensionFields(std::vector<FieldDef>* defs, ArtifactKind kind) {
  auto exts = [](const EvalContext& c) -> const Extensions& { return *c.artifact.extensions(); };
  defs->push_back({"extensions[*].oid", kind, ValueType::kString, "the OID of each extension",
                   [exts](const EvalContext& c, Out* o) {
                     for (const auto& e : exts(c).list) Push(o, e.oid, e.Label());
                   }});
  defs->push_back({"extensions[*].critical", kind, ValueType::kBool,
                   "the critical flag of each extension", [exts](const EvalContext& c, Out* o) {
                     for (const auto& e : exts(c).list) {
                       Push(o, e.critical, e.Label());
                     }
                   }});
  defs->push_back({"extensions.empty_sequences[*]", kind, ValueType::kString,
                   "the OID of each extension whose value is an empty SEQUENCE where RFC 5280 "
                   "forbids one (SEQUENCE SIZE (1..MAX) OF, nameConstraints, policyConstraints)",
                   [exts](const EvalContext& c, Out* o) {
                     for (const auto& e : exts(c).list) {
                       if (e.empty_sequence) Push(o, e.oid, e.Label());
                     }
                   }});
  defs->push_back({"extensions.duplicates[*]", kind, ValueType::kString,
                   "the OID of each extension that repeats an earlier one (RFC 5280 4.2: once)",
                   [exts](const EvalContext& c, Out* o) {
                     for (const auto& e : exts(c).list) {
                       if (e.error == "duplicate extension") Push(o, e.oid, e.Label());
                     }
                   }});
  for (const auto& [oid, name] : KnownExtensions()) {
    std::string id(oid);
    defs->push_back(
        {"extensions." + std::string(name), kind, ValueType::kExtension,
         "the " + std::string(name) + " extension (" + id + "): use present, absent or critical",
         [exts, id](const EvalContext& c, Out* o) {
           if (const Extension* e = exts(c).Find(id)) Push(o, e->critical, e->Label());
         }});
  }
}

// issuer_certificate.PATH for certificates and CRLs: PATH of the CA
// certificate that issued the artifact (the one the signature is checked with).
void AddIssuerCertificateFields(std::vector<FieldDef>* defs) {
  std::vector<FieldDef> derived;
  for (const FieldDef& f : *defs) {
    if (f.kind != ArtifactKind::kCertificate || f.path == "profile") continue;
    for (ArtifactKind k : {ArtifactKind::kCertificate, ArtifactKind::kCrl}) {
      derived.push_back({std::string(kIssuerCertificatePrefix) + f.path, k, f.type,
                         "of the issuing CA's certificate: " + f.doc,
                         [get = f.get](const EvalContext& c, Out* o) {
                           if (c.issuer_ca == nullptr) return;
                           Artifact ca{ArtifactKind::kCertificate, c.issuer_ca->certificate.get()};
                           EvalContext of_ca{c.evidence, ca,   nullptr, "",
                                             nullptr,    c.at, c.index, nullptr};
                           get(of_ca, o);
                         },
                         true});
    }
  }
  for (FieldDef& f : derived) defs->push_back(std::move(f));
}

std::vector<FieldDef> BuildFields() {
  std::vector<FieldDef> d;
  const ArtifactKind kCert = ArtifactKind::kCertificate;
  const ArtifactKind kCrl = ArtifactKind::kCrl;
  const ArtifactKind kCsr = ArtifactKind::kCsr;
  const ArtifactKind kEvent = ArtifactKind::kEvent;

  for (ArtifactKind k : {kCert, kCrl, kCsr}) {
    d.push_back({"version", k, ValueType::kInt,
                 "the version number: 1, 2 or 3 (not the encoded 0-2)",
                 [](const EvalContext& c, Out* o) { Push(o, int64_t{VersionOf(c.artifact)}); }});
    d.push_back(
        {"signature_algorithm", k, ValueType::kString, "the OID of the outer signatureAlgorithm",
         [](const EvalContext& c, Out* o) { Push(o, EnvelopeOf(c.artifact).algorithm.oid); }});
    d.push_back({"signature_algorithm.parameters", k, ValueType::kString,
                 "the outer signatureAlgorithm's parameters: absent, NULL, an OID, or other",
                 [](const EvalContext& c, Out* o) {
                   Push(o, ParametersText(EnvelopeOf(c.artifact).algorithm.parameters));
                 }});
    auto scheme = [](const EvalContext& c) {
      return DescribeSignature(EnvelopeOf(c.artifact).algorithm);
    };
    d.push_back({"signature.hash", k, ValueType::kString,
                 "the digest the signature algorithm uses, by OpenSSL's short name (SHA1, SHA256, "
                 "SHA384, SHA512, SHA3-256, MD5); for RSASSA-PSS its hashAlgorithm",
                 [scheme](const EvalContext& c, Out* o) {
                   auto s = scheme(c);
                   if (s && !s->hash.empty()) Push(o, s->hash);
                 }});
    d.push_back({"signature.pss", k, ValueType::kBool,
                 "true for RSASSA-PSS with readable parameters, false for other algorithms",
                 [scheme](const EvalContext& c, Out* o) {
                   if (auto s = scheme(c)) Push(o, s->pss);
                 }});
    // The PSS parameters, each read the same way: only for RSASSA-PSS.
    auto pss_field = [&](const char* path, ValueType type, const char* doc, auto member) {
      d.push_back({path, k, type, doc, [scheme, member](const EvalContext& c, Out* o) {
                     auto s = scheme(c);
                     if (s && s->pss) Push(o, (*s).*member);
                   }});
    };
    pss_field("signature.pss.mgf_hash", ValueType::kString,
              "RSASSA-PSS: the digest of MGF1 (the MGF's OID if it is not MGF1)",
              &SignatureScheme::mgf_hash);
    pss_field("signature.pss.salt_length", ValueType::kInt,
              "RSASSA-PSS: saltLength (20 when absent)", &SignatureScheme::salt_length);
    pss_field("signature.pss.trailer_field", ValueType::kInt,
              "RSASSA-PSS: trailerField (1 when absent)", &SignatureScheme::trailer_field);
    d.push_back({"der.violations[*]", k, ValueType::kString,
                 "each way the encoding is not X.690 DER, \"WHERE: WHAT\" (\"tbsCertificate."
                 "serialNumber: INTEGER is not minimally encoded\"); none for valid DER",
                 [](const EvalContext& c, Out* o) {
                   for (const DerViolation& v : DerViolationsOf(c.artifact)) {
                     Push(o, v.Text(), v.where, v.what);
                   }
                 }});
  }
  for (ArtifactKind k : {kCert, kCrl}) {
    d.push_back({"tbs_signature_algorithm", k, ValueType::kString,
                 "the OID of the signature field inside the signed part",
                 [](const EvalContext& c, Out* o) { Push(o, TbsAlgorithmOf(c.artifact).oid); }});
    d.push_back({"tbs_signature_algorithm.parameters", k, ValueType::kString,
                 "the parameters of the signature field inside the signed part: absent, NULL, an "
                 "OID, or other",
                 [](const EvalContext& c, Out* o) {
                   Push(o, ParametersText(TbsAlgorithmOf(c.artifact).parameters));
                 }});
    d.push_back({"signature_algorithm.matches_tbs", k, ValueType::kBool,
                 "true when the outer signatureAlgorithm and the signed part's signature field "
                 "are the same OID with the same parameter octets",
                 [](const EvalContext& c, Out* o) {
                   const AlgorithmId& outer = EnvelopeOf(c.artifact).algorithm;
                   const AlgorithmId& inner = TbsAlgorithmOf(c.artifact);
                   Push(o, outer.oid == inner.oid && SameBytes(outer.parameters, inner.parameters));
                 }});
    AddNameFields(&d, k, "issuer", [](const Artifact& a) -> const Name& { return *a.issuer(); });
    AddExtensionFields(&d, k);
    d.push_back({"authority_key_identifier.key_id", k, ValueType::kString,
                 "the keyIdentifier of the authorityKeyIdentifier extension, hex",
                 [](const EvalContext& c, Out* o) {
                   const auto& aki = c.artifact.extensions()->authority_key_identifier;
                   if (aki && aki->key_id) Push(o, HexEncode(*aki->key_id));
                 }});
  }
  for (ArtifactKind k : {kCert, kCsr}) {
    AddNameFields(&d, k, "subject", SubjectOf);
    d.push_back({"public_key.algorithm", k, ValueType::kString,
                 "the OID of the subject public key algorithm",
                 [](const EvalContext& c, Out* o) { Push(o, KeyOf(c.artifact).algorithm.oid); }});
    d.push_back({"public_key.parameters", k, ValueType::kString,
                 "the subject public key algorithm's parameters: absent, NULL, the named curve's "
                 "OID, or other",
                 [](const EvalContext& c, Out* o) {
                   Push(o, ParametersText(KeyOf(c.artifact).algorithm.parameters));
                 }});
    d.push_back({"public_key.bits", k, ValueType::kInt,
                 "the key size in bits: the RSA modulus, or the EC curve's field size (256 for "
                 "P-256); absent for other keys",
                 [](const EvalContext& c, Out* o) {
                   const PublicKeyInfo& key = KeyOf(c.artifact);
                   if (int bits = key.rsa_modulus_bits ? key.rsa_modulus_bits : key.ec_bits) {
                     Push(o, int64_t{bits});
                   }
                 }});
    d.push_back({"public_key.ec_curve", k, ValueType::kString,
                 "an EC key's named curve: P-256, P-384, P-521 (NIST names), else OpenSSL's "
                 "short name or the OID; absent for other keys",
                 [](const EvalContext& c, Out* o) {
                   const std::string& curve = KeyOf(c.artifact).ec_curve;
                   if (!curve.empty()) Push(o, curve);
                 }});
    d.push_back({"public_key.rsa_bits", k, ValueType::kInt,
                 "the RSA modulus size in bits (absent for other keys)",
                 [](const EvalContext& c, Out* o) {
                   if (int bits = KeyOf(c.artifact).rsa_modulus_bits) Push(o, int64_t{bits});
                 }});
  }

  d.push_back(
      {"serial", kCert, ValueType::kString, "the serial number, lower-case hex",
       [](const EvalContext& c, Out* o) { Push(o, c.artifact.certificate->serial_hex()); }});
  d.push_back({"serial.octets", kCert, ValueType::kInt,
               "the number of octets of the serialNumber INTEGER's content",
               [](const EvalContext& c, Out* o) {
                 Push(o, static_cast<int64_t>(c.artifact.certificate->serial().size()));
               }});
  d.push_back(
      {"serial.sign", kCert, ValueType::kString,
       "positive, zero or negative: the sign of the serialNumber",
       [](const EvalContext& c, Out* o) { Push(o, SignOf(c.artifact.certificate->serial())); }});
  d.push_back({"validity.not_before", kCert, ValueType::kTime, "notBefore",
               [](const EvalContext& c, Out* o) {
                 Push(o, int64_t{c.artifact.certificate->not_before()});
               }});
  d.push_back(
      {"validity.not_after", kCert, ValueType::kTime, "notAfter", [](const EvalContext& c, Out* o) {
         Push(o, int64_t{c.artifact.certificate->not_after()});
       }});
  AddTimeFields(&d, kCert, "validity.not_before", "notBefore",
                [](const Artifact& a) -> std::optional<EncodedTime> {
                  return a.certificate->not_before_encoded();
                });
  AddTimeFields(&d, kCert, "validity.not_after", "notAfter",
                [](const Artifact& a) -> std::optional<EncodedTime> {
                  return a.certificate->not_after_encoded();
                });
  d.push_back({"validity.duration_days", kCert, ValueType::kInt,
               "the validity period in days, notBefore through notAfter inclusive (RFC 5280 "
               "4.1.2.5), rounded up: one second over 365 days counts 366",
               [](const EvalContext& c, Out* o) {
                 const Certificate& cert = *c.artifact.certificate;
                 int64_t seconds = cert.not_after() - cert.not_before() + 1;
                 Push(o, seconds <= 0 ? int64_t{0} : (seconds + 86399) / 86400);
               }});
  d.push_back({"validity.seconds", kCert, ValueType::kInt,
               "notAfter minus notBefore in seconds (negative when notAfter is earlier)",
               [](const EvalContext& c, Out* o) {
                 const Certificate& cert = *c.artifact.certificate;
                 Push(o, static_cast<int64_t>(cert.not_after() - cert.not_before()));
               }});
  d.push_back({"unique_identifiers[*]", kCert, ValueType::kString,
               "issuerUniqueID and subjectUniqueID, for each that is present",
               [](const EvalContext& c, Out* o) {
                 if (c.artifact.certificate->has_issuer_unique_id()) {
                   Push(o, std::string_view("issuerUniqueID"));
                 }
                 if (c.artifact.certificate->has_subject_unique_id()) {
                   Push(o, std::string_view("subjectUniqueID"));
                 }
               }});
  d.push_back({"self_issued", kCert, ValueType::kBool,
               "true when the issuer and subject names match (RFC 5280 3.3, 7.1)",
               [](const EvalContext& c, Out* o) {
                 const Certificate& cert = *c.artifact.certificate;
                 Push(o, cert.issuer().Matches(cert.subject()));
               }});
  d.push_back({"basic_constraints.ca", kCert, ValueType::kBool,
               "the basicConstraints cA flag (absent without a readable basicConstraints)",
               [](const EvalContext& c, Out* o) {
                 const auto& bc = c.artifact.certificate->extensions().basic_constraints;
                 if (bc) Push(o, bc->ca);
               }});
  d.push_back({"basic_constraints.path_len", kCert, ValueType::kInt,
               "the basicConstraints pathLenConstraint (-1 when negative; absent when not there)",
               [](const EvalContext& c, Out* o) {
                 const auto& bc = c.artifact.certificate->extensions().basic_constraints;
                 if (bc && bc->path_len_negative) Push(o, int64_t{-1});
                 if (bc && bc->path_len) Push(o, *bc->path_len);
               }});
  // The certificate's own certificate_issued event (bound by its path, else
  // its serial): what profiles and rules may ask of its issuance.
  for (std::string_view name : EventFieldNames()) {
    std::string n(name);
    d.push_back({"issuance." + n, kCert, ValueType::kString,
                 "the \"" + n + "\" field of the certificate's certificate_issued event",
                 [n](const EvalContext& c, Out* o) {
                   const Certificate& cert = *c.artifact.certificate;
                   if (c.index == nullptr || !c.index->OwnsIssuance(cert)) return;
                   const Event* issued = c.index->IssuanceOf(cert);
                   if (issued != nullptr && issued->Has(n)) Push(o, issued->Str(n));
                 }});
  }
  d.push_back({"profile", kCert, ValueType::kString,
               "the certificate's profile: the first of the pack's `profiles` whose `when` holds",
               [](const EvalContext& c, Out* o) { Push(o, std::string_view(c.profile)); }});
  d.push_back({"key_usage.bits[*]", kCert, ValueType::kString,
               "the names of the keyUsage bits set (digitalSignature, nonRepudiation, "
               "keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, "
               "encipherOnly, decipherOnly)",
               [](const EvalContext& c, Out* o) {
                 const auto& ku = c.artifact.certificate->extensions().key_usage;
                 if (ku)
                   for (const auto& b : *ku) Push(o, b);
               }});
  d.push_back({"extended_key_usage.purposes[*]", kCert, ValueType::kString,
               "the OID of each extendedKeyUsage purpose", [](const EvalContext& c, Out* o) {
                 const auto& eku = c.artifact.certificate->extensions().extended_key_usage;
                 if (eku)
                   for (const auto& p : *eku) Push(o, p);
               }});
  d.push_back({"certificate_policies.policies[*]", kCert, ValueType::kString,
               "the OID of each certificatePolicies policy", [](const EvalContext& c, Out* o) {
                 const auto& cp = c.artifact.certificate->extensions().certificate_policies;
                 if (cp)
                   for (const auto& p : *cp) Push(o, p.oid);
               }});
  d.push_back({"certificate_policies.duplicates[*]", kCert, ValueType::kString,
               "each policy OID that appears again after its first time (RFC 5280 4.2.1.4: once)",
               [](const EvalContext& c, Out* o) {
                 const auto& cp = c.artifact.certificate->extensions().certificate_policies;
                 if (!cp) return;
                 for (size_t i = 1; i < cp->size(); ++i) {
                   const std::string& oid = (*cp)[i].oid;
                   bool earlier = std::any_of(cp->begin(), cp->begin() + static_cast<long>(i),
                                              [&](const auto& p) { return p.oid == oid; });
                   if (earlier) Push(o, oid);
                 }
               }});
  d.push_back({"certificate_policies.qualifier_ids[*]", kCert, ValueType::kString,
               "the policyQualifierId OID of each qualifier of every policy",
               [](const EvalContext& c, Out* o) {
                 const auto& cp = c.artifact.certificate->extensions().certificate_policies;
                 if (cp)
                   for (const auto& p : *cp)
                     for (const auto& q : p.qualifier_ids) Push(o, q);
               }});
  d.push_back({"certificate_policies.qualifiers[*].kind", kCert, ValueType::kString,
               "the kind of each qualifier of every policy: cps, user_notice, or the "
               "policyQualifierId OID of another; {attribute} is the policy OID",
               [](const EvalContext& c, Out* o) {
                 ForEachQualifier(c, [o](const PolicyInformation& p, std::string_view kind,
                                         std::string_view) { Push(o, kind, p.oid); });
               }});
  d.push_back({"certificate_policies.qualifiers[*].value", kCert, ValueType::kString,
               "the value of each qualifier of every policy: the CPS URI, or the userNotice's "
               "explicitText (empty without one, and for other kinds); {attribute} is the kind",
               [](const EvalContext& c, Out* o) {
                 ForEachQualifier(c, [o](const PolicyInformation&, std::string_view kind,
                                         std::string_view value) { Push(o, value, kind); });
               }});
  d.push_back({"certificate_policies.cps_uris[*]", kCert, ValueType::kString,
               "the URI of each id-qt-cps qualifier of every policy",
               [](const EvalContext& c, Out* o) {
                 const auto& cp = c.artifact.certificate->extensions().certificate_policies;
                 if (cp)
                   for (const auto& p : *cp)
                     for (const auto& u : p.cps_uris) Push(o, u);
               }});
  d.push_back({"certificate_policies.any_policy_qualifier_ids[*]", kCert, ValueType::kString,
               "the policyQualifierId OID of each qualifier of anyPolicy (2.5.29.32.0)",
               [](const EvalContext& c, Out* o) {
                 const auto& cp = c.artifact.certificate->extensions().certificate_policies;
                 if (!cp) return;
                 for (const auto& p : *cp) {
                   if (p.oid != "2.5.29.32.0") continue;
                   for (const auto& q : p.qualifier_ids) Push(o, q);
                 }
               }});
  d.push_back({"certificate_policies.notice_refs[*]", kCert, ValueType::kString,
               "the policy OID of each userNotice qualifier that has a noticeRef",
               [](const EvalContext& c, Out* o) {
                 ForEachUserNotice(c, [&](const PolicyInformation& p, const UserNotice& n) {
                   if (n.has_notice_ref) Push(o, p.oid, p.oid);
                 });
               }});
  d.push_back({"certificate_policies.explicit_texts[*]", kCert, ValueType::kString,
               "the explicitText of each userNotice qualifier, as UTF-8; {attribute} is its "
               "string type",
               [](const EvalContext& c, Out* o) {
                 ForEachUserNotice(c, [&](const PolicyInformation&, const UserNotice& n) {
                   if (n.explicit_text_tag != 0) {
                     Push(o, n.explicit_text, StringTypeName(n.explicit_text_tag));
                   }
                 });
               }});
  d.push_back({"certificate_policies.explicit_text_types[*]", kCert, ValueType::kString,
               "the string type of each userNotice explicitText (UTF8String, IA5String, "
               "VisibleString, BMPString)",
               [](const EvalContext& c, Out* o) {
                 ForEachUserNotice(c, [&](const PolicyInformation&, const UserNotice& n) {
                   if (n.explicit_text_tag != 0) Push(o, StringTypeName(n.explicit_text_tag));
                 });
               }});
  d.push_back({"certificate_policies.explicit_text_nfc[*]", kCert, ValueType::kBool,
               "for each UTF8String or BMPString userNotice explicitText, whether it is in "
               "Unicode Normalization Form C",
               [](const EvalContext& c, Out* o) {
                 ForEachUserNotice(c, [&](const PolicyInformation&, const UserNotice& n) {
                   if (n.explicit_text_tag == der::kUtf8String ||
                       n.explicit_text_tag == der::kBmpString) {
                     Push(o, IsNfc(n.explicit_text), StringTypeName(n.explicit_text_tag));
                   }
                 });
               }});
  d.push_back({"certificate_policies.explicit_text_lengths[*]", kCert, ValueType::kInt,
               "the length in characters of each userNotice explicitText",
               [](const EvalContext& c, Out* o) {
                 ForEachUserNotice(c, [&](const PolicyInformation&, const UserNotice& n) {
                   if (n.explicit_text_tag == 0) return;
                   Push(o, static_cast<int64_t>(Utf8Length(n.explicit_text)));
                 });
               }});
  d.push_back({"crl_distribution_points.uris[*]", kCert, ValueType::kString,
               "each URI of the fullName of every cRLDistributionPoints distribution point",
               [](const EvalContext& c, Out* o) {
                 const auto& dps = c.artifact.certificate->extensions().crl_distribution_points;
                 if (dps)
                   for (const auto& dp : *dps)
                     for (const auto& u : dp.uris) Push(o, u);
               }});
  d.push_back({"crl_distribution_points.points[*].complete", kCert, ValueType::kBool,
               "for each distribution point, true when it has a distributionPoint or a "
               "cRLIssuer (RFC 5280 4.2.1.13: not the reasons alone)",
               [](const EvalContext& c, Out* o) {
                 const auto& dps = c.artifact.certificate->extensions().crl_distribution_points;
                 if (dps)
                   for (const auto& dp : *dps) Push(o, dp.has_name || dp.has_crl_issuer);
               }});
  d.push_back({"crl_distribution_points.points[*].has_http_or_ldap_uri", kCert, ValueType::kBool,
               "for each distribution point with a distributionPoint name, true when that name "
               "has an http: or ldap: URI",
               [](const EvalContext& c, Out* o) {
                 const auto& dps = c.artifact.certificate->extensions().crl_distribution_points;
                 if (!dps) return;
                 for (const auto& dp : *dps) {
                   if (dp.has_name)
                     Push(o, std::any_of(dp.uris.begin(), dp.uris.end(), IsHttpOrLdap));
                 }
               }});
  for (bool subject : {true, false}) {
    const std::string prefix = subject ? "subject_alt_name" : "issuer_alt_name";
    auto names_of = [subject](const EvalContext& c) -> const std::vector<GeneralNameValue>* {
      const Extensions& e = c.artifact.certificate->extensions();
      const auto& names = subject ? e.subject_alt_name : e.issuer_alt_name;
      return names ? &*names : nullptr;
    };
    d.push_back({prefix + ".forms[*]", kCert, ValueType::kString,
                 "the form of each " + prefix +
                     " name (rfc822Name, dNSName, "
                     "uniformResourceIdentifier, iPAddress, directoryName, ...)",
                 [names_of](const EvalContext& c, Out* o) {
                   if (const auto* names = names_of(c))
                     for (const auto& n : *names) Push(o, n.form);
                 }});
    for (const auto& [field, form] : {std::pair<std::string, std::string>{"emails", "rfc822Name"},
                                      {"dns_names", "dNSName"},
                                      {"uris", "uniformResourceIdentifier"}}) {
      d.push_back({prefix + "." + field + "[*]", kCert, ValueType::kString,
                   "each " + form + " of " + prefix + ", as its octets",
                   [names_of, form = form](const EvalContext& c, Out* o) {
                     if (const auto* names = names_of(c))
                       for (const auto& n : *names)
                         if (n.form == form) Push(o, n.value);
                   }});
    }
    d.push_back({prefix + ".empty_names[*]", kCert, ValueType::kString,
                 "the form of each " + prefix +
                     " name that is empty (a string or iPAddress of no octets, a "
                     "directoryName of no RDN)",
                 [names_of](const EvalContext& c, Out* o) {
                   if (const auto* names = names_of(c))
                     for (const auto& n : *names)
                       if (n.empty) Push(o, n.form);
                 }});
  }
  d.push_back({"name_constraints.base_forms[*]", kCert, ValueType::kString,
               "the GeneralName form of each permitted and excluded subtree's base (dNSName, "
               "x400Address, ediPartyName, registeredID, ...)",
               [](const EvalContext& c, Out* o) {
                 const auto& nc = c.artifact.certificate->extensions().name_constraints;
                 if (nc)
                   for (const auto& t : *nc) Push(o, t.base_form);
               }});
  for (const auto& [name, distance] :
       {std::pair{"minimum", &GeneralSubtree::minimum}, {"maximum", &GeneralSubtree::maximum}}) {
    d.push_back({"name_constraints." + std::string(name) + "s[*]", kCert, ValueType::kInt,
                 "the " + std::string(name) +
                     " of each subtree that encodes one (-1 when it does not fit); {attribute} "
                     "is the base's form",
                 [distance = distance](const EvalContext& c, Out* o) {
                   const auto& nc = c.artifact.certificate->extensions().name_constraints;
                   if (!nc) return;
                   for (const auto& t : *nc) {
                     if (t.*distance) Push(o, *(t.*distance), t.base_form);
                   }
                 }});
  }
  d.push_back({"policy_mappings.policies[*]", kCert, ValueType::kString,
               "every issuerDomainPolicy and subjectDomainPolicy OID of policyMappings",
               [](const EvalContext& c, Out* o) {
                 const auto& pm = c.artifact.certificate->extensions().policy_mappings;
                 if (!pm) return;
                 for (const auto& [issuer, subject] : *pm) {
                   Push(o, issuer);
                   Push(o, subject);
                 }
               }});
  d.push_back({"policy_mappings.unasserted_issuer_policies[*]", kCert, ValueType::kString,
               "each issuerDomainPolicy of policyMappings that certificatePolicies does not "
               "assert",
               [](const EvalContext& c, Out* o) {
                 const Extensions& e = c.artifact.certificate->extensions();
                 if (!e.policy_mappings) return;
                 for (const auto& mapping : *e.policy_mappings) {
                   const std::string& issuer = mapping.first;
                   bool asserted =
                       e.certificate_policies &&
                       std::any_of(e.certificate_policies->begin(), e.certificate_policies->end(),
                                   [&](const PolicyInformation& p) { return p.oid == issuer; });
                   if (!asserted) Push(o, issuer);
                 }
               }});
  d.push_back({"authority_info_access.ocsp_uris[*]", kCert, ValueType::kString,
               "the URI of each id-ad-ocsp access description of authorityInfoAccess",
               [](const EvalContext& c, Out* o) {
                 ForEachAccessUri(c, kOcspMethod, [&](const std::string& u) { Push(o, u); });
               }});
  d.push_back({"authority_info_access.ca_issuers_uris[*]", kCert, ValueType::kString,
               "the URI of each id-ad-caIssuers access description of authorityInfoAccess",
               [](const EvalContext& c, Out* o) {
                 ForEachAccessUri(c, kCaIssuersMethod, [&](const std::string& u) { Push(o, u); });
               }});
  d.push_back({"authority_info_access.ca_issuers_http_or_ldap", kCert, ValueType::kBool,
               "true when some id-ad-caIssuers accessLocation is an http: or ldap: URI, false "
               "when none is (absent without caIssuers)",
               [](const EvalContext& c, Out* o) {
                 const auto& aia = c.artifact.certificate->extensions().authority_info_access;
                 if (!aia) return;
                 bool any = false, http_or_ldap = false;
                 for (const auto& d : *aia) {
                   if (d.method != kCaIssuersMethod) continue;
                   any = true;
                   http_or_ldap |= IsHttpOrLdap(d.uri);
                 }
                 if (any) Push(o, http_or_ldap);
               }});
  d.push_back({"subject_key_identifier", kCert, ValueType::kString, "the subjectKeyIdentifier, hex",
               [](const EvalContext& c, Out* o) {
                 const auto& ski = c.artifact.certificate->extensions().subject_key_identifier;
                 if (ski) Push(o, HexEncode(*ski));
               }});

  d.push_back(
      {"this_update", kCrl, ValueType::kTime, "thisUpdate",
       [](const EvalContext& c, Out* o) { Push(o, int64_t{c.artifact.crl->this_update()}); }});
  d.push_back({"next_update", kCrl, ValueType::kTime, "nextUpdate (absent if none)",
               [](const EvalContext& c, Out* o) {
                 if (c.artifact.crl->next_update()) {
                   Push(o, int64_t{*c.artifact.crl->next_update()});
                 }
               }});
  AddTimeFields(
      &d, kCrl, "this_update", "thisUpdate",
      [](const Artifact& a) -> std::optional<EncodedTime> { return a.crl->this_update_encoded(); });
  AddTimeFields(&d, kCrl, "next_update", "nextUpdate",
                [](const Artifact& a) { return a.crl->next_update_encoded(); });
  d.push_back({"revoked_certificates", kCrl, ValueType::kString,
               "absent, empty (encoded with no entry) or present",
               [](const EvalContext& c, Out* o) {
                 const Crl& crl = *c.artifact.crl;
                 Push(o, std::string_view(crl.has_empty_revoked_list()   ? "empty"
                                          : crl.entry_stats().count == 0 ? "absent"
                                                                         : "present"));
               }});
  d.push_back({"entries.duplicates[*]", kCrl, ValueType::kString,
               "each serial listed more than once, hex (the first 50, then one value saying how "
               "many more)",
               [](const EvalContext& c, Out* o) {
                 const CrlEntryStats& s = c.artifact.crl->entry_stats();
                 for (const std::string& serial : s.duplicate_serials) Push(o, serial, serial);
                 if (s.duplicate_count > s.duplicate_serials.size()) {
                   Push(o,
                        fmt::format("and {} more", s.duplicate_count - s.duplicate_serials.size()));
                 }
               }});
  d.push_back({"entries.revoked_after_this_update[*]", kCrl, ValueType::kString,
               "the serial of each entry whose revocationDate is after thisUpdate",
               [](const EvalContext& c, Out* o) {
                 const Crl& crl = *c.artifact.crl;
                 if (crl.entry_stats().latest_revocation <= crl.this_update()) return;
                 crl.ForEachEntry([&](const CrlEntry& e) {
                   if (e.revocation_date > crl.this_update()) {
                     std::string serial = e.SerialHex();
                     Push(o, serial, serial, FormatRfc3339(e.revocation_date));
                   }
                 });
               }});
  d.push_back({"entries[*].extension_errors", kCrl, ValueType::kString,
               "the first problem with each entry's extensions (\"malformed reasonCode\", "
               "\"duplicate extension\")",
               [](const EvalContext& c, Out* o) {
                 const Crl& crl = *c.artifact.crl;
                 if (crl.entry_stats().with_extension_error == 0) return;
                 crl.ForEachEntry([&](const CrlEntry& e) {
                   if (e.extension_error)
                     Push(o, std::string_view(e.extension_error), e.SerialHex());
                 });
               }});
  d.push_back({"crl_number.octets", kCrl, ValueType::kInt,
               "the number of content octets of the cRLNumber INTEGER",
               [](const EvalContext& c, Out* o) {
                 if (auto n = CrlNumberOctets(*c.artifact.crl)) {
                   Push(o, static_cast<int64_t>(n->size()));
                 }
               }});
  d.push_back({"crl_number.sign", kCrl, ValueType::kString,
               "positive, zero or negative: the sign of the cRLNumber",
               [](const EvalContext& c, Out* o) {
                 if (auto n = CrlNumberOctets(*c.artifact.crl)) Push(o, SignOf(*n));
               }});
  d.push_back({"crl_number", kCrl, ValueType::kString, "the cRLNumber, decimal",
               [](const EvalContext& c, Out* o) {
                 if (c.artifact.crl->extensions().crl_number) {
                   Push(o, *c.artifact.crl->extensions().crl_number);
                 }
               }});
  d.push_back({"entries[*].serial", kCrl, ValueType::kString,
               "the serial of each revoked certificate, lower-case hex",
               [](const EvalContext& c, Out* o) {
                 c.artifact.crl->ForEachEntry([&](const CrlEntry& e) {
                   std::string serial = e.SerialHex();
                   Push(o, serial, serial);
                 });
               }});
  d.push_back(
      {"entries[*].reason", kCrl, ValueType::kString,
       "the reasonCode name of each entry that has one (keyCompromise, certificateHold, ...)",
       [](const EvalContext& c, Out* o) {
         c.artifact.crl->ForEachEntry([&](const CrlEntry& e) {
           if (e.reason_code) Push(o, ReasonName(*e.reason_code), e.SerialHex());
         });
       }});
  d.push_back({"entries.reasons_used[*]", kCrl, ValueType::kString,
               "each reasonCode name some entry has, once, from the parse's counts (no walk of "
               "the entries); {attribute} is how many entries have it",
               [](const EvalContext& c, Out* o) {
                 const auto& by_reason = c.artifact.crl->entry_stats().by_reason;
                 for (size_t code = 0; code < by_reason.size(); ++code) {
                   if (by_reason[code] > 0) {
                     Push(o, ReasonName(static_cast<int>(code)), std::to_string(by_reason[code]));
                   }
                 }
               }});
  d.push_back({"entries[*].extensions[*].oid", kCrl, ValueType::kString,
               "the OID of each extension of each entry", [](const EvalContext& c, Out* o) {
                 c.artifact.crl->ForEachEntry([&](const CrlEntry& e) {
                   if (e.extensions.empty()) return;
                   std::string serial = e.SerialHex();
                   for (const auto& oid : e.ExtensionOids()) Push(o, oid, serial);
                 });
               }});
  // Events: the fields of DESIGN.md's event schema, as strings (numbers and
  // booleans in their JSON spelling); NAME[*] yields each element of a list.
  d.push_back({"time", kEvent, ValueType::kTime, "the event time",
               [](const EvalContext& c, Out* o) { Push(o, int64_t{c.artifact.event->time}); }});
  for (std::string_view name : EventFieldNames()) {
    std::string n(name);
    d.push_back({n, kEvent, ValueType::kString, "the event's \"" + n + "\" field",
                 [n](const EvalContext& c, Out* o) {
                   if (c.artifact.event->Has(n)) Push(o, c.artifact.event->Str(n));
                 }});
    d.push_back({n + "[*]", kEvent, ValueType::kString,
                 "each element of the event's \"" + n + "\" list",
                 [n](const EvalContext& c, Out* o) {
                   for (std::string_view v : c.artifact.event->List(n)) Push(o, v);
                 }});
  }
  AddIssuerCertificateFields(&d);
  return d;
}

}  // namespace

const std::vector<FieldDef>& AllFields() {
  static const std::vector<FieldDef> kFields = BuildFields();
  return kFields;
}

const FieldDef* FindField(ArtifactKind kind, std::string_view path) {
  for (const FieldDef& f : AllFields()) {
    if (f.kind == kind && f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace cpaudit
