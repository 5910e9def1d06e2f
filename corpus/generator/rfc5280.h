#pragma once
// The rfc5280 base pack's fixtures (corpus/rfc5280/<rule>/<case>/), in two
// parts: the certificate cases and the CRL and CSR cases.

#include "corpus/generator/kit.h"

namespace fixtures {

using Rfc5280CertCase = std::function<void(const std::string& rule, const std::string& name,
                                           const CertSpec& spec, const std::vector<std::string>&)>;
using Rfc5280CrlCase = std::function<void(const std::string& rule, const std::string& name,
                                          const CrlSpec& spec, const std::vector<std::string>&)>;

// sha1WithRSAEncryption with its NULL parameters, as OpenSSL writes it.
inline const Bytes kSha1RsaNull = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
                                   0x0d, 0x01, 0x01, 0x05, 0x05, 0x00};
// The same with an empty OCTET STRING where the NULL belongs.
inline const Bytes kSha1RsaOctets = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
                                     0x0d, 0x01, 0x01, 0x05, 0x04, 0x00};
// An extension OID no rule knows (2.5.29.99): renaming AKI or SKI to it
// removes them without changing any length.
inline const Bytes kAkiOid = {0x06, 0x03, 0x55, 0x1d, 0x23};
inline const Bytes kSkiOid = {0x06, 0x03, 0x55, 0x1d, 0x0e};
inline const Bytes kUnknownOid = {0x06, 0x03, 0x55, 0x1d, 0x63};
inline const std::string kCaBasicConstraints = "critical,CA:TRUE";
inline const std::string kCaKeyUsage = "critical,keyCertSign,cRLSign";

void MakeRfc5280CertificateFixtures(const Rfc5280CertCase& cert_case);

}  // namespace fixtures
