// Inputs the fuzzers found problems with (fuzz/regressions/<target>/), run
// through the same code: under ASan/UBSan a leak or overflow fails the test.

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <nlohmann/json.hpp>

#include "harness/model/certificate.h"
#include "harness/model/crl.h"
#include "harness/model/csr.h"
#include "harness/oracle.h"
#include "reports/escape.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryKeptInputRunsCleanly) {
  OracleOptions options;
  options.ca_pem = testing::ReadFile(testing::SourceDir() / "corpus/demo/ca/ca.pem");
  auto oracle = Oracle::Create(options);
  size_t n = 0;
  for (const auto& dir : fs::directory_iterator(testing::SourceDir() / "fuzz/regressions")) {
    if (!dir.is_directory()) continue;
    std::string target = dir.path().filename();
    for (const auto& e : fs::directory_iterator(dir.path())) {
      std::string raw = testing::ReadFile(e.path());
      ByteView bytes(reinterpret_cast<const uint8_t*>(raw.data()), raw.size());
      Oracle::Result r = target == "crl"   ? oracle->CheckCrl(bytes)
                         : target == "csr" ? oracle->CheckCsr(bytes)
                                           : oracle->CheckCertificate(bytes);
      EXPECT_EQ(r.parsed, r.findings.empty() || r.findings[0].rule != kInputRuleId) << e.path();
      // Findings quote evidence bytes that may not be UTF-8: the oracle's JSON
      // lines show them as \xNN and read back as written (the fuzzers' check).
      nlohmann::json doc = nlohmann::json::array();
      for (const Finding& f : r.findings) doc.push_back({{"rule", f.rule}, {"message", f.message}});
      std::string text;
      EXPECT_NO_THROW(text = DumpJson(doc, -1)) << e.path();
      EXPECT_EQ(nlohmann::json::parse(text).dump(), text) << e.path();
      if (e.path().filename() == "san-email-not-utf8") {
        EXPECT_NE(text.find("not a mailbox: ValidDNnameConstraintsTest14EE@testcertif\\\\x97"),
                  std::string::npos)
            << text;
      }
      ++n;
    }
  }
  EXPECT_GE(n, 1u);
}

// The first fuzzer finding, made on purpose: an extension value with trailing
// bytes is reported as malformed (and, under ASan, nothing leaks).
TEST(FuzzRegressions, ExtensionWithTrailingBytesIsMalformed) {
  EVP_PKEY* key = testing::LoadFixtureKey("sub-1");
  X509* x = X509_new();
  X509_set_version(x, 2);
  X509_set_pubkey(x, key);
  X509_gmtime_adj(X509_getm_notBefore(x), 0);
  X509_gmtime_adj(X509_getm_notAfter(x), 3600);
  // subjectKeyIdentifier: OCTET STRING {aa bb} followed by a stray 00.
  const unsigned char value[] = {0x04, 0x02, 0xaa, 0xbb, 0x00};
  ASN1_OCTET_STRING* data = ASN1_OCTET_STRING_new();
  ASN1_OCTET_STRING_set(data, value, sizeof value);
  X509_EXTENSION* ext = X509_EXTENSION_create_by_NID(nullptr, NID_subject_key_identifier, 0, data);
  X509_add_ext(x, ext, -1);
  X509_sign(x, key, EVP_sha256());
  unsigned char* der = nullptr;
  int len = i2d_X509(x, &der);
  Bytes bytes(der, der + len);
  OPENSSL_free(der);
  X509_EXTENSION_free(ext);
  ASN1_OCTET_STRING_free(data);
  X509_free(x);
  EVP_PKEY_free(key);
  std::string error;
  auto cert = Certificate::Parse(bytes, Source{"t"}, &error);
  ASSERT_TRUE(cert) << error;
  EXPECT_EQ(cert->extensions().list.at(0).error, "malformed subjectKeyIdentifier");
  EXPECT_FALSE(cert->extensions().subject_key_identifier);
}

}  // namespace
}  // namespace cpaudit
