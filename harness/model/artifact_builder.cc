#include "harness/model/artifact_builder.h"

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/conf.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdio>

namespace cpaudit::build {
namespace fs = std::filesystem;

namespace {

template <typename T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};
using X509Ptr = std::unique_ptr<X509, Free<X509, X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Free<X509_CRL, X509_CRL_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Free<X509_REQ, X509_REQ_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Free<X509_NAME, X509_NAME_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Free<X509_EXTENSION, X509_EXTENSION_free>>;
using ConfPtr = std::unique_ptr<CONF, Free<CONF, NCONF_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Free<BIGNUM, BN_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, Free<ASN1_INTEGER, ASN1_INTEGER_free>>;
using TimePtr = std::unique_ptr<ASN1_TIME, Free<ASN1_TIME, ASN1_TIME_free>>;
using OctetsPtr =
    std::unique_ptr<ASN1_OCTET_STRING, Free<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>>;
using ObjectPtr = std::unique_ptr<ASN1_OBJECT, Free<ASN1_OBJECT, ASN1_OBJECT_free>>;
using BioPtr = std::unique_ptr<BIO, Free<BIO, BIO_free_all>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Free<EVP_MD_CTX, EVP_MD_CTX_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, Free<X509_ALGOR, X509_ALGOR_free>>;

// OpenSSL's first queued error, for a BuildError's message.
std::string OpenSslReason() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return std::string(": ") + buf;
}

[[noreturn]] void Fail(const std::string& what) { throw BuildError(what + OpenSslReason()); }

