// The corpus primitives of chapter 4 on their fixtures: subject-unique,
// no-key-reuse-after-compromise, crl-continuity, crl-interval.

#include <gtest/gtest.h>

#include "checks/crl_continuity.h"
#include "checks/crl_interval.h"
#include "checks/key_reuse.h"
#include "checks/subject_unique.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

const UnixTime kAt = *ParseRfc3339("2026-06-01T00:00:00Z");

std::vector<Status> Statuses(const std::vector<Outcome>& outcomes) {
  std::vector<Status> s;
  for (const auto& o : outcomes) s.push_back(o.status);
  return s;
}

TEST(SubjectUnique, ScopeSubscriberAllowsRenewalAndCertificateDoesNot) {
  auto renewal = Evidence::Load(FixtureCase("cp-3.1.5-subject-reused", "renewal-same-subscriber"));
  EXPECT_EQ(Statuses(RunPrimitive("subject-unique", "{}", "corpus", *renewal, kAt)),
            (std::vector<Status>{Status::kPass, Status::kPass}));
  auto strict = RunPrimitive("subject-unique", "{scope: certificate}", "corpus", *renewal, kAt);
  EXPECT_EQ(Statuses(strict), (std::vector<Status>{Status::kFail, Status::kFail}));
  auto two = Evidence::Load(FixtureCase("cp-3.1.5-subject-unique", "two-subscribers"));
  EXPECT_EQ(Statuses(RunPrimitive("subject-unique", "{}", "corpus", *two, kAt)),
            (std::vector<Status>{Status::kFail, Status::kFail}));
}

// What the literal reading forbids and scope subscriber allows is still told.
TEST(SubjectUnique, SameSubscriberSharingADnIsReportedApart) {
  auto renewal = Evidence::Load(FixtureCase("cp-3.1.5-subject-reused", "renewal-same-subscriber"));
  const char* reused = "{report: same_subscriber}";
  auto outcomes = RunPrimitive("subject-unique", reused, "corpus", *renewal, kAt);
  ASSERT_EQ(Statuses(outcomes), (std::vector<Status>{Status::kFail, Status::kFail}));
  EXPECT_NE(outcomes[0].violations.at(0).vars.at("detail").find("the same subscriber's"),
            std::string::npos);
  // Two subscribers sharing a DN are the scope rule's error, not this notice.
  auto two = Evidence::Load(FixtureCase("cp-3.1.5-subject-unique", "two-subscribers"));
  EXPECT_EQ(Statuses(RunPrimitive("subject-unique", reused, "corpus", *two, kAt)),
            (std::vector<Status>{Status::kPass, Status::kPass}));
  // Under scope certificate every shared DN is already an error.
  auto literal = RunPrimitive("subject-unique", "{scope: certificate, report: same_subscriber}",
                              "corpus", *renewal, kAt);
  EXPECT_EQ(Statuses(literal),
            (std::vector<Status>{Status::kNotApplicable, Status::kNotApplicable}));
}

TEST(SubjectUnique, NoSubscriberOnRecordIsAWarning) {
  auto full = Evidence::Load(FixtureCase("cp-3.1.5-subject-reused", "renewal-same-subscriber"));
  Evidence no_events;
  for (const auto& c : full->certificates()) no_events.AddCertificate(c);
  auto outcomes = RunPrimitive("subject-unique", "{}", "corpus", no_events, kAt);
  ASSERT_EQ(outcomes.at(0).status, Status::kFail);
  EXPECT_EQ(outcomes.at(0).violations.at(0).severity, Severity::kWarning);
}

TEST(Unique, AReissueThatReplacesTheOldSerialMayKeepTheKey) {
  auto reissue =
      Evidence::Load(FixtureCase("cp-4.6-no-renewal-without-rekey", "reissue-keeps-key"));
  const char* options = "{key: public_key, except_replaced: true}";
  EXPECT_EQ(Statuses(RunPrimitive("unique", options, "corpus", *reissue, kAt)),
            (std::vector<Status>{Status::kPass, Status::kPass}));
  // Without the exception, or without `replaces`, the shared key fails.
  EXPECT_EQ(Statuses(RunPrimitive("unique", "{key: public_key}", "corpus", *reissue, kAt)),
            (std::vector<Status>{Status::kFail, Status::kFail}));
  auto renewal = Evidence::Load(FixtureCase("cp-4.6-no-renewal-without-rekey", "same-key"));
  EXPECT_EQ(Statuses(RunPrimitive("unique", options, "corpus", *renewal, kAt)),
            (std::vector<Status>{Status::kFail, Status::kFail}));
}

