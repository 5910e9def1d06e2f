#include "checks/signature_valid.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

TEST(SignatureValid, PassesWhatTheCaSignedAndFailsWhatAnotherKeySigned) {
  auto good = Evidence::Load(testing::CompliantCase());
  for (const Outcome& o : RunPrimitive("signature-valid", "{}", "certificate", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  for (const Outcome& o : RunPrimitive("signature-valid", "{}", "crl", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  auto bad = Evidence::Load(FixtureCase("cp-4.3.1-signature-valid", "wrong-signer"));
  auto outcomes = RunPrimitive("signature-valid", "{}", "certificate", *bad);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, Status::kFail);
  auto corrupt = Evidence::Load(FixtureCase("cp-7.2-crl-signature-valid", "corrupt-signature"));
  EXPECT_EQ(RunPrimitive("signature-valid", "{}", "crl", *corrupt).at(0).status, Status::kFail);
}

TEST(SignatureValid, VerifiesOtherHashesToo) {
  auto ev = Evidence::Load(FixtureCase("cp-7.1.3-signature-algorithm", "sha256"));
  EXPECT_EQ(RunPrimitive("signature-valid", "{}", "certificate", *ev).at(0).status, Status::kPass);
}

TEST(SignatureValid, WithoutTheCaItIsNotEvaluated) {
  auto full = Evidence::Load(testing::CompliantCase());
  Evidence no_ca;
  no_ca.AddCertificate(full->certificates()[0]);
  auto o = RunPrimitive("signature-valid", "{}", "certificate", no_ca).at(0);
  EXPECT_EQ(o.status, Status::kNotEvaluated);
  EXPECT_FALSE(o.reason.empty());
}

TEST(SignatureValid, RejectsOptions) {
  EXPECT_THROW(RunPrimitive("signature-valid", "{key: x}", "certificate", Evidence()), PackError);
}

}  // namespace
}  // namespace cpaudit
