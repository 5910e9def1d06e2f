#include "checks/unique.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(Unique, SerialsPerIssuer) {
  auto good = Evidence::Load(testing::CompliantCase());
  for (const Outcome& o : testing::RunPrimitive("unique", "{key: serial}", "corpus", *good)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
  auto bad = Evidence::Load(testing::FixtureCase("cp-7.1-serial-unique", "shared-serial"));
  auto outcomes = testing::RunPrimitive("unique", "{key: serial}", "corpus", *bad);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].violations.at(0).vars.at("others"), "certs/tsa.pem");
  EXPECT_EQ(outcomes[1].violations.at(0).vars.at("others"), "certs/ta.pem");
}

TEST(Unique, SubjectsAndKeys) {
  auto good = Evidence::Load(testing::CompliantCase());
  Evidence twice;
  twice.AddCertificate(good->certificates()[0]);
  twice.AddCertificate(good->certificates()[0]);
  twice.AddCertificate(good->certificates()[1]);
  for (const char* key : {"{key: subject}", "{key: public_key}"}) {
    ASSERT_EQ(testing::RunPrimitive("unique", key, "corpus", twice).size(), 3u);
    auto outcomes = testing::RunPrimitive("unique", key, "corpus", twice);
    EXPECT_EQ(outcomes[0].status, Status::kFail) << key;
    EXPECT_EQ(outcomes[1].status, Status::kFail) << key;
    EXPECT_EQ(outcomes[2].status, Status::kPass) << key;
  }
}

TEST(Unique, ValidatesItsKey) {
  EXPECT_THROW(testing::RunPrimitive("unique", "{key: colour}", "corpus", Evidence()), PackError);
}

}  // namespace
}  // namespace cpaudit
