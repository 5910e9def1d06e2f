#include "checks/validity_period.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

TEST(ValidityPeriod, PassesAPeriodInsideTheCas) {
  auto good = Evidence::Load(testing::CompliantCase());
  for (const Outcome& o : RunPrimitive("validity-period", "{}", "certificate", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
}

TEST(ValidityPeriod, FailsAPeriodThatOutlivesTheCa) {
  auto ev = Evidence::Load(FixtureCase("cp-7.1-validity-within-ca", "outlives-ca"));
  auto o = RunPrimitive("validity-period", "{within_ca: true}", "certificate", *ev).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("problem").find("after the CA's notAfter"),
            std::string::npos);
  // The ordering check alone does not look at the CA.
  EXPECT_EQ(RunPrimitive("validity-period", "{}", "certificate", *ev).at(0).status, Status::kPass);
}

TEST(ValidityPeriod, FailsAnInvertedPeriod) {
  auto ev = Evidence::Load(FixtureCase("cp-7.1-validity-period", "ends-before-start"));
  auto o = RunPrimitive("validity-period", "{}", "certificate", *ev).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.size(), 1u);
}

}  // namespace
}  // namespace cpaudit
