#pragma once
// Synthetic TSA certificates of the demo CA for the scale generator and the
// benchmarks: compliant, each with its own serial, subject and key, signed by
// the demo CA's real key. Subject keys are random 2048-bit moduli, not real
// RSA keys: generating 100,000 key pairs would take hours, and no rule
// factors a modulus.

#include <openssl/conf.h>
#include <openssl/x509.h>

#include <filesystem>
#include <string>

namespace cpaudit::synthetic {

constexpr long kFirstSerial = 0x100000;

// The demo CA (corpus/demo/ca, corpus/keys/ca.pem) and the TSA extension
// section of fuzz/ca-issuance.cnf. Exits with a message if they are missing.
struct Ca {
  X509* cert = nullptr;
  EVP_PKEY* key = nullptr;
  CONF* conf = nullptr;
};
const Ca& DemoCa(const std::filesystem::path& source_dir);

// Certificate number `i`: serial kFirstSerial + i, subject CN `common_name`,
// notBefore 2026-04-28T01:00:00Z for one year. The caller frees it.
X509* MakeTsaCertificate(const Ca& ca, long i, const std::string& common_name);

}  // namespace cpaudit::synthetic
