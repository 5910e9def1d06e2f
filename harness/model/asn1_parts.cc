#include "harness/model/asn1_parts.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <algorithm>
#include <ctime>
#include <string_view>

#include "harness/model/openssl_ptr.h"
#include "harness/model/string_map.h"

namespace cpaudit {

Sha1Digest Sha1(ByteView data) {
  // Fetched once: SHA1() fetches the implementation on every call, under
  // OpenSSL's global lock.
  static EVP_MD* const kSha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  Sha1Digest out;
  EVP_Digest(data.data(), data.size(), out.data(), nullptr, kSha1, nullptr);
  return out;
}

std::optional<SignedEnvelope> ParseSignedEnvelope(ByteView der, std::string* error) {
  der::Reader top(der);
  auto outer = top.Expect(der::kSequence, "outer SEQUENCE", error);
  if (!outer) return std::nullopt;
  if (!top.empty()) {
    *error = "trailing data after the outer SEQUENCE";
    return std::nullopt;
  }
  der::Reader r(outer->content);
  auto tbs = r.Expect(der::kSequence, "to-be-signed SEQUENCE", error);
  if (!tbs) return std::nullopt;
  auto alg_tlv = r.Expect(der::kSequence, "signatureAlgorithm", error);
  if (!alg_tlv) return std::nullopt;
  auto alg = ParseAlgorithm(*alg_tlv, error);
  if (!alg) return std::nullopt;
  auto sig = r.Expect(der::kBitString, "signatureValue", error);
  if (!sig) return std::nullopt;
  auto sig_bytes = der::BitStringBytes(*sig);
  if (!sig_bytes) {
    *error = "signatureValue: malformed BIT STRING";
    return std::nullopt;
  }
  if (!r.empty()) {
    *error = "unexpected data after signatureValue";
    return std::nullopt;
  }
  return SignedEnvelope{tbs->whole, std::move(*alg), *sig_bytes};
}

namespace {

// What cpaudit prints of an OID.
struct OidNames {
  std::string text;        // "2.5.4.3"
  std::string short_name;  // "CN", else the text
};

// The same few OIDs recur in every certificate and CRL entry, and OpenSSL's
// lookups (OBJ_obj2txt, OBJ_obj2nid) cost far more than a hash lookup and take
// its global lock. Per thread, keyed by the OID's content octets, and bounded
// so that hostile input cannot grow it.
class OidCache {
 public:
  const OidNames* Find(ByteView content) const {
    auto it = names_.find(
        std::string_view(reinterpret_cast<const char*>(content.data()), content.size()));
    return it == names_.end() ? nullptr : &it->second;
  }
  const OidNames& Add(const ASN1_OBJECT* obj) {
    OidNames names;
    char buf[128];
    int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
    if (n > 0 && n < static_cast<int>(sizeof buf)) names.text.assign(buf, static_cast<size_t>(n));
    int nid = OBJ_obj2nid(obj);
    names.short_name = nid != NID_undef ? OBJ_nid2sn(nid) : names.text;
    std::string key(reinterpret_cast<const char*>(OBJ_get0_data(obj)), OBJ_length(obj));
    if (names_.size() >= 512 || key.empty()) {
      overflow_ = std::move(names);
      return overflow_;
    }
    return names_.emplace(std::move(key), std::move(names)).first->second;
  }

 private:
  StringMap<OidNames> names_;
  OidNames overflow_;  // the last OID that did not fit
};

// The names of an OID TLV, or null when it is malformed.
const OidNames* NamesOf(ByteView oid_tlv) {
  thread_local OidCache cache;
  std::string error;
  auto tlv = der::Reader(oid_tlv).Next(&error);
  if (!tlv || !tlv->Is(der::kOid)) return nullptr;
  if (const OidNames* names = cache.Find(tlv->content)) return names;
  const unsigned char* p = oid_tlv.data();
  ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free> obj(
      d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(oid_tlv.size())));
  if (!obj || p != oid_tlv.data() + oid_tlv.size()) return nullptr;
  const OidNames& names = cache.Add(obj.get());
  return names.text.empty() ? nullptr : &names;
}

}  // namespace

std::string ObjectText(const ASN1_OBJECT* obj) {
  // Re-encoded as a TLV so that it shares the cache.
  unsigned char* der = nullptr;
  int len = i2d_ASN1_OBJECT(obj, &der);
  std::string text = OidText(ByteView(der, static_cast<size_t>(std::max(len, 0))));
  OPENSSL_free(der);
  return text;
}

bool OidTextAndShortName(ByteView oid_tlv, std::string* text, std::string* short_name) {
  const OidNames* names = NamesOf(oid_tlv);
  if (names == nullptr) return false;
  *text = names->text;
  *short_name = names->short_name;
  return true;
}

std::string OidText(ByteView oid_tlv) {
  const OidNames* names = NamesOf(oid_tlv);
  return names != nullptr ? names->text : std::string();
}

