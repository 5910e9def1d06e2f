// The rfc5280 base pack's CRL and CSR fixtures, and the writing of every case.

#include "corpus/generator/rfc5280.h"

namespace fixtures {

namespace {

void MakeRfc5280CrlFixtures(const Rfc5280CrlCase& crl_case) {
  auto one = [&](const std::string& rule, const std::string& name, const CrlSpec& spec,
                 const std::string& message) {
    crl_case(rule, name, spec, {"ERROR " + rule + " crls/" + name + ".pem: " + message});
  };
  {
    CrlSpec s;
    s.outer_md = EVP_sha256();
    one("rfc5280-5.1.1.2-signature-algorithm-match", "outer-sha256", s,
        "signatureAlgorithm differs from tbsCertList.signature (OID or parameters)");
  }
  {
    CrlSpec s;
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, kSha1RsaNull, kSha1RsaOctets); };
    s.patch_der = [](Bytes& der) { Patch(der, kSha1RsaNull, kSha1RsaOctets); };
    one("rfc5280-5.1.1.2-signature-parameters", "octet-string-parameters", s,
        "signature_algorithm.parameters is other for an RSA PKCS #1 v1.5 signature; RFC 4055 "
        "requires NULL");
  }
  {
    CrlSpec s;
    s.version = 1;
    one("rfc5280-5.1.2.1-version", "v1-with-extensions", s,
        "a version 1 CRL has extensions; they need version 2");
  }
  {
    CrlSpec s;
    s.issuer = "";
    one("rfc5280-5.1.2.3-issuer-not-empty", "empty-issuer", s, "the CRL issuer name is empty");
  }
  {
    CrlSpec s;
    s.next_update = Utc(2050, 1, 5);
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x18, 0x0f, '2', '0', '5', '0'}, {0x18, 0x0f, '2', '0', '4', '9'});
    };
    one("rfc5280-5.1.2.4-time-encoding", "generalized-2049", s,
        "nextUpdate is a GeneralizedTime for a year before 2050; it must be a UTCTime");
    s.patch_tbs = nullptr;
    crl_case("rfc5280-5.1.2.4-time-encoding", "generalized-2050", s, {});
  }
  {
    CrlSpec s;
    s.next_update.reset();
    one("rfc5280-5.1.2.5-next-update-present", "no-next-update", s, "the CRL has no nextUpdate");
  }
  {
    CrlSpec s;
    s.revoked = {{0x0999, Utc(2026, 4, 20), 1}, {0x0999, Utc(2026, 4, 21), 1}};
    one("rfc5280-5.1.2.6-serial-once", "serial-twice", s, "serial 0999 is listed more than once");
  }
  {
    CrlSpec s;
    s.revoked = {{0x0999, Utc(2026, 5, 2), 1}};
    one("rfc5280-5.1.2.6-revocation-date", "after-this-update", s,
        "serial 0999 is revoked at 2026-05-02T00:00:00Z, after thisUpdate");
  }
  {
    // An empty revokedCertificates inserted before the crlExtensions [0].
    CrlSpec s;
    s.revoked.clear();
    s.patch_tbs = [](Bytes& tbs) { InsertInSequence(tbs, 0xa0, {0x30, 0x00}); };
    one("rfc5280-5.1.2.6-revoked-not-empty", "empty-list", s,
        "revokedCertificates is encoded with no entry; it must be absent");
    s.patch_tbs = nullptr;
    crl_case("rfc5280-5.1.2.6-revoked-not-empty", "no-list", s, {});
  }
  {
    CrlSpec s;
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, kAkiOid, kUnknownOid); };
    one("rfc5280-5.2.1-aki-present", "no-aki", s, "authorityKeyIdentifier is missing or critical");
  }
  {
    CrlSpec s;
    s.number = -5;
    one("rfc5280-5.2.3-crl-number", "negative", s, "cRLNumber is negative");
    s.extensions = false;
    s.version = 1;
    s.revoked = {{0x0999, Utc(2026, 4, 20), -1}};  // no entry extension either
    crl_case("rfc5280-5.2.3-crl-number", "missing", s,
             {"ERROR rfc5280-5.2.1-aki-present crls/missing.pem: authorityKeyIdentifier is "
              "missing or critical",
              "ERROR rfc5280-5.2.3-crl-number crls/missing.pem: cRLNumber is missing or critical"});
  }
  {
    CrlSpec s;
    s.revoked = {{0x0999, Utc(2026, 4, 20), 0}};
    one("rfc5280-5.3.1-reason-code", "unspecified", s,
        "reasonCode unspecified on 1 of the entries");
    s.revoked = {{0x0999, Utc(2026, 4, 20), 7}};
    one("rfc5280-5.3.1-reason-code", "code-7", s, "reasonCode 7 on 1 of the entries");
  }
  {
    CrlSpec s;
    s.revoked = {{0x0999, Utc(2026, 4, 20), 1, false, true}};
    one("rfc5280-5.3-entry-extension-once", "reason-twice", s,
        "serial 0999: an entry extension appears more than once");
  }
}

}  // namespace

