#include "harness/model/der_reader.h"

#include <gtest/gtest.h>

namespace cpaudit::der {
namespace {

TEST(DerReader, ReadsNestedTlvs) {
  // SEQUENCE { INTEGER 5, [0] { BOOLEAN TRUE } }
  const Bytes data = {0x30, 0x08, 0x02, 0x01, 0x05, 0xa0, 0x03, 0x01, 0x01, 0xff};
  Reader top(data);
  std::string error;
  auto seq = top.Expect(kSequence, "outer", &error);
  ASSERT_TRUE(seq) << error;
  EXPECT_TRUE(top.empty());
  Reader inner(seq->content);
  auto n = inner.Expect(kInteger, "n", &error);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->content.size(), 1u);
  EXPECT_EQ(n->content[0], 5);
  EXPECT_FALSE(inner.NextIfContext(1));
  auto ctx = inner.NextIfContext(0);
  ASSERT_TRUE(ctx);
  EXPECT_TRUE(ctx->constructed);
  EXPECT_EQ(ctx->whole.size(), 5u);
  EXPECT_TRUE(inner.empty());
}

TEST(DerReader, RejectsLengthPastTheEnd) {
  const Bytes data = {0x30, 0x05, 0x02, 0x01};
  Reader r(data);
  std::string error;
  EXPECT_FALSE(r.Next(&error));
  EXPECT_FALSE(error.empty());
}

TEST(DerReader, RejectsIndefiniteLength) {
  const Bytes data = {0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00};
  Reader r(data);
  std::string error;
  EXPECT_FALSE(r.Next(&error));
  EXPECT_NE(error.find("indefinite"), std::string::npos) << error;
}

TEST(DerReader, ExpectNamesTheWrongTag) {
  const Bytes data = {0x02, 0x01, 0x05};
  Reader r(data);
  std::string error;
  EXPECT_FALSE(r.Expect(kSequence, "issuer", &error));
  EXPECT_NE(error.find("issuer"), std::string::npos) << error;
}

TEST(DerReader, NeverReadsOutOfBoundsOnAnyPrefix) {
  const Bytes data = {0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x05};
  for (size_t n = 0; n <= data.size(); ++n) {
    Reader r(ByteView(data.data(), n));
    std::string error;
    while (!r.empty()) {
      if (!r.Next(&error)) break;
    }
  }
}

TEST(DerReader, BitStringDropsTheUnusedBitsOctet) {
  const Bytes data = {0x03, 0x03, 0x00, 0xab, 0xcd};
  Reader r(data);
  std::string error;
  auto tlv = r.Next(&error);
  ASSERT_TRUE(tlv);
  auto bits = BitStringBytes(*tlv);
  ASSERT_TRUE(bits);
  EXPECT_EQ(HexEncode(*bits), "abcd");
  const Bytes bad = {0x03, 0x01, 0x09};
  Reader r2(bad);
  EXPECT_FALSE(BitStringBytes(*r2.Next(&error)));
}

}  // namespace
}  // namespace cpaudit::der
