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

// Only the issuer's newest CRL at the evaluation time must be in the snapshot.
TEST(Published, TheNewestCrlIsInTheRepository) {
  auto ev =
      Evidence::Load(testing::FixtureCase("cp-4.9.8-crl-in-repository", "newest-not-published"));
  const UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  auto outcomes = testing::RunPrimitive("published", "{}", "crl", *ev, at);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, Status::kNotApplicable);  // crls/crl-1.pem, superseded
  EXPECT_EQ(outcomes[1].status, Status::kFail);           // crls/crl-2.pem, the newest
  // Before the second CRL was issued, the first is the newest, and it is there.
  auto early =
      testing::RunPrimitive("published", "{}", "crl", *ev, *ParseRfc3339("2026-03-05T00:00:00Z"));
  EXPECT_EQ(early[0].status, Status::kPass);
  auto ok = Evidence::Load(testing::FixtureCase("cp-4.9.8-crl-in-repository", "newest-published"));
  EXPECT_EQ(testing::RunPrimitive("published", "{}", "crl", *ok, at).at(1).status, Status::kPass);
}

}  // namespace
}  // namespace cpaudit