// The rfc5280 base pack's fixtures (corpus/rfc5280/<rule>/<case>/): each
// breaks one requirement of X.690 DER or RFC 5280, built with OpenSSL and,
// where OpenSSL would not write the bytes, patched before signing.
void MakeRfc5280Fixtures(const fs::path& root) {
  auto cert_case = [&](const std::string& rule, const std::string& name, const CertSpec& spec,
                       const std::vector<std::string>& expected) {
    Bundle(root / rule / name).Ca().Cert(name, spec).Config().Expect(expected);
  };
  auto crl_case = [&](const std::string& rule, const std::string& name, const CrlSpec& spec,
                      const std::vector<std::string>& expected) {
    Bundle(root / rule / name).Ca().Crl(name, spec).Config().Expect(expected);
  };
  const std::string subject = CertSpec{}.subject;
  Bundle(root / "compliant")
      .Ca()
      .Cert("tsa", CertSpec{})
      .Crl("crl", CrlSpec{})
      .Csr("tsa", MakeCsr("sub-1", subject))
      .Config()
      .Expect({});
  {
    // The critical flag of keyUsage as BOOLEAN 0x01: BER, not DER.
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff},
            {0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0x01});
    };
    cert_case("der-x690-certificate", "boolean-true-0x01", s,
              {"ERROR der-x690-certificate certs/boolean-true-0x01.pem: not DER: "
               "tbsCertificate.extensions[2] (X509v3 Key Usage).critical: BOOLEAN TRUE is "
               "encoded 0x01, not 0xff"});
  }
  {
    CrlSpec s;
    s.extra = {{NID_info_access, "critical,caIssuers;URI:http://repository.secomtrust.net/ca.cer"}};
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, {0x01, 0x01, 0xff}, {0x01, 0x01, 0x01}); };
    crl_case(
        "der-x690-crl", "boolean-true-0x01", s,
        {"ERROR der-x690-crl crls/boolean-true-0x01.pem: not DER: tbsCertList.crlExtensions[2] "
         "(Authority Information Access).critical: BOOLEAN TRUE is encoded 0x01, not 0xff"});
  }
  {
    // countryName "JP" as PrintableString "J_": "_" is outside its character set.
    Bundle(root / "der-x690-csr" / "printable-string-underscore")
        .Csr("tsa", MakeCsr("sub-1", subject, false,
                            [](Bytes& info) {
                              Patch(info, {0x13, 0x02, 0x4a, 0x50}, {0x13, 0x02, 0x4a, 0x5f});
                            }))
        .Config()
        .Expect({"ERROR der-x690-csr csrs/tsa.pem: not DER: "
                 "certificationRequestInfo.subject[0][0][1]: PrintableString has a character "
                 "outside its set"});
  }
  {
    CertSpec s;
    s.serial = -0x1001;
    cert_case("rfc5280-4.1.2.2-serial-positive", "negative", s,
              {"ERROR rfc5280-4.1.2.2-serial-positive certs/negative.pem: serialNumber is "
               "negative; RFC 5280 requires a positive integer"});
    s.serial = 0;
    cert_case("rfc5280-4.1.2.2-serial-positive", "zero", s,
              {"ERROR rfc5280-4.1.2.2-serial-positive certs/zero.pem: serialNumber is zero; RFC "
               "5280 requires a positive integer"});
  }
  {
    CertSpec s;
    s.serial_octets = Bytes(21, 0x01);
    cert_case("rfc5280-4.1.2.2-serial-length", "21-octets", s,
              {"ERROR rfc5280-4.1.2.2-serial-length certs/21-octets.pem: serialNumber has 21 "
               "octets; at most 20 are allowed"});
    s.serial_octets = Bytes(20, 0x7f);
    cert_case("rfc5280-4.1.2.2-serial-length", "20-octets", s, {});
  }
  {
    // A second keyUsage asserting keyCertSign: OpenSSL's verifier rejects it.
    CertSpec s;
    s.extra = {{NID_key_usage, "keyCertSign"}};
    cert_case("rfc5280-4.2-extension-once", "second-key-usage", s,
              {"ERROR rfc5280-4.2-extension-once certs/second-key-usage.pem: extension key_usage "
               "appears more than once",
               "ERROR rfc5280-4.2.1.3-key-cert-sign-needs-ca certs/second-key-usage.pem: keyUsage "
               "asserts keyCertSign without basicConstraints cA TRUE",
               "ERROR rfc5280-4.2.1.3-rsa-key-usage certs/second-key-usage.pem: an end-entity "
               "certificate with an RSA key asserts keyCertSign (RFC 3279 2.3.1)"});
  }
  {
    CrlSpec s;
    const std::string aia = "caIssuers;URI:http://repository.secomtrust.net/ca.cer";
    s.extra = {{NID_info_access, aia}, {NID_info_access, aia}};
    crl_case("rfc5280-5.2-crl-extension-once", "two-aia", s,
             {"ERROR rfc5280-5.2-crl-extension-once crls/two-aia.pem: CRL extension "
              "authority_info_access appears more than once"});
  }
  MakeRfc5280CertificateFixtures(cert_case);
  MakeRfc5280CrlFixtures(crl_case);
}

}  // namespace fixtures
