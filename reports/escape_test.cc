#include "reports/escape.h"

#include <gtest/gtest.h>

namespace cpaudit {
namespace {

// An OSC 8 hyperlink, a screen clear, a bidi override, a line separator,
// NUL and an invalid byte: what a CA's certificate or a file name can carry.
const std::string kHostile =
    "a\x1b]8;;https://evil.test/\x07"
    "click\x1b[2J\n\r\t\xe2\x80\xae"
    "b\xe2\x80\xa8"
    "c\xc2\x85"
    "d" +
    std::string(1, '\0') + "\x7f\xff\\";

TEST(Escape, TerminalShowsEveryControlEscaped) {
  EXPECT_EQ(TerminalEscape(kHostile),
            "a\\x1b]8;;https://evil.test/\\x07click\\x1b[2J\\x0a\\x0d\\x09\\u202eb\\u2028c\\u0085d"
            "\\x00\\x7f\\xff\\\\");
  EXPECT_EQ(TerminalEscape("Example TSA 1 日本"), "Example TSA 1 日本");
  // Every bidi control, and overlong and surrogate forms (invalid UTF-8).
  for (const char* bidi : {"\xe2\x80\xaa", "\xe2\x80\xac", "\xe2\x81\xa6", "\xe2\x81\xa9",
                           "\xe2\x80\x8f", "\xd8\x9c"}) {
    EXPECT_EQ(TerminalEscape(bidi).rfind("\\u", 0), 0u) << TerminalEscape(bidi);
  }
  EXPECT_EQ(TerminalEscape("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(TerminalEscape("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  EXPECT_EQ(TerminalEscape("\xef\xbf\xbe"), "\\ufffe");
}

TEST(Escape, XmlKeepsLinesAndIsAlwaysWellFormed) {
  std::string xml = XmlEscape(kHostile + "<x a=\"1\">&'");
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
  EXPECT_EQ(xml.find('\0'), std::string::npos);
  EXPECT_NE(xml.find("click\\x1b[2J\n\\x0d\t\\u202eb"), std::string::npos) << xml;
  EXPECT_NE(xml.find("&lt;x a=&quot;1&quot;&gt;&amp;&#39;"), std::string::npos) << xml;
  EXPECT_TRUE(IsValidUtf8(xml));
}

TEST(Escape, MarkdownMakesNoMarkup) {
  std::string md = MarkdownEscape(
      "[a](https://evil.test) ![i](x.png) <img src=x> `code | cell` www.evil.test me@evil.test "
      "*b* _i_ ~~s~~ $x$");
  // Every character that could open markup is backslash-escaped, and the
  // autolink triggers are character references.
  for (size_t i = 0; i < md.size(); ++i) {
    if (std::string_view("<>`[]()|*_~$!").find(md[i]) != std::string_view::npos) {
      EXPECT_TRUE(i > 0 && md[i - 1] == '\\') << md.substr(0, i + 1);
    }
  }
  for (const char* raw : {"https:", "www.", "@"}) {
    EXPECT_EQ(md.find(raw), std::string::npos) << raw << " in " << md;
  }
  EXPECT_EQ(MarkdownEscape("line\nbreak"), "line\\\\x0abreak");
  EXPECT_EQ(MarkdownEscape("certs/tsa-1.pem"), "certs/tsa\\-1.pem");
}

TEST(Escape, JsonSafeEscapesOnlyInvalidBytes) {
  EXPECT_TRUE(IsValidUtf8("日本 \x1b"));
  EXPECT_FALSE(IsValidUtf8("a\xff"));
  EXPECT_EQ(JsonSafe("日本\xff.pem"), "日本\\xff.pem");
  EXPECT_EQ(BytesHex("a\xff"), "61ff");
  nlohmann::json doc = {{"artifact", "certs/\xff\xfe.pem"}, {"list", {"ok", "\xc3"}}};
  std::string text = DumpJson(doc, -1);
  EXPECT_EQ(text, R"({"artifact":"certs/\\xff\\xfe.pem","list":["ok","\\xc3"]})");
}

TEST(Escape, UriPathIsPercentEncoded) {
  EXPECT_EQ(UriPathEscape("certs/a b#1?.pem"), "certs/a%20b%231%3F.pem");
  EXPECT_EQ(UriPathEscape("certs/\xff\n.pem"), "certs/%FF%0A.pem");
  EXPECT_EQ(UriPathEscape("crls/crl-2026_01.der~"), "crls/crl-2026_01.der~");
}

TEST(Escape, ArtifactSuffixesAreCutFromTheEnd) {
  EXPECT_EQ(ArtifactFile("certs/a.pem#3"), "certs/a.pem");
  EXPECT_EQ(ArtifactFile("certs/a#b.pem#3"), "certs/a#b.pem");
  EXPECT_EQ(ArtifactFile("certs/a#b.pem"), "certs/a#b.pem");
  EXPECT_EQ(ArtifactFile("events/a:b.jsonl:12"), "events/a:b.jsonl");
  EXPECT_EQ(ArtifactLine("events/a:b.jsonl:12"), 12);
  EXPECT_EQ(ArtifactLine("certs/a:b.pem"), 0);
}

}  // namespace
}  // namespace cpaudit
