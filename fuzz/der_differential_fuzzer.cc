// Differential fuzzing of the DER validator against OpenSSL: every input is
// tried as a certificate, a CRL and a CSR. When the validator finds nothing
// and the model reads the artifact, OpenSSL must read it and write it back
// byte for byte; when OpenSSL writes back something else, the validator must
// have found a violation (harness/model/openssl_round_trip.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_common.h"
#include "harness/model/certificate.h"
#include "harness/model/crl.h"
#include "harness/model/csr.h"
#include "harness/model/openssl_round_trip.h"

namespace {

bool ModelReads(cpaudit::ByteView der, cpaudit::DerSchema schema) {
  using namespace cpaudit;
  std::string error;
  Bytes bytes(der.begin(), der.end());
  switch (schema) {
    case DerSchema::kCertificate:
      return Certificate::Parse(std::move(bytes), {}, &error) != nullptr;
    case DerSchema::kCrl:
      return Crl::Parse(std::move(bytes), {}, &error) != nullptr;
    case DerSchema::kCsr:
      return Csr::Parse(std::move(bytes), {}, &error) != nullptr;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  ByteView der(data, size);
  for (DerSchema schema : {DerSchema::kCertificate, DerSchema::kCrl, DerSchema::kCsr}) {
    bool clean = ValidateDer(der, schema).empty();
    RoundTrip trip = OpenSslRoundTrip(der, schema);
    if (clean && ModelReads(der, schema)) {
      fuzz::Require(trip == RoundTrip::kIdentical,
                    "valid DER to the validator, but OpenSSL does not write it back unchanged");
    }
    fuzz::Require(trip != RoundTrip::kDiffers || !clean,
                  "OpenSSL re-encodes it otherwise, and the validator found nothing");
  }
  return 0;
}
