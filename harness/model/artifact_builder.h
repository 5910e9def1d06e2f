#pragma once
// Makes certificates, CRLs and CSRs from plain specifications: how fixtures
// are made, by the SECOM generator (corpus/generator) and by `cpaudit fixtures
// build` from a pack's YAML recipes. RSA PKCS #1 v1.5 signatures are
// deterministic, so the same keys and specifications give the same bytes.
// OpenSSL stays inside this unit: callers see bytes and strings.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cpaudit::build {

using Bytes = std::vector<uint8_t>;

// A specification that cannot be built; the message says which part and why.
class BuildError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Private keys by name: NAME.pem in one folder, read once.
class KeyStore {
 public:
  explicit KeyStore(std::filesystem::path dir);
  ~KeyStore();
  KeyStore(const KeyStore&) = delete;
  KeyStore& operator=(const KeyStore&) = delete;

  // The key's subjectPublicKey bits, and their SHA-1 (RFC 5280 4.2.1.2 method 1).
  Bytes SubjectPublicKey(const std::string& name) const;
  Bytes KeyId(const std::string& name) const;
  const std::filesystem::path& dir() const { return dir_; }

  struct Loaded;  // the OpenSSL key; defined in artifact_builder.cc
  const Loaded& Get(const std::string& name) const;

 private:
  std::filesystem::path dir_;
  mutable std::map<std::string, std::unique_ptr<Loaded>> keys_;
};

// One attribute of a distinguished name, in order (one attribute per RDN).
struct DnAttribute {
  std::string type;         // a short name (CN, O, ...) or a dotted OID
  std::string value;        // UTF-8
  std::string string_type;  // "" (OpenSSL's choice), utf8, printable, ia5, bmp, teletex, universal
};
using Dn = std::vector<DnAttribute>;
// "C=JP, O=Example, CN=TSA 1" (", " separates attributes; values hold no ", ").
Dn ParseDn(std::string_view text);

// An extension: `value` in OpenSSL's configuration syntax (as in an
// `openssl x509 -extfile`, e.g. "critical,digitalSignature"), or `der`, the
// extnValue's content, written as is with `critical`.
struct ExtensionSpec {
  std::string name;  // OpenSSL's long or short name or a dotted OID
  std::string value;
  std::optional<Bytes> der;
  bool critical = false;
};

// Changes bytes of a structure (a tbsCertificate before it is signed, or the
// whole signed DER): how fixtures get encodings OpenSSL would not write.
using BytePatch = std::function<void(Bytes&)>;
// Replaces the first `from` in `der` with `to`; BuildError when absent.
void ReplaceBytes(Bytes& der, const Bytes& from, const Bytes& to);
// Inserts `tlv` into the SEQUENCE `seq` (a whole TLV) before its first element
// tagged `before`, or at its end, and re-encodes the SEQUENCE's length.
void InsertInSequence(Bytes& seq, uint8_t before, const Bytes& tlv);

struct SignatureSpec {
  std::string signer;  // key name
  std::string hash = "sha1";
  // RSASSA-PSS instead of PKCS #1 v1.5, with this MGF1 hash ("" = hash) and an
  // empty salt (saltLength 0), so that the bytes stay reproducible.
  std::optional<std::string> pss_mgf_hash;
  std::string outer_hash;            // the outer signatureAlgorithm's, when it differs ("" = hash)
  std::vector<BytePatch> patch_tbs;  // before signing (the signature stays valid)
  std::vector<BytePatch> patch_der;  // after signing, e.g. the outer algorithm
  bool corrupt = false;              // flips the last bit of the signature
};

struct CertificateSpec {
  int version = 3;
  std::string serial = "01";  // hex; a leading '-' makes it negative
  Dn issuer;
  Dn subject;
  std::time_t not_before = 0;
  std::time_t not_after = 0;
  std::string key;  // the subject's key
  // The certificate OpenSSL's "keyid" and "hash" values refer to as issuer
  // (DER); none: the certificate is its own issuer.
  std::optional<Bytes> issuer_certificate;
  std::vector<ExtensionSpec> extensions;
  std::string openssl_config;  // sections that extension values name with @section
  SignatureSpec signature;
};

struct RevokedSpec {
  std::string serial;  // hex
  std::time_t date = 0;
  int reason = -1;  // CRLReason; -1: no reasonCode
  bool reason_twice = false;
  bool hold_instruction = false;  // holdInstructionCode reject
};

struct CrlSpec {
  int version = 2;
  Dn issuer;
  std::time_t this_update = 0;
  std::optional<std::time_t> next_update;
  std::vector<RevokedSpec> revoked;
  std::optional<Bytes> issuer_certificate;  // for the "keyid" value
  std::vector<ExtensionSpec> extensions;    // crlNumber's value: a decimal integer
  std::string openssl_config;
  SignatureSpec signature;
};

struct CsrSpec {
  Dn subject;
  std::string key;  // the CSR is signed with its own key
  std::string hash = "sha256";
  BytePatch patch_info;  // changes the certificationRequestInfo before signing
  bool corrupt = false;
};

Bytes BuildCertificate(const CertificateSpec& spec, const KeyStore& keys);
Bytes BuildCrl(const CrlSpec& spec, const KeyStore& keys);
Bytes BuildCsr(const CsrSpec& spec, const KeyStore& keys);

// PEM text of `der` under `label` ("CERTIFICATE", "X509 CRL", ...).
std::string Pem(std::string_view label, const Bytes& der);
// DER type-length-value with a definite length.
Bytes Tlv(uint8_t tag, const Bytes& content);
// Lowercase hex, and back (colons and spaces ignored; BuildError when not hex).
std::string Hex(const Bytes& bytes);
Bytes FromHex(std::string_view hex);

}  // namespace cpaudit::build
