#include "checks/crl_entry_reasons.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(CrlEntryReasons, EveryEntryNeedsAReason) {
  auto good = Evidence::Load(testing::CompliantCase());
  EXPECT_EQ(testing::RunPrimitive("crl-entry-reasons", "{}", "crl", *good).at(0).status,
            Status::kPass);
  auto bad = Evidence::Load(testing::FixtureCase("cp-4.9.8-reasons-published", "no-reason"));
  auto o = testing::RunPrimitive("crl-entry-reasons", "{}", "crl", *bad).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("serial"), "0999");
}

TEST(CrlEntryReasons, NotApplicableWhenPublishedSeparately) {
  auto bad = Evidence::Load(testing::FixtureCase("cp-4.9.8-reasons-published", "no-reason"));
  EXPECT_EQ(testing::RunPrimitive("crl-entry-reasons", "{published_separately: true}", "crl", *bad)
                .at(0)
                .status,
            Status::kNotApplicable);
}

}  // namespace
}  // namespace cpaudit
