#include "harness/model/artifact_builder.h"

#include <gtest/gtest.h>

#include "harness/model/certificate.h"
#include "harness/model/crl.h"
#include "harness/model/csr.h"
#include "harness/model/time_util.h"
#include "tests/test_util.h"

namespace cpaudit::build {
namespace {

const KeyStore& Keys() {
  static const KeyStore keys(testing::SourceDir() / "corpus/keys");
  return keys;
}

CertificateSpec TsaSpec() {
  CertificateSpec s;
  s.serial = "1001";
  s.issuer = ParseDn("C=US, O=Example Trust, CN=Example Root");
  s.subject = ParseDn("C=US, O=Example Time, CN=Example TSA");
  s.not_before = *ParseRfc3339("2026-01-05T00:00:00Z");
  s.not_after = *ParseRfc3339("2027-01-05T00:00:00Z");
  s.key = "sub-1";
  s.extensions = {{"keyUsage", "critical,digitalSignature", std::nullopt, false},
                  {"extendedKeyUsage", "critical,timeStamping", std::nullopt, false}};
  s.signature.signer = "ca";
  s.signature.hash = "sha256";
  return s;
}

std::shared_ptr<const Certificate> Parse(const Bytes& der) {
  std::string error;
  auto cert = Certificate::Parse(der, Source{"built.pem"}, &error);
  EXPECT_TRUE(cert) << error;
  return cert;
}

TEST(ArtifactBuilder, BuildsTheCertificateItDescribes) {
  Bytes der = BuildCertificate(TsaSpec(), Keys());
  EXPECT_EQ(der, BuildCertificate(TsaSpec(), Keys())) << "RSA PKCS #1 v1.5 is deterministic";
  auto cert = Parse(der);
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->serial_hex(), "1001");
  EXPECT_EQ(cert->subject().text, "C=US, O=Example Time, CN=Example TSA");
  EXPECT_EQ(cert->envelope().algorithm.oid, "1.2.840.113549.1.1.11");  // sha256WithRSAEncryption
  ASSERT_EQ(cert->extensions().list.size(), 2u);
  EXPECT_TRUE(cert->extensions().list[0].critical);
}

TEST(ArtifactBuilder, WritesTheStringTypeAsked) {
  CertificateSpec s = TsaSpec();
  s.subject = {{"C", "US", ""},
               {"O", "Example_Time", "printable"},  // '_' is not printable: written anyway
               {"CN", "Example TSA", "bmp"}};
  auto cert = Parse(BuildCertificate(s, Keys()));
  ASSERT_TRUE(cert);
  const auto& attrs = cert->subject().attributes;
  ASSERT_EQ(attrs.size(), 3u);
  EXPECT_EQ(attrs[1].tag, 19);  // PrintableString
  EXPECT_EQ(attrs[1].value, "Example_Time");
  EXPECT_EQ(attrs[2].tag, 30);  // BMPString
  EXPECT_EQ(attrs[2].value, "Example TSA");
  s.subject = {{"CN", "x", "octets"}};
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
}

TEST(ArtifactBuilder, ExtensionsFromDerAndFromConfigurationSections) {
  CertificateSpec s = TsaSpec();
  s.extensions = {{"certificatePolicies", "@pol", std::nullopt, false},
                  {"1.2.3.4", "", Bytes{0x05, 0x00}, true}};
  s.openssl_config = "[pol]\npolicyIdentifier = 2.23.140.1.4.2\nCPS.1 = https://example.com/cps\n";
  auto cert = Parse(BuildCertificate(s, Keys()));
  ASSERT_TRUE(cert);
  const auto& list = cert->extensions().list;
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].oid, "1.2.3.4");
  EXPECT_TRUE(list[1].critical);
  s.extensions = {{"keyUsage", "sometimes", std::nullopt, false}};
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
  s.extensions = {{"no.such.extension", "", Bytes{0x05, 0x00}, false}};
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
}

