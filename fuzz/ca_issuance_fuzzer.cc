// A worked example of fuzzing a CA with cpaudit as the oracle.
//
// The fuzzer plays the applicant: it builds a CSR with a subject and requested
// extensions of its choosing. The "CA" is OpenSSL's configuration-driven
// issuance, the path `openssl ca` takes (NCONF + X509V3_set_nconf +
// X509V3_EXT_add_nconf over the extension section of fuzz/ca-issuance.cnf),
// with `copy_extensions` and the requested subject copied as many CAs do. Every
// certificate it issues goes to the oracle; one that breaks the CP at error
// severity aborts, and libFuzzer saves the input that caused it. Like `openssl
// ca` with a "supplied" policy, the CA refuses a subject without C, O and CN.
//
// To fuzz your own CA, replace Issue() with a call into your issuance code.
#include <fuzzer/FuzzedDataProvider.h>
#include <openssl/conf.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <string>

#include "fuzz/fuzz_common.h"

namespace {

using cpaudit::fuzz::Require;

template <typename T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};

EVP_PKEY* LoadKey(const std::string& name) {
  std::string path = std::string(CPAUDIT_SOURCE_DIR) + "/corpus/keys/" + name + ".pem";
  FILE* f = std::fopen(path.c_str(), "r");
  Require(f != nullptr, "cannot open a key");
  EVP_PKEY* key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  return key;
}

struct Ca {
  X509* cert = nullptr;
  EVP_PKEY* key = nullptr;
  EVP_PKEY* subscriber = nullptr;
  CONF* conf = nullptr;
  bool copy_all = false;
};

const Ca& TheCa() {
  static const Ca ca = [] {
    Ca c;
    std::string path = std::string(CPAUDIT_SOURCE_DIR) + "/corpus/demo/ca/ca.pem";
    FILE* f = std::fopen(path.c_str(), "r");
    c.cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    c.key = LoadKey("ca");
    c.subscriber = LoadKey("sub-1");
    c.conf = NCONF_new(nullptr);
    long line = 0;
    std::string cnf = std::string(CPAUDIT_SOURCE_DIR) + "/fuzz/ca-issuance.cnf";
    Require(NCONF_load(c.conf, cnf.c_str(), &line) == 1, "cannot load ca-issuance.cnf");
    const char* copy = NCONF_get_string(c.conf, "ca", "copy_extensions");
    c.copy_all = copy != nullptr && std::string(copy) == "copyall";
    return c;
  }();
  return ca;
}

// What an applicant may ask for; the values come from the fuzzer.
const char* const kRequestable[] = {"subjectAltName",   "basicConstraints", "keyUsage",
                                    "extendedKeyUsage", "nameConstraints",  "policyConstraints"};

X509_REQ* BuildCsr(FuzzedDataProvider& in) {
  X509_REQ* req = X509_REQ_new();
  X509_NAME* name = X509_REQ_get_subject_name(req);
  static const char* const kFields[] = {"C", "O", "OU", "CN", "pseudonym", "GN"};
  int attributes = in.ConsumeIntegralInRange(1, 5);
  for (int i = 0; i < attributes; ++i) {
    const char* field = kFields[in.ConsumeIntegralInRange<size_t>(0, std::size(kFields) - 1)];
    std::string value = in.ConsumeRandomLengthString(32);
    if (value.empty()) continue;
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(value.data()),
                               static_cast<int>(value.size()), -1, 0);
  }
  STACK_OF(X509_EXTENSION)* exts = sk_X509_EXTENSION_new_null();
  int requested = in.ConsumeIntegralInRange(0, 2);
  for (int i = 0; i < requested; ++i) {
    const char* ext =
        kRequestable[in.ConsumeIntegralInRange<size_t>(0, std::size(kRequestable) - 1)];
    std::string value = in.ConsumeRandomLengthString(48);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, nullptr, nullptr, req, nullptr, 0);
    X509_EXTENSION* e = X509V3_EXT_conf(nullptr, &ctx, ext, value.c_str());
    if (e != nullptr) sk_X509_EXTENSION_push(exts, e);
  }
  ERR_clear_error();
  if (sk_X509_EXTENSION_num(exts) > 0) X509_REQ_add_extensions(req, exts);
  sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
  X509_REQ_set_pubkey(req, TheCa().subscriber);
  X509_REQ_sign(req, TheCa().subscriber, EVP_sha256());
  return req;
}

// The CA's issuance: what `openssl ca -extensions tsa_ext` does with a CSR
// whose subject passes its policy (C, O and CN supplied).
std::string Issue(X509_REQ* req, long serial) {
  const Ca& ca = TheCa();
  X509_NAME* subject = X509_REQ_get_subject_name(req);
  for (int nid : {NID_countryName, NID_organizationName, NID_commonName}) {
    if (X509_NAME_get_index_by_NID(subject, nid, -1) < 0) return {};  // rejected by policy
  }
  std::unique_ptr<X509, Free<X509, X509_free>> x(X509_new());
  X509_set_version(x.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial);
  X509_set_issuer_name(x.get(), X509_get_subject_name(ca.cert));
  X509_set_subject_name(x.get(), X509_REQ_get_subject_name(req));  // "supplied": as requested
  ASN1_TIME_set_string(X509_getm_notBefore(x.get()), "20260105000000Z");
  ASN1_TIME_set_string(X509_getm_notAfter(x.get()), "20270105000000Z");
  EVP_PKEY* key = X509_REQ_get0_pubkey(req);
  X509_set_pubkey(x.get(), key);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca.cert, x.get(), req, nullptr, 0);
  X509V3_set_nconf(&ctx, ca.conf);
  Require(X509V3_EXT_add_nconf(ca.conf, &ctx, "tsa_ext", x.get()) == 1, "tsa_ext does not apply");
  // copy_extensions = copy: requested extensions the section does not set;
  // copyall: every requested extension, replacing the section's.
  STACK_OF(X509_EXTENSION)* requested = X509_REQ_get_extensions(req);
  for (int i = 0; i < sk_X509_EXTENSION_num(requested); ++i) {
    X509_EXTENSION* e = sk_X509_EXTENSION_value(requested, i);
    int at = X509_get_ext_by_OBJ(x.get(), X509_EXTENSION_get_object(e), -1);
    if (at >= 0 && !ca.copy_all) continue;
    if (at >= 0) X509_EXTENSION_free(X509_delete_ext(x.get(), at));
    X509_add_ext(x.get(), e, -1);
  }
  sk_X509_EXTENSION_pop_free(requested, X509_EXTENSION_free);
  ERR_clear_error();
  if (X509_sign(x.get(), ca.key, EVP_sha1()) <= 0) return {};
  unsigned char* der = nullptr;
  int len = i2d_X509(x.get(), &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  FuzzedDataProvider in(data, size);
  static long serial = 0x10000;
  std::unique_ptr<X509_REQ, Free<X509_REQ, X509_REQ_free>> req(BuildCsr(in));
  std::string der = Issue(req.get(), ++serial);
  if (der.empty()) return 0;
  static const UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  Oracle::Result r = fuzz::DemoOracle().CheckCertificate(
      ByteView(reinterpret_cast<const uint8_t*>(der.data()), der.size()), at);
  fuzz::CheckResult(r);
  if (r.Fails(Severity::kError)) {
    std::fprintf(stderr, "the CA issued a certificate that breaks the CP:\n");
    for (const Finding& f : r.findings) std::fprintf(stderr, "  %s\n", CanonicalLine(f).c_str());
    std::abort();
  }
  return 0;
}