template <typename T, typename Encoder>
Bytes Encode(T* object, Encoder encode) {
  unsigned char* der = nullptr;
  int len = encode(object, &der);
  if (len <= 0) Fail("cannot encode");
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

const EVP_MD* Digest(const std::string& name) {
  const EVP_MD* md = EVP_get_digestbyname(name.c_str());
  if (md == nullptr) throw BuildError("unknown hash \"" + name + "\"");
  return md;
}

int StringTypeOf(const std::string& name) {
  static const std::map<std::string, int> kTypes = {
      {"utf8", V_ASN1_UTF8STRING},      {"printable", V_ASN1_PRINTABLESTRING},
      {"ia5", V_ASN1_IA5STRING},        {"teletex", V_ASN1_T61STRING},
      {"bmp", V_ASN1_BMPSTRING},        {"universal", V_ASN1_UNIVERSALSTRING},
      {"visible", V_ASN1_VISIBLESTRING}};
  auto it = kTypes.find(name);
  if (it == kTypes.end())
    throw BuildError("unknown string type \"" + name +
                     "\" (utf8, printable, ia5, teletex, bmp, universal, visible)");
  return it->second;
}

NamePtr MakeName(const Dn& dn) {
  NamePtr name(X509_NAME_new());
  for (const DnAttribute& a : dn) {
    ObjectPtr type(OBJ_txt2obj(a.type.c_str(), 0));
    if (!type) throw BuildError("unknown name attribute \"" + a.type + "\"");
    const auto* value = reinterpret_cast<const unsigned char*>(a.value.data());
    int len = static_cast<int>(a.value.size());
    bool ok = false;
    if (a.string_type.empty()) {
      ok = X509_NAME_add_entry_by_OBJ(name.get(), type.get(), MBSTRING_UTF8, value, len, -1, 0);
    } else {
      // A type other than an MBSTRING_* one sets the bytes as given, whatever
      // the type allows (a fixture may break PrintableString on purpose); BMP
      // and Universal strings are converted from UTF-8 first.
      int string_type = StringTypeOf(a.string_type);
      ASN1_STRING* wide = nullptr;
      if (string_type == V_ASN1_BMPSTRING || string_type == V_ASN1_UNIVERSALSTRING) {
        unsigned long mask =
            string_type == V_ASN1_BMPSTRING ? B_ASN1_BMPSTRING : B_ASN1_UNIVERSALSTRING;
        if (ASN1_mbstring_copy(&wide, value, len, MBSTRING_UTF8, mask) < 0)
          Fail("name attribute " + a.type + ": cannot convert \"" + a.value + "\"");
        value = wide->data;
        len = wide->length;
      }
      ok = X509_NAME_add_entry_by_OBJ(name.get(), type.get(), string_type, value, len, -1, 0);
      ASN1_STRING_free(wide);
    }
    if (!ok) Fail("name attribute " + a.type + "=" + a.value);
  }
  return name;
}

ASN1_INTEGER* SetSerial(const std::string& hex, ASN1_INTEGER* out) {
  BIGNUM* raw = nullptr;
  int parsed = hex.empty() ? 0 : BN_hex2bn(&raw, hex.c_str());
  BnPtr bn(raw);  // owned before any throw: a partial parse allocates too
  if (parsed != static_cast<int>(hex.size())) throw BuildError("serial \"" + hex + "\" is not hex");
  if (BN_to_ASN1_INTEGER(bn.get(), out) == nullptr) Fail("serial " + hex);
  return out;
}

ConfPtr LoadConfig(const std::string& text) {
  if (text.empty()) return nullptr;
  ConfPtr conf(NCONF_new(nullptr));
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  long line = 0;
  if (NCONF_load_bio(conf.get(), bio.get(), &line) <= 0)
    Fail("openssl_config line " + std::to_string(line));
  return conf;
}

// crlNumber and deltaCRLIndicator have no configuration syntax in OpenSSL:
// their value is a decimal integer here, "critical," allowed before it.
bool IsCrlInteger(int nid) { return nid == NID_crl_number || nid == NID_delta_crl; }

ExtPtr MakeExtension(const ExtensionSpec& e, CONF* conf, X509V3_CTX* ctx) {
  if (e.der) {
    ObjectPtr oid(OBJ_txt2obj(e.name.c_str(), 0));
    if (!oid) throw BuildError("unknown extension \"" + e.name + "\"");
    OctetsPtr value(ASN1_OCTET_STRING_new());
    ASN1_OCTET_STRING_set(value.get(), e.der->data(), static_cast<int>(e.der->size()));
    X509_EXTENSION* ext =
        X509_EXTENSION_create_by_OBJ(nullptr, oid.get(), e.critical ? 1 : 0, value.get());
    if (ext == nullptr) Fail("extension " + e.name);
    return ExtPtr(ext);
  }
  int nid = OBJ_txt2nid(e.name.c_str());
  if (IsCrlInteger(nid)) {
    std::string value = e.value;
    bool critical = value.rfind("critical,", 0) == 0;
    if (critical) value.erase(0, 9);
    BIGNUM* raw = nullptr;
    int parsed = value.empty() ? 0 : BN_dec2bn(&raw, value.c_str());
    BnPtr bn(raw);
    if (parsed != static_cast<int>(value.size()))
      throw BuildError("extension " + e.name + ": \"" + e.value + "\" is not an integer");
    IntegerPtr number(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    return ExtPtr(X509V3_EXT_i2d(nid, critical ? 1 : 0, number.get()));
  }
  X509_EXTENSION* ext = X509V3_EXT_nconf(conf, ctx, e.name.c_str(), e.value.c_str());
  if (ext == nullptr) Fail("extension " + e.name + " \"" + e.value + "\"");
  return ExtPtr(ext);
}

std::optional<X509Ptr> ParseCertificate(const std::optional<Bytes>& der) {
  if (!der) return std::nullopt;
  const unsigned char* p = der->data();
  X509* x = d2i_X509(nullptr, &p, static_cast<long>(der->size()));
  if (x == nullptr) Fail("issuer certificate");
  return X509Ptr(x);
}

Bytes SignatureAlgorithmDer(const EVP_MD* md, EVP_PKEY* key) {
  int key_type = EVP_PKEY_get_base_id(key);
  int sig_nid = NID_undef;
  if (OBJ_find_sigid_by_algs(&sig_nid, EVP_MD_get_type(md), key_type) != 1)
    Fail(std::string("no signature algorithm for ") + EVP_MD_get0_name(md));
  AlgorPtr alg(X509_ALGOR_new());
  // RSA PKCS #1 v1.5 carries NULL parameters (RFC 4055); ECDSA and EdDSA none.
  X509_ALGOR_set0(alg.get(), OBJ_nid2obj(sig_nid),
                  key_type == EVP_PKEY_RSA ? V_ASN1_NULL : V_ASN1_UNDEF, nullptr);
  return Encode(alg.get(), i2d_X509_ALGOR);
}

Bytes Sign(const Bytes& tbs, EVP_PKEY* key, const EVP_MD* md) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, tbs.data(), tbs.size()) != 1)
    Fail("sign");
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, tbs.data(), tbs.size()) != 1) Fail("sign");
  sig.resize(len);
  return sig;
}