TEST(ArtifactBuilder, PatchesBeforeAndAfterSigning) {
  CertificateSpec s = TsaSpec();
  // version 3 -> 4 inside the signed part: the signature still verifies.
  s.signature.patch_tbs.push_back([](Bytes& tbs) {
    ReplaceBytes(tbs, {0xa0, 0x03, 0x02, 0x01, 0x02}, {0xa0, 0x03, 0x02, 0x01, 0x03});
  });
  s.signature.outer_hash = "sha384";
  auto cert = Parse(BuildCertificate(s, Keys()));
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->version(), 4);
  EXPECT_EQ(cert->envelope().algorithm.oid, "1.2.840.113549.1.1.12");  // sha384: outer only
  EXPECT_EQ(cert->tbs_signature_algorithm().oid, "1.2.840.113549.1.1.11");
  s.signature.patch_tbs = {[](Bytes& tbs) { ReplaceBytes(tbs, {0xde, 0xad, 0xbe, 0xef}, {}); }};
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
}

TEST(ArtifactBuilder, SignsWithRsassaPssReproducibly) {
  CertificateSpec s = TsaSpec();
  s.signature.pss_mgf_hash = "sha1";
  Bytes der = BuildCertificate(s, Keys());
  EXPECT_EQ(der, BuildCertificate(s, Keys())) << "an empty salt makes PSS deterministic";
  auto cert = Parse(der);
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->envelope().algorithm.oid, "1.2.840.113549.1.1.10");  // id-RSASSA-PSS
  s.signature.outer_hash = "sha384";
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
}

TEST(ArtifactBuilder, InsertsIntoASequenceAndReencodesItsLength) {
  Bytes seq = {0x30, 0x06, 0x02, 0x01, 0x01, 0xa3, 0x01, 0x00};
  InsertInSequence(seq, 0xa3, {0x81, 0x01, 0xff});
  EXPECT_EQ(seq, (Bytes{0x30, 0x09, 0x02, 0x01, 0x01, 0x81, 0x01, 0xff, 0xa3, 0x01, 0x00}));
  Bytes truncated = {0x30, 0x05, 0x02};
  EXPECT_THROW(InsertInSequence(truncated, 0xa3, {0x05, 0x00}), BuildError);
  Bytes big(200, 0x00);
  EXPECT_EQ(Tlv(0x04, big).size(), 203u);  // 04 81 c8 ...
}

TEST(ArtifactBuilder, BuildsCrlsAndCsrs) {
  CrlSpec crl;
  crl.issuer = ParseDn("C=US, O=Example Trust, CN=Example Root");
  crl.this_update = *ParseRfc3339("2026-05-01T00:00:00Z");
  crl.next_update = *ParseRfc3339("2026-08-01T00:00:00Z");
  crl.revoked = {{"0999", *ParseRfc3339("2026-04-20T00:00:00Z"), 1, false, false}};
  crl.extensions = {{"crlNumber", "7", std::nullopt, false}};
  crl.signature.signer = "ca";
  std::string error;
  auto parsed = Crl::Parse(BuildCrl(crl, Keys()), Source{"crl.pem"}, &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->this_update(), *ParseRfc3339("2026-05-01T00:00:00Z"));
  crl.extensions = {{"crlNumber", "seven", std::nullopt, false}};
  EXPECT_THROW(BuildCrl(crl, Keys()), BuildError);

  CsrSpec csr;
  csr.subject = ParseDn("C=US, CN=Example TSA");
  csr.key = "sub-1";
  auto request = Csr::Parse(BuildCsr(csr, Keys()), Source{"csr.pem"}, &error);
  ASSERT_TRUE(request) << error;
}

TEST(ArtifactBuilder, NamesWhatItCannotBuild) {
  CertificateSpec s = TsaSpec();
  s.key = "no-such-key";
  try {
    BuildCertificate(s, Keys());
    FAIL() << "built with a missing key";
  } catch (const BuildError& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-key"), std::string::npos) << e.what();
  }
  s.key = "../keys/ca";
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
  s = TsaSpec();
  s.serial = "10G1";
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
  s = TsaSpec();
  s.signature.hash = "md17";
  EXPECT_THROW(BuildCertificate(s, Keys()), BuildError);
  EXPECT_THROW(ParseDn("C=US, no equals sign"), BuildError);
  EXPECT_THROW(FromHex("0g"), BuildError);
  EXPECT_THROW(FromHex("abc"), BuildError);
  EXPECT_EQ(FromHex("0A:ff"), (Bytes{0x0a, 0xff}));
}

}  // namespace
}  // namespace cpaudit::build
