#include "harness/assertion.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

// The declarative check `yaml` run on the compliant bundle's certificates
// (ta.pem, then tsa.pem).
std::vector<Outcome> Check(const std::string& yaml) {
  static const auto evidence = Evidence::Load(testing::CompliantCase());
  std::vector<std::pair<std::string, YAML::Node>> messages;
  auto check = CompileAssertion(YAML::Load(yaml), ArtifactKind::kCertificate, "t.yaml", {},
                                &messages);
  auto outcomes = testing::RunCheck(*check, "certificate", *evidence);
  EXPECT_EQ(outcomes.size(), 2u);
  return outcomes;
}

TEST(Assertion, CountNamesTheFirstValueOfTheField) {
  auto out = Check("{field: 'subject.attributes[*].type', count: 2}");
  ASSERT_EQ(out[1].status, Status::kFail);
  ASSERT_EQ(out[1].violations.size(), 1u);
  const auto& vars = out[1].violations[0].vars;
  EXPECT_EQ(vars.at("value"), "C");  // tsa.pem's subject starts with C=JP
  EXPECT_EQ(vars.at("attribute_value"), "JP");
  EXPECT_EQ(vars.at("count"), "4");
  EXPECT_EQ(vars.at("expected"), "exactly 2");
}

TEST(Assertion, CountWithoutValuesNamesNone) {
  auto out = Check("{field: extensions.name_constraints, present: true}");
  ASSERT_EQ(out[1].status, Status::kFail);
  const auto& vars = out[1].violations.at(0).vars;
  EXPECT_EQ(vars.at("value"), "");
  EXPECT_EQ(vars.at("count"), "0");
}

TEST(Assertion, ContainsLooksAtEveryValue) {
  EXPECT_EQ(Check("{field: 'subject.attributes[*].type', contains: [C, CN]}")[1].status,
            Status::kPass);
  auto out = Check("{field: 'subject.attributes[*].type', contains: [CN, L, ST]}");
  ASSERT_EQ(out[1].status, Status::kFail);
  ASSERT_EQ(out[1].violations.size(), 2u);  // one per missing value
  EXPECT_EQ(out[1].violations[0].vars.at("expected"), "L");
  EXPECT_EQ(out[1].violations[1].vars.at("expected"), "ST");
}

TEST(Assertion, AnyPassesWhenOneBranchHolds) {
  EXPECT_EQ(Check("{any: [{field: version, equals: 1}, {field: version, equals: 3}]}")[1].status,
            Status::kPass);
  auto out = Check("{any: [{field: version, equals: 1}, {field: version, equals: 2}]}");
  ASSERT_EQ(out[1].status, Status::kFail);
  EXPECT_EQ(out[1].violations.at(0).vars.at("expected"), "1");  // the first branch speaks
}

}  // namespace
}  // namespace cpaudit
