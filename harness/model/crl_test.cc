#include "harness/model/crl.h"

#include <gtest/gtest.h>
#include <openssl/x509.h>

#include "bench/synthetic.h"
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
  ASSERT_EQ(crl->entry_stats().count, 1u);
  EXPECT_EQ(crl->entry_stats().key_compromise, 1u);
  EXPECT_EQ(crl->entry_stats().without_reason, 0u);
  std::vector<std::string> serials;
  crl->ForEachEntry([&](const CrlEntry& e) {
    serials.push_back(e.SerialHex());
    EXPECT_EQ(e.reason_code, 1);
    EXPECT_EQ(e.ExtensionOids(), std::vector<std::string>{"2.5.29.21"});
    EXPECT_EQ(e.extension_error, nullptr);
  });
  EXPECT_EQ(serials, std::vector<std::string>{"0999"});
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
  EXPECT_EQ(crl->entry_stats().count, 0u);
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

// OpenSSL keeps a negative INTEGER as sign and magnitude; compare the DER.
std::string OpenSslSerialHex(const ASN1_INTEGER* serial) {
  unsigned char* der = nullptr;
  int n = i2d_ASN1_INTEGER(serial, &der);
  std::string error;
  auto tlv = der::Reader(ByteView(der, static_cast<size_t>(std::max(n, 0)))).Next(&error);
  std::string hex = tlv ? SerialHex(tlv->content) : "unreadable";
  OPENSSL_free(der);
  return hex;
}

// The model's entry walk against d2i_X509_CRL's materialised entries: the same
// serials, dates and reasons, in the same order.
void ExpectSameEntries(X509_CRL* x, const Crl& crl, const std::string& what) {
  STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(x);
  int n = revoked == nullptr ? 0 : sk_X509_REVOKED_num(revoked);
  ASSERT_EQ(static_cast<size_t>(n), crl.entry_stats().count) << what;
  int i = 0;
  crl.ForEachEntry([&](const CrlEntry& e) {
    const X509_REVOKED* r = sk_X509_REVOKED_value(revoked, i++);
    EXPECT_EQ(OpenSslSerialHex(X509_REVOKED_get0_serialNumber(r)), e.SerialHex()) << what;
    std::tm tm{};
    ASSERT_EQ(ASN1_TIME_to_tm(X509_REVOKED_get0_revocationDate(r), &tm), 1) << what;
    EXPECT_EQ(FromUtc(tm), e.revocation_date) << what;
    int critical = 0;
    auto* reason = static_cast<ASN1_ENUMERATED*>(
        X509_REVOKED_get_ext_d2i(r, NID_crl_reason, &critical, nullptr));
    if (reason != nullptr && e.extension_error == nullptr) {
      EXPECT_EQ(e.reason_code, ASN1_ENUMERATED_get(reason)) << what;
    } else if (critical != -2) {  // -2: more than one reasonCode
      EXPECT_FALSE(e.reason_code) << what;
    }
    ASN1_ENUMERATED_free(reason);
    EXPECT_EQ(static_cast<size_t>(X509_REVOKED_get_ext_count(r)), e.ExtensionOids().size()) << what;
  });
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
    ExpectSameEntries(x, *crl, file.string());
    EXPECT_EQ(X509_CRL_get0_nextUpdate(x) != nullptr, crl->next_update().has_value()) << file;
    X509_CRL_free(x);
  }
  EXPECT_GT(compared, 100u);
}

// The same on a CRL of 200,000 entries (bench/synthetic.h), one without a
// reasonCode: the walk that never materialises entries reads what
// d2i_X509_CRL materialises.
TEST(Crl, EntriesEqualOpenSslsOnALargeCrl) {
  const auto& ca = synthetic::DemoCa(testing::SourceDir());
  std::string der = synthetic::MakeCrlDer(ca, {1, 2, 3}, 200000, 77);
  Bytes bytes(der.begin(), der.end());
  std::string error;
  auto crl = Crl::Parse(bytes, Source{"crls/large.der"}, &error);
  ASSERT_TRUE(crl) << error;
  EXPECT_EQ(crl->entry_stats().count, 200003u);
  EXPECT_EQ(crl->entry_stats().without_reason, 1u);
  EXPECT_EQ(crl->entry_stats().key_compromise, 3u);
  EXPECT_EQ(crl->entry_stats().duplicate_count, 0u);  // the bit filter's candidates counted exactly
  const unsigned char* p = bytes.data();
  X509_CRL* x = d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size()));
  ASSERT_NE(x, nullptr);
  ExpectSameEntries(x, *crl, "large");
  X509_CRL_free(x);
}

// Serials listed twice among 100,000 others: each found once, the list capped.
TEST(Crl, FindsEverySerialListedTwice) {
  const auto& ca = synthetic::DemoCa(testing::SourceDir());
  std::vector<long> revoked;
  for (long i = 0; i < 60; ++i) revoked.push_back(i);
  for (long i = 0; i < 60; ++i) revoked.push_back(i);
  revoked.push_back(0);  // a third time: still one duplicate serial
  std::string der = synthetic::MakeCrlDer(ca, revoked, 100000, -1);
  std::string error;
  auto crl = Crl::Parse(Bytes(der.begin(), der.end()), Source{"crls/twice.der"}, &error);
  ASSERT_TRUE(crl) << error;
  EXPECT_EQ(crl->entry_stats().duplicate_count, 60u);
  EXPECT_EQ(crl->entry_stats().duplicate_serials.size(), kMaxListedDuplicates);
}

// The same on every CRL the fixture generator makes (entries with and without
// reasons, holds, late dates, several CRLs of one issuer).
TEST(Crl, EntriesEqualOpenSslsOnEveryFixtureCrl) {
  size_t compared = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(testing::SourceDir() / "corpus")) {
    if (e.path().parent_path().filename() != "crls") continue;
    for (auto& der : PemBlocks(e.path(), "X509 CRL")) {
      const unsigned char* p = der.data();
      X509_CRL* x = d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size()));
      ASSERT_NE(x, nullptr) << e.path();
      std::string error;
      auto crl = Crl::Parse(der, Source{"x"}, &error);
      ASSERT_TRUE(crl) << e.path() << ": " << error;
      ExpectSameEntries(x, *crl, e.path().string());
      X509_CRL_free(x);
      ++compared;
    }
  }
  EXPECT_GT(compared, 20u);
}

}  // namespace
}  // namespace cpaudit
