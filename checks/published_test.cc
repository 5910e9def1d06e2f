#include "checks/published.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(Published, ComparesWithTheRepositorySnapshot) {
  auto ev = Evidence::Load(testing::FixtureCase("cp-4.4.2-published", "not-in-repository"));
  auto outcomes = testing::RunPrimitive("published", "{}", "certificate", *ev);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, Status::kFail);  // certs/ta.pem
  EXPECT_EQ(outcomes[1].status, Status::kPass);  // certs/tsa.pem
  auto none = Evidence::Load(testing::CompliantCase());
  EXPECT_EQ(testing::RunPrimitive("published", "{}", "certificate", *none).at(0).status,
            Status::kNotEvaluated);
}

}  // namespace
}  // namespace cpaudit
