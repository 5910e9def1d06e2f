#include "checks/deadline.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

const UnixTime kAt = *ParseRfc3339("2026-06-01T00:00:00Z");

const char* kRevocation = R"({from: {event: revocation_request_accepted},
    to: {event: certificate_revoked, join: request},
    within: {business_days: 1}, open_until_deadline: true})";

TEST(Deadline, LateAcrossGoldenWeek) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.5-revocation-deadline", "golden-week"));
  auto outcomes = RunPrimitive("deadline", kRevocation, "events", *ev, kAt);
  ASSERT_EQ(outcomes.size(), 1u);
  ASSERT_EQ(outcomes[0].status, Status::kFail);
  const auto& vars = outcomes[0].violations.at(0).vars;
  EXPECT_EQ(vars.at("deadline"), "2026-05-01 24:00 JST");
  EXPECT_EQ(vars.at("late"), "1 business day late");
  EXPECT_EQ(vars.at("key"), "R-17");
}

TEST(Deadline, OnTimeAcrossTheYearEnd) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.5-revocation-deadline", "year-end-on-time"));
  auto outcomes =
      RunPrimitive("deadline", kRevocation, "events", *ev, *ParseRfc3339("2027-02-01T00:00:00Z"));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, Status::kPass);
}

TEST(Deadline, PendingUntilTheDeadlineThenFailed) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.5-revocation-deadline", "golden-week"));
  // At 1 May noon the request accepted on 30 April is pending, not failed.
  auto pending = RunPrimitive("deadline", kRevocation, "events", *ev,
                              *ParseRfc3339("2026-05-01T12:00:00+09:00"));
  EXPECT_EQ(pending.at(0).status, Status::kNotEvaluated);
  EXPECT_NE(pending.at(0).reason.find("pending"), std::string::npos);
  // On 2 May the deadline has passed and the revocation (7 May) is not yet known.
  auto missed = RunPrimitive("deadline", kRevocation, "events", *ev,
                             *ParseRfc3339("2026-05-02T12:00:00+09:00"));
  ASSERT_EQ(missed.at(0).status, Status::kFail);
  EXPECT_NE(missed.at(0).violations.at(0).vars.at("detail").find("no certificate_revoked by"),
            std::string::npos);
}

TEST(Deadline, AtLeastBusinessDaysOfNotice) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.4-advance-notice", "golden-week"));
  const char* options =
      R"({from: {event: revocation_requested, where: {reason: {not_in: [keyCompromise]}}},
      to: {field: desired_date}, at_least: {business_days: 5}})";
  auto o = RunPrimitive("deadline", options, "events", *ev, kAt).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("detail").find("no earlier than 2026-05-08"),
            std::string::npos);
  // Four business days of notice are enough under a 4-day rule.
  const char* four = R"({from: {event: revocation_requested}, to: {field: desired_date},
      at_least: {business_days: 2}})";
  EXPECT_EQ(RunPrimitive("deadline", four, "events", *ev, kAt).at(0).status, Status::kPass);
}

TEST(Deadline, WhereSkipsEventsItDoesNotSelect) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.4-compromise-prompt", "after-golden-week"));
  const char* options =
      R"({from: {event: revocation_requested, where: {reason: {not_in: [keyCompromise]}}},
      to: {field: desired_date}, at_least: {business_days: 5}})";
  EXPECT_EQ(RunPrimitive("deadline", options, "events", *ev, kAt).at(0).status,
            Status::kNotApplicable);
}

TEST(Deadline, PrecedingEventForACertificate) {
  auto ev =
      Evidence::Load(FixtureCase("cp-4.3.1-issued-after-approval", "approved-after-issuance"));
  const char* options = R"({from: {event: certificate_issued},
      to: {event: application_approved, join: application, order: before}})";
  auto o = RunPrimitive("deadline", options, "certificate", *ev, kAt);
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].status, Status::kFail);
  auto good = Evidence::Load(testing::FixtureCase("compliant-lifecycle", "issue-and-revoke"));
  for (const Outcome& x : RunPrimitive("deadline", options, "certificate", *good, kAt)) {
    EXPECT_EQ(x.status, Status::kPass);
  }
}

TEST(Deadline, WithoutAnyEventLogCertificatesAreNotEvaluated) {
  auto ev = Evidence::Load(testing::CompliantCase());
  const char* options = R"({from: {event: certificate_issued},
      to: {event: application_approved, join: application, order: before}})";
  for (const Outcome& o : RunPrimitive("deadline", options, "certificate", *ev, kAt)) {
    EXPECT_EQ(o.status, Status::kNotEvaluated);
  }
}

TEST(Deadline, TheFirstCrlAfterARevocationMustListIt) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.8-crl-after-revocation", "not-listed"));
  const char* options = R"({from: {event: certificate_revoked}, to: {crl: lists},
      within: {business_days: 1}})";
  auto o = RunPrimitive("deadline", options, "events", *ev, kAt).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("detail").find("does not list it"), std::string::npos);
}

TEST(Deadline, RejectsBadOptions) {
  Evidence none;
  for (const char* bad : {
           "{to: {event: certificate_revoked, join: request}}",
           "{from: {event: nope}, to: {event: certificate_revoked, join: request}}",
           "{from: {event: certificate_issued}, to: {event: certificate_revoked}}",
           "{from: {event: certificate_issued}, to: {crl: maybe}}",
           "{from: {event: certificate_issued}, to: {crl: issued}, within: {weeks: 1}}",
           "{from: {event: certificate_issued}, to: {crl: issued}, at_least: {hours: 1}}",
           "{from: {event: certificate_issued}, to: {crl: issued}, deadline: 1}",
           "{from: {event: certificate_issued, where: {reason: {like: x}}}, to: {crl: issued}}",
       }) {
    EXPECT_THROW(RunPrimitive("deadline", bad, "events", none), PackError) << bad;
  }
  EXPECT_THROW(RunPrimitive("deadline", "{from: {event: revocation_requested}, to: {crl: issued}}",
                            "certificate", none),
               PackError);
}

}  // namespace
}  // namespace cpaudit