std::string OidLongName(const std::string& dotted) {
  ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free> obj(OBJ_txt2obj(dotted.c_str(), 1));
  int nid = obj ? OBJ_obj2nid(obj.get()) : NID_undef;
  return nid != NID_undef ? OBJ_nid2ln(nid) : dotted;
}

std::optional<AlgorithmId> ParseAlgorithm(const der::Tlv& tlv, std::string* error) {
  der::Reader r(tlv.content);
  auto oid = r.Expect(der::kOid, "AlgorithmIdentifier algorithm", error);
  if (!oid) return std::nullopt;
  const OidNames* names = NamesOf(oid->whole);
  if (names == nullptr) {
    *error = "AlgorithmIdentifier: malformed OID";
    return std::nullopt;
  }
  AlgorithmId alg;
  alg.oid = names->text;
  if (!r.empty()) {
    auto params = r.Next(error);
    if (!params) return std::nullopt;
    alg.parameters = params->whole;
  }
  if (!r.empty()) {
    *error = "AlgorithmIdentifier: unexpected data after parameters";
    return std::nullopt;
  }
  return alg;
}

std::optional<UnixTime> ParseTime(const der::Tlv& tlv, std::string* error) {
  if ((!tlv.Is(der::kUtcTime) && !tlv.Is(der::kGeneralizedTime)) || tlv.constructed) {
    *error = "expected UTCTime or GeneralizedTime";
    return std::nullopt;
  }
  // OpenSSL validates and converts the string in place; an ASN1_TIME on the
  // stack spares an allocation per CRL entry.
  ASN1_TIME t{};
  t.type = tlv.Is(der::kUtcTime) ? V_ASN1_UTCTIME : V_ASN1_GENERALIZEDTIME;
  t.length = static_cast<int>(tlv.content.size());
  t.data = const_cast<unsigned char*>(tlv.content.data());
  std::tm tm{};
  if (ASN1_TIME_to_tm(&t, &tm) != 1) {
    *error = "malformed time";
    return std::nullopt;
  }
  return FromUtc(tm);
}

std::optional<EncodedTime> ParseEncodedTime(const der::Tlv& tlv, std::string* error) {
  auto t = ParseTime(tlv, error);
  if (!t) return std::nullopt;
  return EncodedTime{*t, tlv.Is(der::kUtcTime)};
}

