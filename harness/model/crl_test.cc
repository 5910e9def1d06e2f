#include "harness/model/crl.h"

#include <gtest/gtest.h>
#include <openssl/x509.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::PemBlocks;

TEST(Crl, ParsesACompliantCrl) {
  auto der = PemBlocks(testing::CompliantCase() / "crls" / "crl.pem", "X509 CRL").at(0);
  std::string error;
  auto crl = Crl::Parse(der, Source{"crls/crl.pem"}, &error);
  ASSERT_TRUE(crl) << error;
  EXPECT_EQ(crl->version(), 2);
  EXPECT_EQ(crl->issuer().text, "C=JP, O=SECOM Trust.net, OU=Security Communication RootCA1");
  EXPECT_EQ(FormatRfc3339(crl->this_update()), "2026-05-01T00:00:00Z");
  ASSERT_TRUE(crl->next_update());
  EXPECT_EQ(FormatRfc3339(*crl->next_update()), "2026-08-01T00:00:00Z");
  ASSERT_EQ(crl->entries().size(), 1u);
  EXPECT_EQ(crl->entries()[0].serial_hex, "0999");
  EXPECT_EQ(crl->entries()[0].reason_code, 1);
  EXPECT_EQ(crl->extensions().crl_number, "7");
  ASSERT_TRUE(crl->extensions().authority_key_identifier);
}

TEST(Crl, ParsesACrlWithoutNextUpdateOrEntries) {
  auto der = PemBlocks(testing::FixtureCase("cp-7.2-crl-next-update", "no-next-update") / "crls" /
                           "no-next-update.pem",
                       "X509 CRL")
                 .at(0);
  std::string error;
  auto crl = Crl::Parse(der, Source{"x"}, &error);
  ASSERT_TRUE(crl) << error;
  EXPECT_FALSE(crl->next_update());
  auto v1 = PemBlocks(testing::FixtureCase("cp-7.2.1-crl-version-v2", "version-1") / "crls" /
                          "version-1.pem",
                      "X509 CRL")
                .at(0);
  crl = Crl::Parse(v1, Source{"x"}, &error);
  ASSERT_TRUE(crl) << error;
  EXPECT_EQ(crl->version(), 1);
  EXPECT_TRUE(crl->entries().empty());
  EXPECT_FALSE(crl->has_extensions_field());
}

TEST(Crl, EveryTruncationIsAnErrorNeverACrash) {
  auto der = PemBlocks(testing::CompliantCase() / "crls" / "crl.pem", "X509 CRL").at(0);
  for (size_t n = 0; n < der.size(); ++n) {
    std::string error;
    EXPECT_FALSE(
        Crl::Parse(Bytes(der.begin(), der.begin() + static_cast<long>(n)), Source{"t"}, &error))
        << n;
    EXPECT_FALSE(error.empty());
  }
}

// What d2i_X509_CRL reads in the external corpora, the model reads with the same
// entries; the rest is rejected without a crash.
TEST(Crl, ReadsWhatOpenSslReadsInTheExternalCorpora) {
  std::vector<std::pair<std::filesystem::path, Bytes>> crls;
  for (const char* dir : {"external/zlint-testdata", "external/boringssl-pki/crl_unittest"}) {
    std::filesystem::path d = testing::SharedDir() / dir;
    if (!std::filesystem::is_directory(d)) GTEST_SKIP() << "no " << d;
    for (const auto& e : std::filesystem::directory_iterator(d)) {
      for (auto& der : PemBlocks(e.path(), "X509 CRL")) crls.emplace_back(e.path(), der);
    }
  }
  std::filesystem::path nist = testing::SharedDir() / "external/boringssl-pki/nist-pkits/crls";
  for (const auto& e : std::filesystem::directory_iterator(nist)) {
    std::string raw = testing::ReadFile(e.path());
    crls.emplace_back(e.path(), Bytes(raw.begin(), raw.end()));
  }
  size_t compared = 0;
  for (const auto& [file, der] : crls) {
    const unsigned char* p = der.data();
    X509_CRL* x = d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size()));
    std::string error;
    auto crl = Crl::Parse(der, Source{file.filename().string()}, &error);
    if (x == nullptr) continue;
    ASSERT_TRUE(crl) << file << ": " << error;
    ++compared;
    STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(x);
    size_t expected = revoked == nullptr ? 0 : static_cast<size_t>(sk_X509_REVOKED_num(revoked));
    EXPECT_EQ(expected, crl->entries().size()) << file;
    EXPECT_EQ(X509_CRL_get0_nextUpdate(x) != nullptr, crl->next_update().has_value()) << file;
    X509_CRL_free(x);
  }
  EXPECT_GT(compared, 100u);
}

}  // namespace
}  // namespace cpaudit