// SEQUENCE { tbs, algorithm, BIT STRING signature }: a signed structure with
// the outer algorithm chosen independently of the one inside `tbs`.
Bytes Assemble(const Bytes& tbs, EVP_PKEY* key, const EVP_MD* md) {
  Bytes bits = {0};
  Bytes sig = Sign(tbs, key, md);
  bits.insert(bits.end(), sig.begin(), sig.end());
  Bytes content = tbs;
  Bytes alg = SignatureAlgorithmDer(md, key);
  content.insert(content.end(), alg.begin(), alg.end());
  Bytes bit_string = Tlv(0x03, bits);
  content.insert(content.end(), bit_string.begin(), bit_string.end());
  return Tlv(0x30, content);
}

// The signed DER of an object OpenSSL has signed: as OpenSSL wrote it, or
// re-assembled when the tbs is patched or the outer algorithm differs.
template <typename T, typename Encoder, typename TbsEncoder>
Bytes Finish(T* object, const SignatureSpec& s, EVP_PKEY* key, Encoder encode,
             TbsEncoder encode_tbs) {
  Bytes out;
  if (s.outer_hash.empty() && s.patch_tbs.empty()) {
    out = Encode(object, encode);
  } else {
    Bytes tbs = Encode(object, encode_tbs);
    for (const BytePatch& p : s.patch_tbs) p(tbs);
    out = Assemble(tbs, key, Digest(s.outer_hash.empty() ? s.hash : s.outer_hash));
  }
  for (const BytePatch& p : s.patch_der) p(out);
  if (s.corrupt) out.back() ^= 0x01;
  return out;
}

// A signing context for `s`: PKCS #1 v1.5, or RSASSA-PSS with an empty salt.
MdCtxPtr SigningContext(const SignatureSpec& s, EVP_PKEY* key) {
  if (s.pss_mgf_hash && (!s.outer_hash.empty() || !s.patch_tbs.empty()))
    throw BuildError("an RSASSA-PSS signature cannot have outer_hash or patch_tbs");
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  if (EVP_DigestSignInit(ctx.get(), &pkey_ctx, Digest(s.hash), nullptr, key) != 1)
    Fail("signing with " + s.hash);
  if (s.pss_mgf_hash) {
    const EVP_MD* mgf = Digest(s.pss_mgf_hash->empty() ? s.hash : *s.pss_mgf_hash);
    if (EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pkey_ctx, 0) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pkey_ctx, mgf) != 1)
      Fail("RSASSA-PSS needs an RSA key");
  }
  return ctx;
}

void SetTime(ASN1_TIME* field, std::time_t t) {
  if (ASN1_TIME_set(field, t) == nullptr) Fail("time " + std::to_string(t));
}

}  // namespace

struct KeyStore::Loaded {
  std::unique_ptr<EVP_PKEY, Free<EVP_PKEY, EVP_PKEY_free>> key;
};

KeyStore::KeyStore(fs::path dir) : dir_(std::move(dir)) {}
KeyStore::~KeyStore() = default;

const KeyStore::Loaded& KeyStore::Get(const std::string& name) const {
  auto it = keys_.find(name);
  if (it != keys_.end()) return *it->second;
  if (name.empty() || name.find('/') != std::string::npos || name.find("..") != std::string::npos)
    throw BuildError("key name \"" + name + "\" is not a file name in " + dir_.string());
  fs::path path = dir_ / (name + ".pem");
  FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) throw BuildError("key \"" + name + "\": cannot open " + path.string());
  EVP_PKEY* key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (key == nullptr) Fail("key \"" + name + "\": " + path.string() + " is not a private key");
  auto loaded = std::make_unique<Loaded>();
  loaded->key.reset(key);
  return *keys_.emplace(name, std::move(loaded)).first->second;
}

Bytes KeyStore::SubjectPublicKey(const std::string& name) const {
  X509_PUBKEY* pub = nullptr;
  if (X509_PUBKEY_set(&pub, Get(name).key.get()) != 1) Fail("key " + name);
  const unsigned char* data = nullptr;
  int len = 0;
  X509_PUBKEY_get0_param(nullptr, &data, &len, nullptr, pub);
  Bytes bits(data, data + len);
  X509_PUBKEY_free(pub);
  return bits;
}

Bytes KeyStore::KeyId(const std::string& name) const {
  Bytes bits = SubjectPublicKey(name);
  Bytes id(SHA_DIGEST_LENGTH);
  SHA1(bits.data(), bits.size(), id.data());
  return id;
}

