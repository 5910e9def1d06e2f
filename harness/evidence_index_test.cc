#include "harness/evidence_index.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

// Two certificates with serial 1001 (the TA and the TSA of the shared-serial
// fixture) and one certificate_issued event.
std::unique_ptr<Evidence> SharedSerial(const std::string& event_fields) {
  testing::TempDir dir;
  auto fixture = testing::FixtureCase("cp-7.1-serial-unique", "shared-serial-event-by-path");
  dir.Write("certs/ta.pem", testing::ReadFile(fixture / "certs/ta.pem"));
  dir.Write("certs/tsa.pem", testing::ReadFile(fixture / "certs/tsa.pem"));
  dir.Write("events/ca.jsonl",
            R"({"time": "2026-05-01T08:00:00+09:00", "type": "certificate_issued", )"
            R"("serial": "1001", "profile": "ta")" +
                event_fields + "}\n");
  return Evidence::Load(dir.path());
}

const Certificate& Named(const Evidence& ev, const std::string& path) {
  for (const auto& c : ev.certificates()) {
    if (c->source().path == path) return *c;
  }
  throw std::runtime_error("no " + path);
}

TEST(EvidenceIndex, AnIssuanceEventBindsByItsPathElseByAnUnsharedSerial) {
  BusinessCalendar calendar;
  for (const char* path :
       {R"(, "certificate": "certs/ta.pem")", R"(, "certificate": "./certs//ta.pem")"}) {
    auto ev = SharedSerial(path);
    EvidenceIndex index(*ev, calendar);
    const Certificate& ta = Named(*ev, "certs/ta.pem");
    const Certificate& tsa = Named(*ev, "certs/tsa.pem");
    EXPECT_NE(index.IssuanceOf(ta), nullptr) << path;
    EXPECT_TRUE(index.OwnsIssuance(ta)) << path;
    EXPECT_EQ(index.IssuanceOf(tsa), nullptr) << path;
    EXPECT_EQ(index.CertificateOf(ev->events().at(0)), &ta) << path;
  }
  // By serial alone the event is both certificates' history, but neither's own.
  auto ev = SharedSerial("");
  EvidenceIndex index(*ev, calendar);
  for (const char* path : {"certs/ta.pem", "certs/tsa.pem"}) {
    EXPECT_NE(index.IssuanceOf(Named(*ev, path)), nullptr) << path;
    EXPECT_FALSE(index.OwnsIssuance(Named(*ev, path))) << path;
  }
}

TEST(EvidenceIndex, PublicationIsTheCrlPublishedEventWhenTheLogRecordsAny) {
  BusinessCalendar calendar;
  auto never =
      Evidence::Load(testing::FixtureCase("cp-4.9.8-crl-after-issuance", "crl-never-published"));
  EvidenceIndex index(*never, calendar);
  ASSERT_TRUE(index.RecordsPublication());
  const auto& crls = index.CrlsByTime();
  ASSERT_EQ(crls.size(), 2u);
  EXPECT_EQ(index.PublishedAt(*crls[0]), std::nullopt);
  EXPECT_EQ(index.PublishedAt(*crls[1]), crls[1]->this_update() + 600);
  auto none =
      Evidence::Load(testing::FixtureCase("cp-4.9.8-crl-after-issuance", "crl-three-days-later"));
  EvidenceIndex stand_in(*none, calendar);
  EXPECT_FALSE(stand_in.RecordsPublication());
  EXPECT_EQ(stand_in.PublishedAt(*stand_in.CrlsByTime().at(0)),
            stand_in.CrlsByTime().at(0)->this_update());
}

}  // namespace
}  // namespace cpaudit
