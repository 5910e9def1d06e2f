#include "corpus/generator/kit.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/sha.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace fixtures {

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "cpaudit-fixtures: " << what << "\n";
  std::exit(1);
}

time_t Utc(int y, int mo, int d, int h, int mi, int s) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return timegm(&tm);
}

std::unique_ptr<build::KeyStore> g_keys;

// The SHA-1 of a key's subjectPublicKey: its RFC 5280 key identifier.
Bytes KeyId(const std::string& key) { return g_keys->KeyId(key); }

Bytes Sha1Of(const Bytes& b) {
  Bytes out(SHA_DIGEST_LENGTH);
  SHA1(b.data(), b.size(), out.data());
  return out;
}

// Replaces the first `from` in `der` with `to`, of the same length.
void Patch(Bytes& der, const Bytes& from, const Bytes& to) {
  if (from.size() != to.size()) Die("patch: lengths differ");
  build::ReplaceBytes(der, from, to);
}

std::string SerialHex(long serial) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lX", serial < 0 ? "-" : "", serial < 0 ? -serial : serial);
  return buf;
}

namespace {

// The key identifier extensions with a given identifier (method 1 or not).
build::ExtensionSpec SkiExt(const Bytes& id, bool critical = false) {
  return {"subjectKeyIdentifier", "", Tlv(0x04, id), critical};
}
build::ExtensionSpec AkiExt(const Bytes& id, bool critical = false) {
  return {"authorityKeyIdentifier", "", Tlv(0x30, Tlv(0x80, id)), critical};
}
build::ExtensionSpec ConfExt(int nid, const std::string& value) {
  return {OBJ_nid2sn(nid), value, std::nullopt, false};
}

// The signing part of a spec: the outer algorithm is re-assembled only when
// it differs from the inner one or the tbs is patched.
build::SignatureSpec SignatureOf(const std::string& signer, const EVP_MD* inner,
                                 const EVP_MD* outer, const std::function<void(Bytes&)>& patch_tbs,
                                 const std::function<void(Bytes&)>& patch_der) {
  build::SignatureSpec sig;
  sig.signer = signer;
  sig.hash = EVP_MD_get0_name(inner);
  if (outer != inner) sig.outer_hash = EVP_MD_get0_name(outer);
  if (patch_tbs) sig.patch_tbs.push_back(patch_tbs);
  if (patch_der) sig.patch_der.push_back(patch_der);
  return sig;
}

}  // namespace

Bytes MakeCert(const CertSpec& s) {
  build::CertificateSpec b;
  b.version = s.version;
  b.serial = s.serial_octets ? Hex(*s.serial_octets) : SerialHex(s.serial);
  b.issuer = build::ParseDn(s.issuer);
  b.subject = build::ParseDn(s.subject);
  b.not_before = s.not_before;
  b.not_after = s.not_after;
  b.key = s.key;
  if (s.extensions) {
    b.extensions.push_back(AkiExt(s.aki ? *s.aki : KeyId(s.issuer_key), s.aki_critical));
    b.extensions.push_back(SkiExt(s.ski ? *s.ski : KeyId(s.key), s.ski_critical));
    if (!s.key_usage.empty()) b.extensions.push_back(ConfExt(NID_key_usage, s.key_usage));
    if (!s.eku.empty()) b.extensions.push_back(ConfExt(NID_ext_key_usage, s.eku));
    if (!s.policies.empty()) {
      // The CP's policy carries the CPS qualifier, from a configuration section.
      std::string value = s.policies_critical ? "critical" : "";
      for (const std::string& oid : s.policies) {
        bool qualified = !s.cps.empty() && oid == kPolicyOid;
        value += (value.empty() ? "" : ",") + (qualified ? std::string("@cps") : oid);
      }
      b.extensions.push_back(ConfExt(NID_certificate_policies, value));
      b.openssl_config =
          std::string("[cps]\npolicyIdentifier = ") + kPolicyOid + "\nCPS.1 = " + s.cps + "\n";
    }
    if (!s.crl_uri.empty())
      b.extensions.push_back(ConfExt(NID_crl_distribution_points, "URI:" + s.crl_uri));
    for (const auto& [nid, value] : s.extra) b.extensions.push_back(ConfExt(nid, value));
  }
  b.signature = SignatureOf(s.signer, s.inner_md, s.outer_md, s.patch_tbs, s.patch_der);
  return build::BuildCertificate(b, *g_keys);
}

Bytes MakeCa(const std::string& dn, const std::string& key) {
  build::CertificateSpec b;
  b.serial = "01";
  b.issuer = b.subject = build::ParseDn(dn);
  b.not_before = Utc(2020, 1, 1);
  b.not_after = Utc(2040, 1, 1);
  b.key = key;
  b.extensions = {SkiExt(KeyId(key)), ConfExt(NID_basic_constraints, "critical,CA:TRUE"),
                  ConfExt(NID_key_usage, "critical,keyCertSign,cRLSign")};
  b.signature.signer = key;
  return build::BuildCertificate(b, *g_keys);
}

Bytes MakeCrl(const CrlSpec& s) {
  build::CrlSpec b;
  b.version = s.version;
  b.issuer = build::ParseDn(s.issuer);
  b.this_update = s.this_update;
  b.next_update = s.next_update;
  for (const RevokedSpec& r : s.revoked)
    b.revoked.push_back(
        {SerialHex(r.serial), r.date, r.reason, r.reason_twice, r.hold_instruction});
  if (s.extensions) {
    b.extensions.push_back(AkiExt(s.aki ? *s.aki : KeyId(s.issuer_key)));
    b.extensions.push_back(ConfExt(NID_crl_number, std::to_string(s.number)));
    for (const auto& [nid, value] : s.extra) b.extensions.push_back(ConfExt(nid, value));
  }
  b.signature = SignatureOf(s.signer, s.inner_md, s.outer_md, s.patch_tbs, s.patch_der);
  b.signature.corrupt = s.corrupt_signature;
  return build::BuildCrl(b, *g_keys);
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) Die("cannot write " + path.string());
}

// An instant given in Japan time.
time_t Jst(int y, int mo, int d, int h, int mi) { return Utc(y, mo, d, h, mi) - 9 * 3600; }

std::string JstText(time_t t) {
  time_t local = t + 9 * 3600;
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

Json Ev(time_t t, const std::string& type, const Json& fields) {
  Json e;
  e["time"] = JstText(t);
  e["type"] = type;
  for (const auto& [k, v] : fields.items()) e[k] = v;
  return e;
}

std::string SerialText(long serial) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lX", serial);
  return buf;
}

Bytes MakeCsr(const std::string& key, const std::string& subject, bool corrupt,
              const std::function<void(Bytes&)>& patch_info) {
  build::CsrSpec b;
  b.subject = build::ParseDn(subject);
  b.key = key;
  b.patch_info = patch_info;
  b.corrupt = corrupt;
  return build::BuildCsr(b, *g_keys);
}

}  // namespace fixtures
