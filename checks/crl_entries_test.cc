#include "checks/crl_entries.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(CrlEntries, RevocationDateNoLaterThanThisUpdate) {
  auto good = Evidence::Load(testing::CompliantCase());
  EXPECT_EQ(testing::RunPrimitive("crl-entries", "{}", "crl", *good).at(0).status, Status::kPass);
  auto bad =
      Evidence::Load(testing::FixtureCase("cp-7.2-crl-entries", "revoked-after-this-update"));
  auto o = testing::RunPrimitive("crl-entries", "{}", "crl", *bad).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("serial"), "0999");
}

TEST(CrlEntries, AnEmptyCrlIsNotApplicable) {
  auto ev = Evidence::Load(testing::FixtureCase("cp-7.2.1-crl-version-v2", "version-1"));
  EXPECT_EQ(testing::RunPrimitive("crl-entries", "{}", "crl", *ev).at(0).status,
            Status::kNotApplicable);
}

}  // namespace
}  // namespace cpaudit
