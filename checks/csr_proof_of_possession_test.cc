#include "checks/csr_proof_of_possession.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(CsrProofOfPossession, SignatureAndCertifiedKey) {
  auto good = Evidence::Load(testing::FixtureCase("compliant-lifecycle", "issue-and-revoke"));
  for (const Outcome& o : testing::RunPrimitive("csr-proof-of-possession", "{}", "csr", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  auto bad =
      Evidence::Load(testing::FixtureCase("cp-3.2.1-csr-proof-of-possession", "bad-signature"));
  EXPECT_EQ(testing::RunPrimitive("csr-proof-of-possession", "{}", "csr", *bad).at(0).status,
            Status::kFail);
  auto other = Evidence::Load(
      testing::FixtureCase("cp-3.2.1-csr-proof-of-possession", "other-key-certified"));
  auto o = testing::RunPrimitive("csr-proof-of-possession", "{}", "csr", *other).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("problem").find("certifies a different key"),
            std::string::npos);
}

}  // namespace
}  // namespace cpaudit
