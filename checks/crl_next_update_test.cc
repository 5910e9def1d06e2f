#include "checks/crl_next_update.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

TEST(CrlNextUpdate, RequiredAndOrdered) {
  auto none = Evidence::Load(FixtureCase("cp-7.2-crl-next-update", "no-next-update"));
  EXPECT_EQ(RunPrimitive("crl-next-update", "{}", "crl", *none).at(0).status, Status::kFail);
  EXPECT_EQ(RunPrimitive("crl-next-update", "{required: false}", "crl", *none).at(0).status,
            Status::kNotApplicable);
  auto equal = Evidence::Load(FixtureCase("cp-7.2-crl-next-update", "next-equals-this"));
  EXPECT_EQ(RunPrimitive("crl-next-update", "{}", "crl", *equal).at(0).status, Status::kFail);
  EXPECT_EQ(RunPrimitive("crl-next-update", "{ordered: false}", "crl", *equal).at(0).status,
            Status::kPass);
}

TEST(CrlNextUpdate, AtMostOneCalendarYear) {
  auto exact = Evidence::Load(FixtureCase("cp-4.9.7-crl-validity-max-1y", "valid-exactly-1y"));
  EXPECT_EQ(RunPrimitive("crl-next-update", "{max_years: 1}", "crl", *exact).at(0).status,
            Status::kPass);
  auto over = Evidence::Load(FixtureCase("cp-4.9.7-crl-validity-max-1y", "valid-1y-1d"));
  auto o = RunPrimitive("crl-next-update", "{max_years: 1}", "crl", *over).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("next_update"), "2027-05-02T00:00:00Z");
}

TEST(CrlNextUpdate, ValidatesOptions) {
  EXPECT_THROW(RunPrimitive("crl-next-update", "{max_years: -1}", "crl", Evidence()), PackError);
  EXPECT_THROW(RunPrimitive("crl-next-update", "{max_years: one}", "crl", Evidence()), PackError);
}

}  // namespace
}  // namespace cpaudit