namespace {

// Adds the extensions (`add` is X509_add_ext or X509_CRL_add_ext), their
// values read with `ctx` and the configuration sections `openssl_config`.
template <typename T, typename Add>
void AddExtensions(T* object, Add add, X509V3_CTX* ctx,
                   const std::vector<ExtensionSpec>& extensions,
                   const std::string& openssl_config) {
  ConfPtr conf = LoadConfig(openssl_config);
  X509V3_set_nconf(ctx, conf.get());
  for (const ExtensionSpec& e : extensions) {
    ExtPtr ext = MakeExtension(e, conf.get(), ctx);
    add(object, ext.get(), -1);
  }
}

// Signs with `sign` (X509_sign_ctx, X509_CRL_sign_ctx) and returns the DER.
template <typename T, typename SignFn, typename Encoder, typename TbsEncoder>
Bytes Sign(T* object, SignFn sign, const SignatureSpec& s, const KeyStore& keys, Encoder encode,
           TbsEncoder encode_tbs) {
  EVP_PKEY* signer = keys.Get(s.signer).key.get();
  if (sign(object, SigningContext(s, signer).get()) <= 0) Fail("signing with " + s.signer);
  return Finish(object, s, signer, encode, encode_tbs);
}

}  // namespace

Dn ParseDn(std::string_view text) {
  Dn dn;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(", ", pos);
    std::string_view part = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 2;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0)
      throw BuildError("name part \"" + std::string(part) + "\" is not TYPE=value");
    dn.push_back({std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)), ""});
  }
  return dn;
}

void ReplaceBytes(Bytes& der, const Bytes& from, const Bytes& to) {
  auto at = std::search(der.begin(), der.end(), from.begin(), from.end());
  if (from.empty() || at == der.end()) throw BuildError("patch: bytes " + Hex(from) + " not found");
  at = der.erase(at, at + static_cast<long>(from.size()));
  der.insert(at, to.begin(), to.end());
}

void InsertInSequence(Bytes& seq, uint8_t before, const Bytes& tlv) {
  auto read_length = [&](size_t* at) -> size_t {
    if (*at >= seq.size()) throw BuildError("insert: truncated DER");
    size_t n = seq[(*at)++];
    if (n < 0x80) return n;
    size_t octets = n & 0x7f;
    if (octets > sizeof(size_t) || *at + octets > seq.size())
      throw BuildError("insert: bad DER length");
    n = 0;
    while (octets-- > 0) n = n << 8 | seq[(*at)++];
    return n;
  };
  size_t at = 1;
  size_t length = read_length(&at);
  size_t content = at;
  if (content + length > seq.size()) throw BuildError("insert: bad DER length");
  size_t insert_at = content + length;
  for (size_t i = content; i < content + length;) {
    if (seq[i] == before) {
      insert_at = i;
      break;
    }
    size_t j = i + 1;
    size_t n = read_length(&j);
    i = j + n;
  }
  Bytes body(seq.begin() + static_cast<long>(content),
             seq.begin() + static_cast<long>(content + length));
  body.insert(body.begin() + static_cast<long>(insert_at - content), tlv.begin(), tlv.end());
  seq = Tlv(seq[0], body);
}

