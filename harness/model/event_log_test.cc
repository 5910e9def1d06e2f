#include "harness/model/event_log.h"

#include <gtest/gtest.h>

namespace cpaudit {
namespace {

TEST(EventLog, ParsesALineAndNormalisesSerials) {
  std::string error;
  auto e = ParseEventLine(
      R"({"time": "2026-04-30T10:00:00+09:00", "type": "certificate_issued", "serial": "0A:Bc", "profile": "tsa", "extra": 1})",
      Source{"events/a.jsonl", 0, 7}, &error);
  ASSERT_TRUE(e) << error;
  EXPECT_EQ(FormatRfc3339(e->time), "2026-04-30T01:00:00Z");
  EXPECT_EQ(e->type, "certificate_issued");
  EXPECT_EQ(e->Str("serial"), "0abc");
  EXPECT_FALSE(e->Has("extra"));  // unknown fields are accepted and ignored
  EXPECT_EQ(e->Str("profile"), "tsa");
  EXPECT_FALSE(e->Has("request"));
  EXPECT_EQ(e->source.Display(), "events/a.jsonl:7");
}

TEST(EventLog, KeepsListsAndBooleansAsTheFieldModelShowsThem) {
  std::string error;
  auto e = ParseEventLine(
      R"({"time": "2026-04-30T10:00:00Z", "type": "revocation_requested", "urgent": true,
          "documents": ["csr", "application_form"], "id": "R-1"})",
      Source{"x"}, &error);
  ASSERT_TRUE(e) << error;
  EXPECT_EQ(e->Str("urgent"), "true");
  EXPECT_EQ(e->Str("documents"), R"(["csr","application_form"])");
  EXPECT_EQ(e->List("documents"), (std::vector<std::string_view>{"csr", "application_form"}));
  EXPECT_EQ(e->id(), "R-1");
  auto empty = ParseEventLine(
      R"({"time": "2026-04-30T10:00:00Z", "type": "application_received", "documents": []})",
      Source{"x"}, &error);
  ASSERT_TRUE(empty) << error;
  EXPECT_TRUE(empty->Has("documents"));
  EXPECT_EQ(empty->Str("documents"), "[]");
  EXPECT_TRUE(empty->List("documents").empty());
}

TEST(EventLog, AnUnknownTypeGetsTheNearestAndTheKnownOnes) {
  std::string error;
  EXPECT_FALSE(ParseEventLine(R"({"time": "2026-04-30T10:00:00Z", "type": "certificate_isued"})",
                              Source{"x"}, &error));
  EXPECT_NE(error.find("did you mean \"certificate_issued\"?"), std::string::npos) << error;
  EXPECT_NE(error.find("Known types: application_received"), std::string::npos) << error;
  EXPECT_NE(error.find("crl_published"), std::string::npos) << error;
  // Nothing close: no guess, still the list.
  EXPECT_EQ(EventTypeHint("zzzz").find("did you mean"), std::string::npos);
  EXPECT_EQ(EventTypeHint(std::string(100000, 'a')).find("did you mean"), std::string::npos);
}

TEST(EventLog, RejectsBadLinesWithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"{", "not valid JSON"},
      {"[1]", "must be a JSON object"},
      {R"({"type": "crl_issued"})", "missing \"time\""},
      {R"({"time": "2026-04-30T10:00:00", "type": "crl_issued"})", "not RFC 3339"},
      {R"({"time": "2026-04-30T10:00:00Z"})", "missing \"type\""},
      {R"({"time": "2026-04-30T10:00:00Z", "type": "nope"})", "unknown event type"},
      {R"({"time": "2026-04-30T10:00:00Z", "type": "certificate_revoked", "serial": "xyz"})",
       "not a hex serial"},
      {R"({"time": "2026-04-30T10:00:00Z", "type": "certificate_issued", "profile": 3})",
       "\"profile\" 3 is not a profile name"},
  };
  for (const auto& [line, reason] : cases) {
    std::string error;
    EXPECT_FALSE(ParseEventLine(line, Source{"x"}, &error)) << line;
    EXPECT_NE(error.find(reason), std::string::npos) << line << " -> " << error;
  }
}

TEST(EventLog, NormalizeSerialMatchesTheModelsForm) {
  EXPECT_EQ(NormalizeSerial("999"), "0999");
  EXPECT_EQ(NormalizeSerial("00:09:99"), "0999");
  EXPECT_EQ(NormalizeSerial("ABCDEF"), "abcdef");
  EXPECT_EQ(NormalizeSerial("0"), "00");
  EXPECT_FALSE(NormalizeSerial(""));
  EXPECT_FALSE(NormalizeSerial("0x12"));
}

}  // namespace
}  // namespace cpaudit
