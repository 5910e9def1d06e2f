// The DER validator against OpenSSL (harness/model/openssl_round_trip.h) on
// every certificate, CRL and CSR of the fixtures and of the external corpora:
// no violation means OpenSSL reads the bytes and writes them back unchanged;
// OpenSSL writing them back otherwise means a violation.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "harness/model/certificate.h"
#include "harness/model/crl.h"
#include "harness/model/csr.h"
#include "harness/model/evidence.h"
#include "harness/model/openssl_round_trip.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

struct Tally {
  size_t artifacts = 0;
  size_t not_that_kind = 0;  // valid DER the model does not read as that artifact (OCSP, ...)
  size_t clean = 0;          // read, no violation: OpenSSL re-encodes it unchanged
  size_t with_violations = 0;
  size_t differs_caught = 0;  // OpenSSL re-encodes otherwise, and the validator says why
};

// Whether the model reads the bytes as an artifact of the schema's kind.
bool ModelReads(const Bytes& der, DerSchema schema) {
  std::string error;
  switch (schema) {
    case DerSchema::kCertificate:
      return Certificate::Parse(der, {}, &error) != nullptr;
    case DerSchema::kCrl:
      return Crl::Parse(der, {}, &error) != nullptr;
    case DerSchema::kCsr:
      return Csr::Parse(der, {}, &error) != nullptr;
  }
  return false;
}

// Which schema a PEM label or a DER file's extension names.
std::optional<DerSchema> SchemaOf(const std::string& label, const fs::path& file) {
  if (label == "CERTIFICATE") return DerSchema::kCertificate;
  if (label == "X509 CRL") return DerSchema::kCrl;
  if (label == "CERTIFICATE REQUEST") return DerSchema::kCsr;
  if (!label.empty()) return std::nullopt;
  std::string ext = file.extension().string();
  if (ext == ".crl") return DerSchema::kCrl;
  if (ext == ".der" || ext == ".crt" || ext == ".cer") return DerSchema::kCertificate;
  return std::nullopt;
}

// The property on one artifact read as `schema`.
void CheckProperty(const Bytes& der, DerSchema schema, const std::string& what, Tally* tally) {
  std::vector<DerViolation> violations = ValidateDer(der, schema);
  if (violations.empty() && !ModelReads(der, schema)) {
    ++tally->not_that_kind;
    return;
  }
  ++tally->artifacts;
  RoundTrip trip = OpenSslRoundTrip(der, schema);
  if (violations.empty()) {
    ++tally->clean;
    EXPECT_EQ(trip, RoundTrip::kIdentical)
        << what << ": valid DER to the validator, but OpenSSL "
        << (trip == RoundTrip::kUnreadable ? "cannot read it" : "re-encodes it otherwise");
    return;
  }
  ++tally->with_violations;
  tally->differs_caught += trip == RoundTrip::kDiffers ? 1 : 0;
}

void CheckFile(const fs::path& file, Tally* tally) {
  std::string text = testing::ReadFile(file);
  std::string error;
  auto items =
      SplitEncoded(ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()), &error);
  if (!items) return;
  for (const EncodedItem& item : *items) {
    if (auto schema = SchemaOf(item.label, file)) {
      CheckProperty(item.der, *schema, file.string() + " (" + item.label + ")", tally);
    }
  }
}

void CheckTree(const fs::path& root, Tally* tally) {
  ASSERT_TRUE(fs::is_directory(root)) << root;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) CheckFile(entry.path(), tally);
  }
}

void Print(const char* what, const Tally& t) {
  std::cout << fmt::format(
      "{}: {} artifacts; {} valid DER, each re-encoded unchanged by OpenSSL; {} with "
      "violations, {} of them re-encoded otherwise by OpenSSL; {} not read as their kind\n",
      what, t.artifacts, t.clean, t.with_violations, t.differs_caught, t.not_that_kind);
}

TEST(DerDifferential, TheValidatorAndOpenSslAgreeOnEveryFixture) {
  Tally tally;
  CheckTree(testing::SourceDir() / "corpus", &tally);
  Print("fixtures", tally);
  EXPECT_GT(tally.artifacts, 500u);
  EXPECT_GT(tally.with_violations, 0u);  // the der-* fixtures
}

// What the fuzzer found (fuzz/regressions/der_differential/), as the fuzzer
// reads it: as each of the three.
TEST(DerDifferential, TheFuzzerFindingsHold) {
  Tally tally;
  for (const auto& e :
       fs::directory_iterator(testing::SourceDir() / "fuzz/regressions/der_differential")) {
    std::string raw = testing::ReadFile(e.path());
    Bytes der(raw.begin(), raw.end());
    for (DerSchema schema : {DerSchema::kCertificate, DerSchema::kCrl, DerSchema::kCsr}) {
      CheckProperty(der, schema, e.path().string(), &tally);
    }
  }
  EXPECT_GE(tally.with_violations, 1u);
}

// OpenSSL keeps much of what it read (names, times, extension values,
// BOOLEAN octets) and writes it back as it was; a length it re-encodes.
TEST(DerDifferential, AReEncodingThatDiffersIsAViolation) {
  Bytes der = testing::PemBlocks(testing::CompliantCase() / "certs/tsa.pem", "CERTIFICATE").at(0);
  ASSERT_EQ(der[1], 0x82);  // a two-octet length
  Bytes padded = {0x30, 0x83, 0x00};
  padded.insert(padded.end(), der.begin() + 2, der.end());
  EXPECT_EQ(OpenSslRoundTrip(der, DerSchema::kCertificate), RoundTrip::kIdentical);
  EXPECT_TRUE(ValidateDer(der, DerSchema::kCertificate).empty());
  EXPECT_EQ(OpenSslRoundTrip(padded, DerSchema::kCertificate), RoundTrip::kDiffers);
  auto violations = ValidateDer(padded, DerSchema::kCertificate);
  ASSERT_FALSE(violations.empty());
  EXPECT_NE(violations[0].what.find("length"), std::string::npos) << violations[0].Text();
}

TEST(DerDifferential, TheValidatorAndOpenSslAgreeOnTheExternalCorpora) {
  Tally tally;
  CheckTree(testing::SharedDir() / "external", &tally);
  Print("external", tally);
  EXPECT_GT(tally.artifacts, 1000u);
}

}  // namespace
}  // namespace cpaudit
