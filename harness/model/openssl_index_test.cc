#include "harness/model/openssl_index.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(OpenSslIndex, ReadsIssuedAndRevokedCertificates) {
  auto ev = Evidence::Load(testing::CompliantCase());
  const Certificate* ta = ev->certificates()[0].get();   // serial 1002
  const Certificate* tsa = ev->certificates()[1].get();  // serial 1001
  auto find = [&](const std::string& serial) -> const Certificate* {
    return serial == "1001" ? tsa : serial == "1002" ? ta : nullptr;
  };
  const char* text =
      "V\t270105000000Z\t\t1001\tunknown\t/C=JP/O=Example Time Corp/OU=TSA 1/CN=Example TSA 1\n"
      "R\t270105000000Z\t260420013000Z,keyCompromise\t1002\tunknown\t/C=JP/O=Example\n"
      "X\t270105000000Z\t\t1003\tunknown\t/C=JP\n"
      "V\t270105000000Z\t\t1009\tunknown\t/C=JP\n"
      "R\t270105000000Z\t260420013000Z,mislaid\t1001\tunknown\t/C=JP\n"
      "V\tnot-a-date\n";
  std::vector<Event> events;
  std::vector<IndexProblem> problems;
  ReadOpenSslIndex(text, "events/index.txt", find, &events, &problems);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].type, "certificate_issued");
  EXPECT_EQ(events[0].Str("serial"), "1001");
  EXPECT_EQ(events[0].time, tsa->not_before());
  EXPECT_EQ(events[0].source.Display(), "events/index.txt:1");
  EXPECT_EQ(events[2].type, "certificate_revoked");
  EXPECT_EQ(events[2].Str("reason"), "keyCompromise");
  EXPECT_EQ(FormatRfc3339(events[2].time), "2026-04-20T01:30:00Z");
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_NE(problems[0].message.find("status \"X\""), std::string::npos);
  EXPECT_NE(problems[1].message.find("serial 1009 is not among the certificates"),
            std::string::npos);
  EXPECT_NE(problems[2].message.find("reason \"mislaid\""), std::string::npos);
  EXPECT_NE(problems[3].message.find("6 tab-separated fields"), std::string::npos);
}

}  // namespace
}  // namespace cpaudit
