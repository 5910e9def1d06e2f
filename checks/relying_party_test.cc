#include "checks/relying_party.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(RelyingParty, ChecksSignatureValidityAndRevocationAtTheEvaluationTime) {
  UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  auto good = Evidence::Load(testing::CompliantCase());
  for (const Outcome& o : testing::RunPrimitive("relying-party", "{}", "certificate", *good, at)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  auto ev = Evidence::Load(testing::FixtureCase("cp-9.6.3-relying-party", "revoked-and-expired"));
  auto outcomes = testing::RunPrimitive("relying-party", "{}", "certificate", *ev, at);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_NE(outcomes[0].violations.at(0).vars.at("problem").find("expired"), std::string::npos);
  EXPECT_NE(outcomes[1].violations.at(0).vars.at("problem").find("revoked"), std::string::npos);
}

TEST(RelyingParty, BeforeTheFirstCrlRevocationIsUnknown) {
  auto good = Evidence::Load(testing::CompliantCase());
  auto o = testing::RunPrimitive("relying-party", "{}", "certificate", *good,
                                 *ParseRfc3339("2026-02-01T00:00:00Z"))
               .at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("problem"),
            "no CRL of the issuer to check revocation against");
}

}  // namespace
}  // namespace cpaudit