Bytes Tlv(uint8_t tag, const Bytes& content) {
  Bytes out = {tag};
  size_t n = content.size();
  if (n < 0x80) {
    out.push_back(static_cast<uint8_t>(n));
  } else {
    Bytes len;
    for (size_t v = n; v > 0; v >>= 8) len.insert(len.begin(), static_cast<uint8_t>(v));
    out.push_back(static_cast<uint8_t>(0x80 | len.size()));
    out.insert(out.end(), len.begin(), len.end());
  }
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

std::string Hex(const Bytes& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  for (uint8_t c : bytes) {
    s.push_back(kDigits[c >> 4]);
    s.push_back(kDigits[c & 15]);
  }
  return s;
}

Bytes FromHex(std::string_view hex) {
  Bytes out;
  int high = -1;
  for (char c : hex) {
    if (c == ':' || c == ' ') continue;
    int v = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (v < 0) throw BuildError("\"" + std::string(hex) + "\" is not hex");
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<uint8_t>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0) throw BuildError("\"" + std::string(hex) + "\" has an odd number of hex digits");
  return out;
}

std::string Pem(std::string_view label, const Bytes& der) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  std::string name(label);
  PEM_write_bio(bio.get(), name.c_str(), "", der.data(), static_cast<long>(der.size()));
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

Bytes BuildCertificate(const CertificateSpec& s, const KeyStore& keys) {
  X509Ptr x(X509_new());
  if (s.version < 1 || s.version > 3) throw BuildError("version must be 1, 2 or 3");
  X509_set_version(x.get(), s.version - 1);
  SetSerial(s.serial, X509_get_serialNumber(x.get()));
  X509_set_issuer_name(x.get(), MakeName(s.issuer).get());
  X509_set_subject_name(x.get(), MakeName(s.subject).get());
  SetTime(X509_getm_notBefore(x.get()), s.not_before);
  SetTime(X509_getm_notAfter(x.get()), s.not_after);
  X509_set_pubkey(x.get(), keys.Get(s.key).key.get());
  std::optional<X509Ptr> issuer = ParseCertificate(s.issuer_certificate);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer ? issuer->get() : x.get(), x.get(), nullptr, nullptr, 0);
  AddExtensions(x.get(), X509_add_ext, &ctx, s.extensions, s.openssl_config);
  return Sign(x.get(), X509_sign_ctx, s.signature, keys, i2d_X509, i2d_re_X509_tbs);
}

Bytes BuildCrl(const CrlSpec& s, const KeyStore& keys) {
  CrlPtr crl(X509_CRL_new());
  if (s.version < 1 || s.version > 2) throw BuildError("CRL version must be 1 or 2");
  X509_CRL_set_version(crl.get(), s.version - 1);
  X509_CRL_set_issuer_name(crl.get(), MakeName(s.issuer).get());
  TimePtr t(ASN1_TIME_new());
  SetTime(t.get(), s.this_update);
  X509_CRL_set1_lastUpdate(crl.get(), t.get());
  if (s.next_update) {
    SetTime(t.get(), *s.next_update);
    X509_CRL_set1_nextUpdate(crl.get(), t.get());
  }
  for (const RevokedSpec& r : s.revoked) {
    X509_REVOKED* rev = X509_REVOKED_new();
    X509_CRL_add0_revoked(crl.get(), rev);
    IntegerPtr serial(SetSerial(r.serial, ASN1_INTEGER_new()));
    X509_REVOKED_set_serialNumber(rev, serial.get());
    SetTime(t.get(), r.date);
    X509_REVOKED_set_revocationDate(rev, t.get());
    if (r.reason >= 0) {
      ASN1_ENUMERATED* e = ASN1_ENUMERATED_new();
      ASN1_ENUMERATED_set(e, r.reason);
      X509_REVOKED_add1_ext_i2d(rev, NID_crl_reason, e, 0, 0);
      if (r.reason_twice) X509_REVOKED_add1_ext_i2d(rev, NID_crl_reason, e, 0, X509V3_ADD_APPEND);
      ASN1_ENUMERATED_free(e);
    }
    if (r.hold_instruction) {
      X509_REVOKED_add1_ext_i2d(rev, NID_hold_instruction_code,
                                OBJ_nid2obj(NID_hold_instruction_reject), 0, 0);
    }
  }
  std::optional<X509Ptr> issuer = ParseCertificate(s.issuer_certificate);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer ? issuer->get() : nullptr, nullptr, nullptr, crl.get(), 0);
  AddExtensions(crl.get(), X509_CRL_add_ext, &ctx, s.extensions, s.openssl_config);
  return Sign(crl.get(), X509_CRL_sign_ctx, s.signature, keys, i2d_X509_CRL, i2d_re_X509_CRL_tbs);
}

Bytes BuildCsr(const CsrSpec& s, const KeyStore& keys) {
  ReqPtr req(X509_REQ_new());
  X509_REQ_set_version(req.get(), 0);
  X509_REQ_set_subject_name(req.get(), MakeName(s.subject).get());
  X509_REQ_set_pubkey(req.get(), keys.Get(s.key).key.get());
  SignatureSpec signature;  // with its own key: the proof of possession
  signature.signer = s.key;
  signature.hash = s.hash;
  if (s.patch_info) signature.patch_tbs.push_back(s.patch_info);
  signature.corrupt = s.corrupt;
  return Sign(req.get(), X509_REQ_sign_ctx, signature, keys, i2d_X509_REQ, i2d_re_X509_REQ_tbs);
}

}  // namespace cpaudit::build
