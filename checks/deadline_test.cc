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
  // The window the timeline draws: accepted, deadline 1 May 24:00 JST, revoked
  // on 7 May, late.
  ASSERT_EQ(outcomes[0].spans.size(), 1u);
  const DeadlineSpan& span = outcomes[0].spans[0];
  EXPECT_EQ(span.deadline, *ParseRfc3339("2026-05-02T00:00:00+09:00"));
  EXPECT_LT(span.from, span.deadline);
  ASSERT_TRUE(span.done.has_value());
  EXPECT_GT(*span.done, span.deadline);
  EXPECT_TRUE(span.late);
}

TEST(Deadline, OnTimeAcrossTheYearEnd) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.5-revocation-deadline", "year-end-on-time"));
  auto outcomes =
      RunPrimitive("deadline", kRevocation, "events", *ev, *ParseRfc3339("2027-02-01T00:00:00Z"));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, Status::kPass);
  ASSERT_EQ(outcomes[0].spans.size(), 1u);
  EXPECT_FALSE(outcomes[0].spans[0].late);
  ASSERT_TRUE(outcomes[0].spans[0].done.has_value());
  EXPECT_LE(*outcomes[0].spans[0].done, outcomes[0].spans[0].deadline);
}

TEST(Deadline, PendingUntilTheDeadlineThenFailed) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.5-revocation-deadline", "golden-week"));
  // At 1 May noon the request accepted on 30 April is pending, not failed.
  auto pending = RunPrimitive("deadline", kRevocation, "events", *ev,
                              *ParseRfc3339("2026-05-01T12:00:00+09:00"));
  EXPECT_EQ(pending.at(0).status, Status::kNotEvaluated);
  EXPECT_NE(pending.at(0).reason.find("pending"), std::string::npos);
  ASSERT_EQ(pending.at(0).spans.size(), 1u);  // open: neither met nor late
  EXPECT_FALSE(pending.at(0).spans[0].done.has_value());
  EXPECT_FALSE(pending.at(0).spans[0].late);
  // On 2 May the deadline has passed and the revocation (7 May) is not yet known.
  auto missed = RunPrimitive("deadline", kRevocation, "events", *ev,
                             *ParseRfc3339("2026-05-02T12:00:00+09:00"));
  ASSERT_EQ(missed.at(0).status, Status::kFail);
  EXPECT_NE(missed.at(0).violations.at(0).vars.at("detail").find("no certificate_revoked by"),
            std::string::npos);
  ASSERT_EQ(missed.at(0).spans.size(), 1u);  // missed: late, never met
  EXPECT_FALSE(missed.at(0).spans[0].done.has_value());
  EXPECT_TRUE(missed.at(0).spans[0].late);
}

TEST(Deadline, AtLeastBusinessDaysOfNotice) {
  auto ev = Evidence::Load(FixtureCase("cp-4.9.4-advance-notice", "golden-week"));
  const char* options =
      R"({from: {event: revocation_requested, where: {reason: {not_in: [keyCompromise]}}},
      to: {field: desired_date}, at_least: {business_days: 5}})";
  auto o = RunPrimitive("deadline", options, "events", *ev, kAt).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  // 5 business days before Thursday 30 April: 28, 27, 24, 23 and 22 April.
  EXPECT_NE(o.violations.at(0).vars.at("detail").find("it was due by 2026-04-22 24:00 JST"),
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

// "Within 14 days of the dispatch date": 24:00 of the 14th day after it, not
// 336 hours after the dispatch time.
TEST(Deadline, CalendarDaysEndAtMidnight) {
  auto ev = Evidence::Load(FixtureCase("cp-4.4.1-complaint-window", "complaint-on-the-14th-day"));
  const char* window = R"({from: {event: certificate_dispatched},
      to: {event: complaint_received, join: serial}, within: {calendar_days: 14},
      required: false})";
  EXPECT_EQ(RunPrimitive("deadline", window, "events", *ev, kAt).at(0).status, Status::kPass);
  const char* thirteen = R"({from: {event: certificate_dispatched},
      to: {event: complaint_received, join: serial}, within: {calendar_days: 13},
      required: false})";
  auto late = RunPrimitive("deadline", thirteen, "events", *ev, kAt).at(0);
  ASSERT_EQ(late.status, Status::kFail);
  EXPECT_NE(late.violations.at(0).vars.at("detail").find("deadline 2026-03-16 24:00 JST"),
            std::string::npos);
  EXPECT_NE(late.violations.at(0).vars.at("detail").find("1 day late"), std::string::npos);
}

TEST(Deadline, ASaturdayRequestForTheNextFridayIsLate) {
  const char* notice = R"({from: {event: revocation_requested}, to: {field: desired_date},
      at_least: {business_days: 5}})";
  auto saturday =
      Evidence::Load(FixtureCase("cp-4.9.4-advance-notice", "saturday-for-next-friday"));
  EXPECT_EQ(RunPrimitive("deadline", notice, "events", *saturday, kAt).at(0).status, Status::kFail);
  auto friday =
      Evidence::Load(FixtureCase("cp-4.9.4-advance-notice", "friday-evening-for-next-friday"));
  EXPECT_EQ(RunPrimitive("deadline", notice, "events", *friday, kAt).at(0).status, Status::kPass);
}

// A log that records crl_published for some CRLs says the others were never
// published: they meet no deadline.
TEST(Deadline, AnUnpublishedCrlMeetsNoDeadline) {
  const char* crl = R"({from: {event: certificate_issued}, to: {crl: issued},
      within: {business_days: 1}})";
  auto never = Evidence::Load(FixtureCase("cp-4.9.8-crl-after-issuance", "crl-never-published"));
  auto o = RunPrimitive("deadline", crl, "events", *never, kAt).at(0);
  ASSERT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("detail").find("in CRL crls/crl-2.pem"), std::string::npos);
  // Before the second CRL: nothing published, and the first CRL is named.
  auto early =
      RunPrimitive("deadline", crl, "events", *never, *ParseRfc3339("2026-03-06T12:00:00+09:00"))
          .at(0);
  ASSERT_EQ(early.status, Status::kFail);
  EXPECT_NE(early.violations.at(0).vars.at("detail").find(
                "crls/crl-1.pem (thisUpdate 2026-03-02 12:00 JST) has no crl_published event"),
            std::string::npos);
  auto published = Evidence::Load(FixtureCase("cp-4.9.8-crl-after-issuance", "crl-published"));
  EXPECT_EQ(RunPrimitive("deadline", crl, "events", *published, kAt).at(0).status, Status::kPass);
  // With no publication recorded at all, thisUpdate stands in, and says so.
  auto none = Evidence::Load(FixtureCase("cp-4.9.8-crl-after-issuance", "crl-three-days-later"));
  auto stand_in = RunPrimitive("deadline", crl, "events", *none, kAt).at(0);
  ASSERT_EQ(stand_in.status, Status::kFail);
  EXPECT_NE(stand_in.violations.at(0).vars.at("detail").find("the log records no crl_published"),
            std::string::npos);
}

}  // namespace
}  // namespace cpaudit