int YearOf(UnixTime t) {
  auto seconds = static_cast<time_t>(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return tm.tm_year + 1900;
}

std::string ParametersText(ByteView parameters) {
  if (parameters.empty()) return "absent";
  if (parameters.size() == 2 && parameters[0] == der::kNull && parameters[1] == 0) return "NULL";
  if (parameters[0] == der::kOid) {
    std::string oid = OidText(parameters);
    if (!oid.empty()) return oid;
  }
  return "other";
}

namespace {

// id-ecPublicKey's parameters: a namedCurve OID (RFC 5480); other forms
// (implicitCurve, specifiedCurve) leave the curve empty.
void DescribeCurve(ByteView parameters, PublicKeyInfo* info) {
  if (parameters.empty() || parameters[0] != der::kOid) return;
  std::string dotted = OidText(parameters);
  if (dotted.empty()) return;
  int nid = OBJ_txt2nid(dotted.c_str());
  const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
  info->ec_curve = nist != nullptr ? nist : nid != NID_undef ? OBJ_nid2sn(nid) : dotted;
  ossl::Ptr<EC_GROUP, EC_GROUP_free> group(nid != NID_undef ? EC_GROUP_new_by_curve_name(nid)
                                                            : nullptr);
  if (group) info->ec_bits = EC_GROUP_get_degree(group.get());
  ERR_clear_error();
}

std::string DigestName(const std::string& dotted) {
  int nid = OBJ_txt2nid(dotted.c_str());
  return nid != NID_undef ? OBJ_nid2sn(nid) : dotted;
}

// AlgorithmIdentifier { OID, params } inside an EXPLICIT [n] of the PSS
// parameters: its OID and parameters.
std::optional<AlgorithmId> ExplicitAlgorithm(const der::Tlv& tagged) {
  std::string error;
  der::Reader r(tagged.content);
  auto seq = r.Expect(der::kSequence, "AlgorithmIdentifier", &error);
  if (!seq || !r.empty()) return std::nullopt;
  return ParseAlgorithm(*seq, &error);
}

std::optional<int64_t> ExplicitSmallInteger(const der::Tlv& tagged) {
  std::string error;
  der::Reader r(tagged.content);
  auto n = r.Expect(der::kInteger, "INTEGER", &error);
  if (!n || !r.empty() || n->content.empty() || n->content.size() > 4 || (n->content[0] & 0x80)) {
    return std::nullopt;
  }
  int64_t v = 0;
  for (uint8_t b : n->content) v = v << 8 | b;
  return v;
}

}  // namespace

std::optional<SignatureScheme> DescribeSignature(const AlgorithmId& algorithm) {
  SignatureScheme scheme;
  if (algorithm.oid != "1.2.840.113549.1.1.10") {
    int md = NID_undef, pkey = NID_undef;
    int nid = OBJ_txt2nid(algorithm.oid.c_str());
    if (nid != NID_undef && OBJ_find_sigid_algs(nid, &md, &pkey) && md != NID_undef) {
      scheme.hash = OBJ_nid2sn(md);
    }
    return scheme;
  }
  // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] DEFAULT sha1,
  //   maskGenAlgorithm [1] DEFAULT mgf1SHA1, saltLength [2] DEFAULT 20,
  //   trailerField [3] DEFAULT 1 }
  scheme.pss = true;
  scheme.hash = "SHA1";
  scheme.mgf_hash = "SHA1";
  scheme.salt_length = 20;
  scheme.trailer_field = 1;
  if (algorithm.parameters.empty()) return std::nullopt;  // RFC 4055: the parameters are present
  std::string error;
  der::Reader top(algorithm.parameters);
  auto params = top.Expect(der::kSequence, "RSASSA-PSS-params", &error);
  if (!params || !top.empty()) return std::nullopt;
  der::Reader r(params->content);
  if (auto hash = r.NextIfContext(0)) {
    auto alg = ExplicitAlgorithm(*hash);
    if (!alg) return std::nullopt;
    scheme.hash = DigestName(alg->oid);
  }
  if (auto mgf = r.NextIfContext(1)) {
    auto alg = ExplicitAlgorithm(*mgf);
    if (!alg) return std::nullopt;
    if (alg->oid != "1.2.840.113549.1.1.8" || alg->parameters.empty()) {
      scheme.mgf_hash = alg->oid;  // not MGF1 (RFC 4055 defines no other): named by its OID
      return scheme;
    }
    der::Reader mr(alg->parameters);
    auto inner = mr.Expect(der::kSequence, "MGF1 hash", &error);
    if (!inner || !mr.empty()) return std::nullopt;
    auto mgf_hash = ParseAlgorithm(*inner, &error);
    if (!mgf_hash) return std::nullopt;
    scheme.mgf_hash = DigestName(mgf_hash->oid);
  }
  if (auto salt = r.NextIfContext(2)) {
    auto v = ExplicitSmallInteger(*salt);
    if (!v) return std::nullopt;
    scheme.salt_length = *v;
  }
  if (auto trailer = r.NextIfContext(3)) {
    auto v = ExplicitSmallInteger(*trailer);
    if (!v) return std::nullopt;
    scheme.trailer_field = *v;
  }
  if (!r.empty()) return std::nullopt;
  return scheme;
}

std::optional<PublicKeyInfo> ParsePublicKeyInfo(const der::Tlv& tlv, std::string* error) {
  der::Reader r(tlv.content);
  auto alg_tlv = r.Expect(der::kSequence, "subjectPublicKeyInfo algorithm", error);
  if (!alg_tlv) return std::nullopt;
  auto alg = ParseAlgorithm(*alg_tlv, error);
  if (!alg) return std::nullopt;
  auto key_tlv = r.Expect(der::kBitString, "subjectPublicKey", error);
  if (!key_tlv) return std::nullopt;
  auto key = der::BitStringBytes(*key_tlv);
  if (!key || !r.empty()) {
    *error = "subjectPublicKeyInfo: malformed";
    return std::nullopt;
  }
  PublicKeyInfo info;
  info.der = tlv.whole;
  info.algorithm = std::move(*alg);
  info.key = *key;
  info.key_sha1 = Sha1(*key);
  if (info.algorithm.oid == "1.2.840.10045.2.1") DescribeCurve(info.algorithm.parameters, &info);
  if (info.algorithm.oid == "1.2.840.113549.1.1.1") {
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    der::Reader kr(*key);
    auto seq = kr.NextIf(der::kSequence);
    if (seq) {
      der::Reader mr(seq->content);
      auto modulus = mr.NextIf(der::kInteger);
      if (modulus && !modulus->content.empty()) {
        ByteView m = modulus->content;
        while (!m.empty() && m[0] == 0) m = m.subspan(1);
        if (!m.empty()) {
          int top_bits = 0;
          for (uint8_t b = m[0]; b != 0; b >>= 1) ++top_bits;
          info.rsa_modulus_bits = static_cast<int>((m.size() - 1) * 8) + top_bits;
        }
      }
    }
  }
  return info;
}

// The one-octet-a-character types and UTF8String hold ASCII as it is, so
// ASCII, by far the most common value, is copied without OpenSSL.
bool StringToUtf8(int tag, ByteView content, std::string* out) {
  using namespace der;
  bool one_octet = tag == kUtf8String || tag == kNumericString || tag == kPrintableString ||
                   tag == kTeletexString || tag == kIa5String;
  if (one_octet &&
      std::all_of(content.begin(), content.end(), [](uint8_t b) { return b < 0x80; })) {
    out->assign(reinterpret_cast<const char*>(content.data()), content.size());
    return true;
  }
  ASN1_STRING text{};
  text.type = tag;
  text.length = static_cast<int>(content.size());
  text.data = const_cast<unsigned char*>(content.data());
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, &text);
  if (len < 0) return false;
  out->assign(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
  OPENSSL_free(utf8);
  return true;
}

}  // namespace cpaudit
