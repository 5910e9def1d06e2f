#include "harness/fields.h"

#include <gtest/gtest.h>

#include "harness/evidence_index.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const Certificate> Load(const fs::path& file) {
  std::string error;
  auto cert =
      Certificate::Parse(testing::PemBlocks(file, "CERTIFICATE").at(0), Source{"c"}, &error);
  EXPECT_TRUE(cert) << file << ": " << error;
  return cert;
}

// Every value a certificate field yields, as messages show them; `issuer` is
// the issuing CA's certificate, when there is one.
std::vector<std::string> Values(const std::string& path, const Certificate& cert,
                                const Certificate* issuer = nullptr) {
  const FieldDef* field = FindField(ArtifactKind::kCertificate, path);
  EXPECT_NE(field, nullptr) << path;
  if (field == nullptr) return {};
  Evidence evidence;
  BusinessCalendar calendar;
  EvidenceIndex index(evidence, calendar);
  Artifact artifact{ArtifactKind::kCertificate, &cert};
  CaCertificate ca;
  // A non-owning pointer: the caller keeps the issuer alive.
  ca.certificate = std::shared_ptr<const Certificate>(std::shared_ptr<const Certificate>{}, issuer);
  EvalContext ctx{evidence, artifact, issuer != nullptr ? &ca : nullptr, "tsa", nullptr, 0,
                  &index,   nullptr};
  std::vector<std::string> out;
  FieldSink sink = [&](const FieldValue& v) { out.push_back(FormatValue(field->type, v.value)); };
  field->get(ctx, &sink);
  return out;
}

using V = std::vector<std::string>;

fs::path Zlint(const std::string& name) {
  return testing::SharedDir() / "external" / "zlint-testdata" / name;
}

TEST(Fields, KeySizesAndCurves) {
  auto tsa = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  EXPECT_EQ(Values("public_key.bits", *tsa), V{"2048"});
  EXPECT_EQ(Values("public_key.ec_curve", *tsa), V{});
  if (!fs::exists(Zlint("eccP384.pem"))) GTEST_SKIP() << "no ../shared";
  auto p384 = Load(Zlint("eccP384.pem"));
  EXPECT_EQ(Values("public_key.ec_curve", *p384), V{"P-384"});
  EXPECT_EQ(Values("public_key.bits", *p384), V{"384"});
  EXPECT_EQ(Values("public_key.rsa_bits", *p384), V{});
  EXPECT_EQ(Values("public_key.bits", *Load(Zlint("eccP521.pem"))), V{"521"});
}

TEST(Fields, SignatureHashAndPssParameters) {
  auto tsa = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  EXPECT_EQ(Values("signature.hash", *tsa), V{"SHA1"});
  EXPECT_EQ(Values("signature.pss", *tsa), V{"false"});
  EXPECT_EQ(Values("signature.pss.salt_length", *tsa), V{});
  if (!fs::exists(Zlint("eccP521.pem"))) GTEST_SKIP() << "no ../shared";
  EXPECT_EQ(Values("signature.hash", *Load(Zlint("eccP521.pem"))), V{"SHA256"});
  auto pss = Load(Zlint("code_signing_cs_rsa_pss_sha384.pem"));
  EXPECT_EQ(Values("signature.pss", *pss), V{"true"});
  EXPECT_EQ(Values("signature.hash", *pss), V{"SHA384"});
  EXPECT_EQ(Values("signature.pss.mgf_hash", *pss), V{"SHA384"});
  EXPECT_EQ(Values("signature.pss.salt_length", *pss), V{"48"});
  EXPECT_EQ(Values("signature.pss.trailer_field", *pss), V{"1"});
}

TEST(Fields, ValidityAsTimesAndDays) {
  auto tsa = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  EXPECT_EQ(Values("validity.not_before", *tsa), V{"2026-01-05T00:00:00Z"});
  int64_t seconds = tsa->not_after() - tsa->not_before() + 1;
  EXPECT_EQ(Values("validity.duration_days", *tsa), V{std::to_string((seconds + 86399) / 86400)});
}

TEST(Fields, QualifiersInOrderWithTheirKinds) {
  auto tsa = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  EXPECT_EQ(Values("certificate_policies.qualifiers[*].kind", *tsa), V{"cps"});
  EXPECT_EQ(Values("certificate_policies.qualifiers[*].value", *tsa),
            V{"https://repository.secomtrust.net/SC-Root1/"});
}

TEST(Fields, IssuerCertificatePathsReadTheIssuingCa) {
  auto tsa = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  auto root = Load(testing::CompliantCase() / "ca" / "ca.pem");
  EXPECT_EQ(Values("issuer_certificate.subject.dn", *tsa, root.get()), V{root->subject().text});
  EXPECT_EQ(Values("issuer_certificate.subject_key_identifier", *tsa, root.get()),
            Values("authority_key_identifier.key_id", *tsa));
  EXPECT_EQ(Values("issuer_certificate.subject.dn", *tsa), V{});  // no issuing CA
  EXPECT_TRUE(FindField(ArtifactKind::kCrl, "issuer_certificate.validity.not_after")->needs_issuer);
  EXPECT_EQ(FindField(ArtifactKind::kCertificate, "issuer_certificate.profile"), nullptr);
}

}  // namespace
}  // namespace cpaudit
