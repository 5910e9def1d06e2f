#include "harness/assertion.h"

#include <gtest/gtest.h>

#include "harness/pack.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

// The declarative check `yaml` run on the compliant bundle's certificates
// (ta.pem, then tsa.pem).
std::vector<Outcome> Check(const std::string& yaml) {
  static const auto evidence = Evidence::Load(testing::CompliantCase());
  std::vector<std::pair<std::string, YAML::Node>> messages;
  auto check =
      CompileAssertion(YAML::Load(yaml), ArtifactKind::kCertificate, "t.yaml", {}, &messages);
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

TEST(Assertion, ComparesIntegersAndTimesWithLiterals) {
  EXPECT_EQ(Check("{field: public_key.bits, '>=': 2048}")[1].status, Status::kPass);
  auto out = Check("{field: public_key.bits, '>=': 3072}");
  ASSERT_EQ(out[1].status, Status::kFail);
  EXPECT_EQ(out[1].violations.at(0).vars.at("value"), "2048");
  EXPECT_EQ(out[1].violations.at(0).vars.at("expected"), "at least 3072");
  out = Check("{field: validity.not_before, '<': '2026-01-01T00:00:00Z'}");
  ASSERT_EQ(out[1].status, Status::kFail);
  EXPECT_EQ(out[1].violations.at(0).vars.at("value"), "2026-01-05T00:00:00Z");
  EXPECT_EQ(out[1].violations.at(0).vars.at("expected"), "less than 2026-01-01T00:00:00Z");
}

TEST(Assertion, ComparesWithTheIssuingCasCertificate) {
  EXPECT_EQ(Check("{field: validity.not_after, '<=': {field: "
                  "issuer_certificate.validity.not_after}}")[1]
                .status,
            Status::kPass);
  EXPECT_EQ(Check("{field: authority_key_identifier.key_id, equals: {field: "
                  "issuer_certificate.subject_key_identifier}}")[1]
                .status,
            Status::kPass);
  auto out =
      Check("{field: validity.not_after, '>': {field: issuer_certificate.validity.not_after}}");
  ASSERT_EQ(out[1].status, Status::kFail);
  EXPECT_NE(
      out[1].violations.at(0).vars.at("expected").find("(issuer_certificate.validity.not_after)"),
      std::string::npos);
}

TEST(Assertion, AnOperandWithoutOneValueIsNotEvaluated) {
  auto full = Evidence::Load(testing::CompliantCase());
  Evidence no_ca;
  no_ca.AddCertificate(full->certificates()[1]);
  std::vector<std::pair<std::string, YAML::Node>> messages;
  auto check = CompileAssertion(
      YAML::Load(
          "{field: validity.not_after, '<=': {field: issuer_certificate.validity.not_after}}"),
      ArtifactKind::kCertificate, "t.yaml", {}, &messages);
  auto out = testing::RunCheck(*check, "certificate", no_ca).at(0);
  EXPECT_EQ(out.status, Status::kNotEvaluated);
  EXPECT_EQ(out.reason, "no CA certificate in the evidence matches the issuer");

  auto several = Check("{field: subject.dn, equals: {field: 'subject.attributes[*].value'}}");
  EXPECT_EQ(several[1].status, Status::kNotEvaluated);
  EXPECT_NE(several[1].reason.find("has 4 values"), std::string::npos) << several[1].reason;
  // What fails on its own still fails.
  auto failing = Check(
      "{all: [{field: version, equals: 2}, {field: subject.dn, equals: {field: "
      "'subject.attributes[*].value'}}]}");
  EXPECT_EQ(failing[1].status, Status::kFail);
}

TEST(Assertion, ComparisonsNameTheirMistakes) {
  auto error = [](const std::string& yaml) {
    std::vector<std::pair<std::string, YAML::Node>> messages;
    try {
      CompileAssertion(YAML::Load(yaml), ArtifactKind::kCertificate, "t.yaml", {}, &messages);
    } catch (const PackError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("{field: subject.dn, '<': 3}").find("compares integer and time fields"),
            std::string::npos);
  EXPECT_NE(error("{field: public_key.bits, '<=': {field: validity.not_after}}")
                .find("public_key.bits (integer) and validity.not_after (time) differ in type"),
            std::string::npos);
  EXPECT_NE(error("{field: validity.not_after, '<': yesterday}").find("RFC 3339"),
            std::string::npos);
  EXPECT_NE(error("{field: version, '>=': {field: no.such.path}}").find("unknown field path"),
            std::string::npos);
}

}  // namespace
}  // namespace cpaudit
