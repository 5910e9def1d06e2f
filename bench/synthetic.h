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
#include <vector>

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

// The certificate as PEM.
std::string Pem(X509* x);

// The CA's CRL of 2026-04-30T01:00:00Z (nextUpdate three months on), as DER:
// the certificates numbered in `revoked` revoked for keyCompromise on
// 2026-04-28, then `older` entries of serials from 0x40000000 revoked as
// superseded in 2025, the one numbered `older_without_reason` (if any) with
// no reasonCode.
std::string MakeCrlDer(const Ca& ca, const std::vector<long>& revoked, long older,
                       long older_without_reason = -1);

}  // namespace cpaudit::synthetic
