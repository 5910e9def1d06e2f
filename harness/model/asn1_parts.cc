#include "harness/model/asn1_parts.h"

#include <openssl/objects.h>
#include <openssl/sha.h>

#include <ctime>
#include <string_view>
#include <unordered_map>

#include "harness/model/openssl_ptr.h"

namespace cpaudit {

Sha1Digest Sha1(ByteView data) {
  Sha1Digest out;
  SHA1(data.data(), data.size(), out.data());
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

// The same few OIDs recur in every certificate and CRL entry, and OBJ_obj2txt
// costs far more than a lookup. Bounded, so hostile input cannot grow it.
class OidTextCache {
 public:
  const std::string* Find(ByteView content) const {
    auto it = texts_.find(
        std::string_view(reinterpret_cast<const char*>(content.data()), content.size()));
    return it == texts_.end() ? nullptr : &it->second;
  }
  void Add(ByteView content, const std::string& text) {
    if (texts_.size() < 512) {
      texts_.emplace(std::string(reinterpret_cast<const char*>(content.data()), content.size()),
                     text);
    }
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> texts_;
};

OidTextCache& Cache() {
  thread_local OidTextCache cache;
  return cache;
}

ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free> DecodeOid(ByteView oid_tlv) {
  const unsigned char* p = oid_tlv.data();
  return ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free>(
      d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(oid_tlv.size())));
}

}  // namespace

std::string ObjectText(const ASN1_OBJECT* obj) {
  ByteView content(OBJ_get0_data(obj), OBJ_length(obj));
  if (const std::string* text = Cache().Find(content)) return *text;
  char buf[128];
  int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
  std::string text = n > 0 && n < static_cast<int>(sizeof buf) ? std::string(buf, n) : "";
  if (!content.empty()) Cache().Add(content, text);
  return text;
}

std::string OidShortName(ByteView oid_tlv) {
  thread_local OidTextCache short_names;
  std::string error;
  auto tlv = der::Reader(oid_tlv).Next(&error);
  if (!tlv || !tlv->Is(der::kOid)) return {};
  if (const std::string* name = short_names.Find(tlv->content)) return *name;
  auto obj = DecodeOid(oid_tlv);
  if (!obj) return {};
  int nid = OBJ_obj2nid(obj.get());
  std::string name = nid != NID_undef ? OBJ_nid2sn(nid) : ObjectText(obj.get());
  short_names.Add(tlv->content, name);
  return name;
}

std::string OidText(ByteView oid_tlv) {
  std::string error;
  auto tlv = der::Reader(oid_tlv).Next(&error);
  if (tlv && tlv->Is(der::kOid)) {
    if (const std::string* text = Cache().Find(tlv->content)) return *text;
  }
  auto obj = DecodeOid(oid_tlv);
  return obj ? ObjectText(obj.get()) : std::string();
}

std::optional<AlgorithmId> ParseAlgorithm(const der::Tlv& tlv, std::string* error) {
  der::Reader r(tlv.content);
  auto oid = r.Expect(der::kOid, "AlgorithmIdentifier algorithm", error);
  if (!oid) return std::nullopt;
  auto obj = DecodeOid(oid->whole);
  AlgorithmId alg;
  alg.oid = obj ? ObjectText(obj.get()) : std::string();
  if (alg.oid.empty()) {
    *error = "AlgorithmIdentifier: malformed OID";
    return std::nullopt;
  }
  int nid = OBJ_obj2nid(obj.get());
  alg.name = nid != NID_undef ? OBJ_nid2ln(nid) : alg.oid;
  if (!r.empty()) {
    auto params = r.Next(error);
    if (!params) return std::nullopt;
    alg.parameters = ToBytes(params->whole);
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
  if (info.algorithm.oid == "1.2.840.113549.1.1.1") {
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    std::string ignored;
    der::Reader kr(*key);
    auto seq = kr.NextIf(der::kSequence, &ignored);
    if (seq) {
      der::Reader mr(seq->content);
      auto modulus = mr.NextIf(der::kInteger, &ignored);
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

}  // namespace cpaudit
