#include "harness/model/der_validator.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "harness/model/evidence.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

Bytes Hex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<DerViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.Text());
  return out;
}

// Every certificate, CRL and CSR the generator makes with OpenSSL is DER.
TEST(DerValidator, EveryGeneratedArtifactIsClean) {
  size_t checked = 0;
  for (const char* part : {"corpus/secom-rootca1-tsa", "corpus/demo"}) {
    for (const auto& e : fs::recursive_directory_iterator(testing::SourceDir() / part)) {
      if (!e.is_regular_file() || e.path().filename() == "expected.txt") continue;
      std::string ext = e.path().extension().string();
      if (ext != ".pem" && ext != ".crl") continue;
      std::string error;
      std::string text = testing::ReadFile(e.path());
      auto items = SplitEncoded(
          ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()), &error);
      if (!items) continue;  // the deliberately unreadable fixtures
      for (const auto& item : *items) {
        DerSchema schema = item.label == "X509 CRL" || ext == ".crl" ? DerSchema::kCrl
                           : item.label == "CERTIFICATE REQUEST"     ? DerSchema::kCsr
                                                                     : DerSchema::kCertificate;
        EXPECT_EQ(Texts(ValidateDer(item.der, schema)), std::vector<std::string>{}) << e.path();
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200u);
}

TEST(DerValidator, GenericRulesNameWhereAndWhat) {
  struct Case {
    const char* der;
    const char* expected;
  };
  // Each a CertificateList-shaped SEQUENCE whose first element is broken.
  const Case cases[] = {
      {"3003"
       "010101",
       "tbsCertList: BOOLEAN TRUE is encoded 0x01, not 0xff"},
      {"3004"
       "02020001",
       "tbsCertList: INTEGER is not minimally encoded"},
      {"3004"
       "0281010a",
       "tbsCertList: length is not minimally encoded"},
      {"3004"
       "030209ff",
       "tbsCertList: BIT STRING has 9 unused bits (0 to 7 allowed)"},
      {"3004"
       "030201ff",
       "tbsCertList: BIT STRING padding bits are not zero"},
      {"300d"
       "170b323630313031303030305a",
       "tbsCertList: UTCTime \"2601010000Z\" is not YYMMDDHHMMSSZ"},
      {"3003"
       "130126",
       "tbsCertList: PrintableString has a character outside its set"},
      {"3004"
       "0c02c3a9",
       ""},
      {"3004"
       "0c02c328",
       "tbsCertList: UTF8String is not valid UTF-8"},
      {"3008"
       "3106"
       "020102"
       "020101",
       "tbsCertList: SET OF elements are not in DER order"},
  };
  for (const Case& c : cases) {
    auto v = Texts(ValidateDer(Hex(c.der), DerSchema::kCrl));
    if (std::string(c.expected).empty()) {
      EXPECT_EQ(v, std::vector<std::string>{}) << c.der;
    } else {
      ASSERT_FALSE(v.empty()) << c.der;
      EXPECT_EQ(v[0], c.expected) << c.der;
    }
  }
  EXPECT_EQ(Texts(ValidateDer(Hex("30000000"), DerSchema::kCrl)),
            std::vector<std::string>{"CertificateList: 2 bytes after the outer structure"});
  EXPECT_EQ(Texts(ValidateDer(Hex("3080"), DerSchema::kCrl)),
            std::vector<std::string>{"CertificateList: indefinite length is not DER"});
}

// Nesting is bounded: a deep structure is one violation, not a stack overflow.
TEST(DerValidator, DeepNestingIsBounded) {
  Bytes nested = {0x05, 0x00};
  for (int i = 0; i < 60; ++i) {  // 60 SEQUENCEs around a NULL: 122 octets, short lengths
    Bytes outer = {0x30, static_cast<uint8_t>(nested.size())};
    outer.insert(outer.end(), nested.begin(), nested.end());
    nested = std::move(outer);
  }
  auto deep = Texts(ValidateDer(nested, DerSchema::kCsr));
  ASSERT_EQ(deep.size(), 1u) << ::testing::PrintToString(deep);
  EXPECT_NE(deep[0].find("nested more than 32 levels deep"), std::string::npos) << deep[0];
}

// Real certificates patched the way CA software breaks them: the violation
// names the field, and the certificate is still parsed.
TEST(DerValidator, PatchedCertificatesNameTheField) {
  auto der = testing::PemBlocks(testing::CompliantCase() / "certs/tsa.pem", "CERTIFICATE").at(0);
  // keyUsage is critical: 06 03 55 1d 0f 01 01 ff. TRUE as 0x01 instead.
  const Bytes critical_ku = {0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff};
  auto at = std::search(der.begin(), der.end(), critical_ku.begin(), critical_ku.end());
  ASSERT_NE(at, der.end());
  Bytes patched = der;
  patched[static_cast<size_t>(at - der.begin()) + 7] = 0x01;
  std::string error;
  auto cert = Certificate::Parse(patched, Source{"certs/tsa.pem", 0, 0}, &error);
  ASSERT_NE(cert, nullptr) << error;
  auto v = Texts(cert->der_violations());
  ASSERT_EQ(v.size(), 1u) << ::testing::PrintToString(v);
  EXPECT_EQ(v[0],
            "tbsCertificate.extensions[2] (X509v3 Key Usage).critical: BOOLEAN TRUE is encoded "
            "0x01, not 0xff");
  EXPECT_TRUE(Certificate::Parse(der, Source{}, &error)->der_violations().empty());
}

// SEQUENCEs and SETs read by position (the outer structure, the signed part,
// the CRL's revokedCertificates) must be constructed like any other: OpenSSL
// refuses a primitive one (found by the der_differential campaign).
TEST(DerValidator, APrimitiveSequenceIsNamed) {
  EXPECT_EQ(Texts(ValidateDer(Hex("1003020100"), DerSchema::kCertificate)),
            std::vector<std::string>{"Certificate: universal tag 16 is primitive; it must be "
                                     "constructed"});
  EXPECT_EQ(Texts(ValidateDer(Hex("30051003020100"), DerSchema::kCrl)),
            std::vector<std::string>{"tbsCertList: universal tag 16 is primitive; it must be "
                                     "constructed"});
  // tbsCertList { thisUpdate, revokedCertificates as a primitive SEQUENCE }
  EXPECT_EQ(Texts(ValidateDer(Hex("30153013"
                                  "170d3236303130313030303030305a"
                                  "1002"
                                  "0500"),
                              DerSchema::kCrl)),
            std::vector<std::string>{"tbsCertList.revokedCertificates: universal tag 16 is "
                                     "primitive; it must be constructed"});
}

TEST(DerValidator, ASecondKeyUsageAddsItsBits) {
  auto ev = Evidence::Load(testing::FixtureCase("cp-7.1.2-key-usage", "second-key-usage"));
  ASSERT_EQ(ev->certificates().size(), 1u);
  const Extensions& exts = ev->certificates()[0]->extensions();
  ASSERT_TRUE(exts.key_usage.has_value());
  EXPECT_NE(std::find(exts.key_usage->begin(), exts.key_usage->end(), "keyCertSign"),
            exts.key_usage->end());
  size_t duplicates = std::count_if(exts.list.begin(), exts.list.end(), [](const Extension& e) {
    return e.error == "duplicate extension";
  });
  EXPECT_EQ(duplicates, 1u);
}

}  // namespace
}  // namespace cpaudit
