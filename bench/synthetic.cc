#include "bench/synthetic.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <random>

namespace cpaudit::synthetic {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Die(const std::string& why) {
  std::cerr << "synthetic certificates: " << why << "\n";
  std::exit(1);
}

// A public RSA key with a pseudo-random odd 2048-bit modulus, fixed by `seed`.
EVP_PKEY* SubjectKey(uint64_t seed) {
  std::mt19937_64 random(seed);
  unsigned char modulus[256];
  for (size_t i = 0; i < sizeof modulus; i += 8) {
    uint64_t r = random();
    std::copy_n(reinterpret_cast<unsigned char*>(&r), 8, modulus + i);
  }
  modulus[0] |= 0x80;
  modulus[sizeof modulus - 1] |= 1;
  BIGNUM* n = BN_bin2bn(modulus, sizeof modulus, nullptr);
  BIGNUM* e = BN_new();
  BN_set_word(e, 65537);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_fromdata_init(ctx) <= 0 ||
      EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) <= 0) {
    Die("cannot build a subject key");
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  BN_free(n);
  BN_free(e);
  return key;
}

void AddEntry(X509_NAME* n, const char* field, const std::string& value) {
  X509_NAME_add_entry_by_txt(n, field, MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
}

}  // namespace

const Ca& DemoCa(const fs::path& source_dir) {
  static const Ca ca = [&] {
    Ca c;
    FILE* f = std::fopen((source_dir / "corpus/demo/ca/ca.pem").c_str(), "r");
    if (f == nullptr) Die("cannot open corpus/demo/ca/ca.pem");
    c.cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    f = std::fopen((source_dir / "corpus/keys/ca.pem").c_str(), "r");
    if (f == nullptr) Die("cannot open corpus/keys/ca.pem");
    c.key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    c.conf = NCONF_new(nullptr);
    long line = 0;
    if (c.cert == nullptr || c.key == nullptr ||
        NCONF_load(c.conf, (source_dir / "fuzz/ca-issuance.cnf").c_str(), &line) != 1) {
      Die("cannot read the demo CA or fuzz/ca-issuance.cnf");
    }
    return c;
  }();
  return ca;
}

std::string Pem(X509* x) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, x);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(len));
  BIO_free(bio);
  return out;
}

X509* MakeTsaCertificate(const Ca& ca, long i, const std::string& common_name) {
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), kFirstSerial + i);
  X509_set_issuer_name(x, X509_get_subject_name(ca.cert));
  X509_NAME* subject = X509_NAME_new();
  AddEntry(subject, "C", "JP");
  AddEntry(subject, "O", "Example Time Corp");
  AddEntry(subject, "CN", common_name);
  X509_set_subject_name(x, subject);
  X509_NAME_free(subject);
  ASN1_TIME_set_string(X509_getm_notBefore(x), "260428010000Z");
  ASN1_TIME_set_string(X509_getm_notAfter(x), "270428010000Z");
  EVP_PKEY* key = SubjectKey(static_cast<uint64_t>(i));
  X509_set_pubkey(x, key);
  EVP_PKEY_free(key);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca.cert, x, nullptr, nullptr, 0);
  X509V3_set_nconf(&ctx, ca.conf);
  X509V3_EXT_add_nconf(ca.conf, &ctx, "tsa_ext", x);
  X509_sign(x, ca.key, EVP_sha1());
  return x;
}

namespace {

void AddRevoked(X509_CRL* crl, long serial, const char* date, int reason) {
  X509_REVOKED* r = X509_REVOKED_new();
  ASN1_INTEGER* s = ASN1_INTEGER_new();
  ASN1_INTEGER_set(s, serial);
  X509_REVOKED_set_serialNumber(r, s);
  ASN1_INTEGER_free(s);
  ASN1_TIME* t = ASN1_TIME_new();
  ASN1_TIME_set_string(t, date);
  X509_REVOKED_set_revocationDate(r, t);
  ASN1_TIME_free(t);
  if (reason >= 0) {
    ASN1_ENUMERATED* e = ASN1_ENUMERATED_new();
    ASN1_ENUMERATED_set(e, reason);
    X509_REVOKED_add1_ext_i2d(r, NID_crl_reason, e, 0, 0);
    ASN1_ENUMERATED_free(e);
  }
  X509_CRL_add0_revoked(crl, r);
}

}  // namespace

std::string MakeCrlDer(const Ca& ca, const std::vector<long>& revoked, long older,
                       long older_without_reason) {
  X509_CRL* crl = X509_CRL_new();
  X509_CRL_set_version(crl, 1);
  X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca.cert));
  ASN1_TIME* t = ASN1_TIME_new();
  ASN1_TIME_set_string(t, "260430010000Z");
  X509_CRL_set1_lastUpdate(crl, t);
  ASN1_TIME_set_string(t, "260730010000Z");
  X509_CRL_set1_nextUpdate(crl, t);
  ASN1_TIME_free(t);
  for (long i : revoked) AddRevoked(crl, kFirstSerial + i, "260428060000Z", 1);
  for (long k = 0; k < older; ++k) {
    AddRevoked(crl, 0x40000000L + k, "250901000000Z", k == older_without_reason ? -1 : 4);
  }
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca.cert, nullptr, nullptr, crl, 0);
  X509_EXTENSION* aki =
      X509V3_EXT_conf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always");
  X509_CRL_add_ext(crl, aki, -1);
  X509_EXTENSION_free(aki);
  ASN1_INTEGER* number = ASN1_INTEGER_new();
  ASN1_INTEGER_set(number, 1);
  X509_CRL_add1_ext_i2d(crl, NID_crl_number, number, 0, 0);
  ASN1_INTEGER_free(number);
  X509_CRL_sign(crl, ca.key, EVP_sha1());
  unsigned char* der = nullptr;
  int len = i2d_X509_CRL(crl, &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  X509_CRL_free(crl);
  return out;
}

}  // namespace cpaudit::synthetic
