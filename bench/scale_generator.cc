// cpaudit-scale: writes a large evidence bundle for the end-to-end figures of
// bench/README.md (not committed: it is big and quick to remake).
//
//   cpaudit-scale OUT [CERTIFICATES=100000] [CRL_ENTRIES=1000000] [EVENTS=1000000]
//
// One CA (corpus/keys/ca.pem, the demo CA's name), CERTIFICATES compliant TSA
// certificates in PEM bundles of 1,000 with a few keys reused round-robin,
// one CRL listing CRL_ENTRIES serials, and an event log with the issuance
// flow of every certificate padded with crl_published events to EVENTS lines.

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

EVP_PKEY* LoadKey(const fs::path& path) {
  FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) {
    std::cerr << "cannot open " << path << "\n";
    std::exit(1);
  }
  EVP_PKEY* k = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  return k;
}

X509_NAME* CaName() {
  X509_NAME* n = X509_NAME_new();
  X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("JP"), -1,
                             -1, 0);
  X509_NAME_add_entry_by_txt(n, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("SECOM Trust.net"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(
      n, "OU", MBSTRING_ASC,
      reinterpret_cast<const unsigned char*>("Security Communication RootCA1"), -1, -1, 0);
  return n;
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

X509* MakeCert(long serial, EVP_PKEY* key, X509* ca, EVP_PKEY* ca_key, CONF* conf) {
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
  X509_NAME* issuer = CaName();
  X509_set_issuer_name(x, issuer);
  X509_NAME_free(issuer);
  X509_NAME* subject = X509_NAME_new();
  std::string cn = "Scale TSA " + std::to_string(serial);
  X509_NAME_add_entry_by_txt(subject, "C", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("JP"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Example Time Corp"), -1, -1,
                             0);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_set_subject_name(x, subject);
  X509_NAME_free(subject);
  ASN1_TIME_set_string(X509_getm_notBefore(x), "20260105020000Z");
  ASN1_TIME_set_string(X509_getm_notAfter(x), "20270105020000Z");
  X509_set_pubkey(x, key);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca, x, nullptr, nullptr, 0);
  X509V3_set_nconf(&ctx, conf);
  X509V3_EXT_add_nconf(conf, &ctx, "tsa_ext", x);
  X509_sign(x, ca_key, EVP_sha1());
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cpaudit-scale OUT [CERTIFICATES] [CRL_ENTRIES] [EVENTS]\n";
    return 2;
  }
  fs::path out = argv[1];
  long n_certs = argc > 2 ? std::stol(argv[2]) : 100000;
  long n_entries = argc > 3 ? std::stol(argv[3]) : 1000000;
  long n_events = argc > 4 ? std::stol(argv[4]) : 1000000;
  fs::path src = CPAUDIT_SOURCE_DIR;
  fs::remove_all(out);
  for (const char* d : {"ca", "certs", "crls", "events"}) fs::create_directories(out / d);
  fs::copy_file(src / "corpus/demo/ca/ca.pem", out / "ca/ca.pem");
  std::string pem_ca = src / "corpus/demo/ca/ca.pem";
  FILE* f = std::fopen(pem_ca.c_str(), "r");
  X509* ca = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  EVP_PKEY* ca_key = LoadKey(src / "corpus/keys/ca.pem");
  // Subscriber keys are reused round-robin: key generation would dominate, and
  // the rules that care (4.6 renewal without re-key) are then exercised at scale.
  std::vector<EVP_PKEY*> keys;
  for (const char* k : {"sub-1", "sub-2", "sub-3", "sub-4", "sub-5", "sub-6"}) {
    keys.push_back(LoadKey(src / "corpus/keys" / (std::string(k) + ".pem")));
  }
  CONF* conf = NCONF_new(nullptr);
  long line = 0;
  NCONF_load(conf, (src / "fuzz/ca-issuance.cnf").c_str(), &line);

  const long kBundle = 1000;
  long bundles = (n_certs + kBundle - 1) / kBundle;
  std::atomic<long> next{0};
  auto worker = [&] {
    for (long b = next++; b < bundles; b = next++) {
      std::string text;
      for (long i = b * kBundle; i < std::min(n_certs, (b + 1) * kBundle); ++i) {
        X509* x =
            MakeCert(0x100000 + i, keys[static_cast<size_t>(i) % keys.size()], ca, ca_key, conf);
        text += Pem(x);
        X509_free(x);
      }
      std::ofstream(out / "certs" / ("bundle-" + std::to_string(b) + ".pem")) << text;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t)
    pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  std::cerr << "wrote " << n_certs << " certificates\n";

  X509_CRL* crl = X509_CRL_new();
  X509_CRL_set_version(crl, 1);
  X509_NAME* issuer = CaName();
  X509_CRL_set_issuer_name(crl, issuer);
  X509_NAME_free(issuer);
  ASN1_TIME* t = ASN1_TIME_new();
  ASN1_TIME_set_string(t, "20260501030000Z");
  X509_CRL_set1_lastUpdate(crl, t);
  ASN1_TIME_set_string(t, "20260801030000Z");
  X509_CRL_set1_nextUpdate(crl, t);
  ASN1_TIME_set_string(t, "20260420010000Z");
  ASN1_ENUMERATED* reason = ASN1_ENUMERATED_new();
  ASN1_ENUMERATED_set(reason, 4);
  for (long i = 0; i < n_entries; ++i) {
    X509_REVOKED* r = X509_REVOKED_new();
    ASN1_INTEGER* s = ASN1_INTEGER_new();
    ASN1_INTEGER_set(s, 0x40000000L + i);  // not the certificates' serials
    X509_REVOKED_set_serialNumber(r, s);
    ASN1_INTEGER_free(s);
    X509_REVOKED_set_revocationDate(r, t);
    X509_REVOKED_add1_ext_i2d(r, NID_crl_reason, reason, 0, 0);
    X509_CRL_add0_revoked(crl, r);
  }
  ASN1_ENUMERATED_free(reason);
  ASN1_TIME_free(t);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca, nullptr, nullptr, crl, 0);
  X509_EXTENSION* aki =
      X509V3_EXT_conf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always");
  X509_CRL_add_ext(crl, aki, -1);
  X509_EXTENSION_free(aki);
  X509_CRL_sign(crl, ca_key, EVP_sha1());
  unsigned char* der = nullptr;
  int len = i2d_X509_CRL(crl, &der);
  std::ofstream(out / "crls/crl.der", std::ios::binary).write(reinterpret_cast<char*>(der), len);
  OPENSSL_free(der);
  X509_CRL_free(crl);
  std::cerr << "wrote a CRL of " << n_entries << " entries (" << len << " bytes)\n";

  std::ofstream events(out / "events/ca.jsonl");
  long written = 0;
  char buf[512];
  for (long i = 0; i < n_certs && written < n_events; ++i) {
    long serial = 0x100000 + i;
    std::snprintf(buf, sizeof buf,
                  "{\"time\": \"2026-01-05T10:00:00+09:00\", \"type\": \"application_approved\", "
                  "\"application\": \"A-%ld\", \"by\": \"RA\"}\n"
                  "{\"time\": \"2026-01-05T11:00:00+09:00\", \"type\": \"certificate_issued\", "
                  "\"application\": \"A-%ld\", \"serial\": \"%lX\", \"subscriber\": \"Example Time "
                  "Corp\", \"profile\": \"tsa\"}\n",
                  i, i, serial);
    events << buf;
    written += 2;
  }
  for (; written < n_events; ++written) {
    events << "{\"time\": \"2026-05-01T12:10:00+09:00\", \"type\": \"crl_published\", \"crl\": "
              "\"crls/crl.der\"}\n";
  }
  std::cerr << "wrote " << written << " events\n";
  return 0;
}
