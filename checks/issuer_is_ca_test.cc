#include "checks/issuer_is_ca.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(IssuerIsCa, ComparesTheIssuerWithTheCaSubject) {
  auto good = Evidence::Load(testing::CompliantCase());
  for (const Outcome& o : testing::RunPrimitive("issuer-is-ca", "{}", "certificate", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  auto bad = Evidence::Load(testing::FixtureCase("cp-7.2-crl-issuer-is-ca", "other-issuer"));
  auto o = testing::RunPrimitive("issuer-is-ca", "{}", "crl", *bad).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("expected"),
            "C=JP, O=SECOM Trust.net, OU=Security Communication RootCA1");
}

TEST(IssuerIsCa, NotEvaluatedWithoutACa) {
  auto good = Evidence::Load(testing::CompliantCase());
  Evidence no_ca;
  no_ca.AddCrl(good->crls()[0]);
  EXPECT_EQ(testing::RunPrimitive("issuer-is-ca", "{}", "crl", no_ca).at(0).status,
            Status::kNotEvaluated);
}

}  // namespace
}  // namespace cpaudit
