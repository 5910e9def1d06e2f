#include "harness/model/unicode.h"

#include <gtest/gtest.h>

namespace cpaudit {
namespace {

TEST(Unicode, TellsNfcFromOtherForms) {
  EXPECT_TRUE(IsNfc("Example time stamps"));
  EXPECT_TRUE(IsNfc("caf\xc3\xa9"));               // é precomposed (U+00E9)
  EXPECT_FALSE(IsNfc("cafe\xcc\x81"));             // e + combining acute (U+0301): NFD
  EXPECT_TRUE(IsNfc("\xe6\x99\x82\xe5\x88\xbb"));  // 時刻
  EXPECT_FALSE(IsNfc("\xc3\x28"));                 // invalid UTF-8
}

TEST(Unicode, CountsCharactersNotOctets) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("caf\xc3\xa9"), 4u);
  EXPECT_EQ(Utf8Length("\xe6\x99\x82\xe5\x88\xbb"), 2u);
}

}  // namespace
}  // namespace cpaudit