TEST(NoSuspension, FindsHoldsOnCrlsAndInTheLog) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.9-no-suspension", "hold-in-the-log"));
  auto outcomes = RunPrimitive("no-suspension", "{}", "corpus", *ev, kAt);
  // Two CRLs (the second lists the hold) and one certificate_revoked event.
  ASSERT_EQ(Statuses(outcomes), (std::vector<Status>{Status::kPass, Status::kFail, Status::kFail}));
  EXPECT_NE(outcomes[2].violations.at(0).vars.at("detail").find("reason certificateHold"),
            std::string::npos);
  auto on_hold = Evidence::Load(FixtureCase("cp-4.9.9-no-suspension", "on-hold"));
  auto crl = RunPrimitive("no-suspension", "{}", "corpus", *on_hold, kAt);
  ASSERT_EQ(crl.size(), 1u);
  EXPECT_EQ(crl[0].violations.size(), 2u);  // a certificateHold entry and a holdInstructionCode
  auto good = Evidence::Load(FixtureCase("compliant-lifecycle", "issue-and-revoke"));
  for (const auto& o : RunPrimitive("no-suspension", "{}", "corpus", *good, kAt)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
}

TEST(KeyReuse, ACompromisedKeyCertifiedLaterFails) {
  auto ev = Evidence::Load(
      FixtureCase("cp-4.7.1-no-key-reuse-after-compromise", "compromised-key-reused"));
  auto outcomes = RunPrimitive("no-key-reuse-after-compromise", "{}", "corpus", *ev, kAt);
  // certs/ta.pem (the reuse) fails; certs/tsa.pem (the compromised one) passes.
  EXPECT_EQ(Statuses(outcomes), (std::vector<Status>{Status::kFail, Status::kPass}));
  auto good = Evidence::Load(testing::FixtureCase("compliant-lifecycle", "issue-and-revoke"));
  for (const auto& o : RunPrimitive("no-key-reuse-after-compromise", "{}", "corpus", *good, kAt)) {
    EXPECT_EQ(o.status, Status::kPass);
  }
}

TEST(CrlContinuity, ADroppedSerialFailsOnTheCrlThatDropsIt) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9-revoked-stays-listed", "dropped-serial"));
  auto outcomes = RunPrimitive("crl-continuity", "{}", "corpus", *ev, kAt);
  ASSERT_EQ(Statuses(outcomes), (std::vector<Status>{Status::kPass, Status::kFail}));
  EXPECT_EQ(outcomes[1].violations.at(0).vars.at("serial"), "0999");
  // A serial may leave the CRL once its certificate has expired.
  auto demo = Evidence::Load(testing::SourceDir() / "corpus/demo");
  for (const auto& o : RunPrimitive("crl-continuity", "{}", "corpus", *demo, kAt)) {
    EXPECT_NE(o.status, Status::kFail);
  }
}

TEST(CrlInterval, AGapOfMoreThanAYearFails) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.7-crl-interval", "gap-over-a-year"));
  EXPECT_EQ(Statuses(RunPrimitive("crl-interval", "{max_years: 1}", "corpus", *ev, kAt)),
            (std::vector<Status>{Status::kPass, Status::kFail}));
  EXPECT_EQ(Statuses(RunPrimitive("crl-interval", "{max_years: 2}", "corpus", *ev, kAt)),
            (std::vector<Status>{Status::kPass, Status::kPass}));
}

TEST(CrlInterval, TheNewestCrlGoesStale) {
  auto ev = Evidence::Load(testing::CompliantCase());
  auto later =
      RunPrimitive("crl-interval", "{}", "corpus", *ev, *ParseRfc3339("2027-06-01T00:00:00Z"));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].status, Status::kFail);
  EXPECT_NE(later[0].violations.at(0).vars.at("detail").find("newest CRL"), std::string::npos);
}

}  // namespace
}  // namespace cpaudit
