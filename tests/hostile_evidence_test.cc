// Evidence crafted as an attacker would: file names, certificate names and
// log lines carrying terminal escapes, newlines, bidi overrides, invalid
// UTF-8, HTML and Markdown links, through every report format. And serials
// that differ only in sign.

#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/pem.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "bench/synthetic.h"
#include "reports/escape.h"
#include "reports/formats.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;
using testing::Cpaudit;
using testing::RunCommand;
using testing::ShellQuote;

// A file name: a newline and a fake finding line, a screen clear, a bidi
// override, HTML, a Markdown link and an invalid byte.
const std::string kFileName =
    "evil\nERROR fake-rule certs/x.pem: forged\x1b[2J\xe2\x80\xae<img src=x onerror=alert(1)>"
    "[l](https:evil.test)`x`|y\xff";
// Subject attributes (UTF8String, each within its upper bound): an OSC 8
// hyperlink, a bidi override and a script, a Markdown link and an autolink.
const std::vector<std::pair<const char*, std::string>> kSubject = {
    {"CN",
     "TSA \x1b]8;;https://evil.test/\x07"
     "click\x1b]8;;\x07"},
    {"OU", "\xe2\x80\xae<script>alert(1)</script>"},
    {"L", "[a](https://evil.test) www.evil.test"}};

// A TSA certificate of the demo CA with these subject attributes after
// C=JP, O=Example Time Corp (UTF8Strings) and this serial.
std::string CertificatePem(long i,
                           const std::vector<std::pair<const char*, std::string>>& attributes,
                           const char* serial_hex) {
  const synthetic::Ca& ca = synthetic::DemoCa(testing::SourceDir());
  X509* x = synthetic::MakeTsaCertificate(ca, i, "placeholder");
  X509_NAME* subject = X509_NAME_new();
  std::vector<std::pair<const char*, std::string>> all = {{"C", "JP"}, {"O", "Example Time Corp"}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  for (const auto& [field, value] : all) {
    EXPECT_EQ(X509_NAME_add_entry_by_txt(subject, field, MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char*>(value.c_str()), -1,
                                         -1, 0),
              1)
        << field;
  }
  X509_set_subject_name(x, subject);
  X509_NAME_free(subject);
  BIGNUM* bn = nullptr;
  BN_hex2bn(&bn, serial_hex);
  ASN1_INTEGER* serial = BN_to_ASN1_INTEGER(bn, nullptr);
  X509_set_serialNumber(x, serial);
  ASN1_INTEGER_free(serial);
  BN_free(bn);
  X509_sign(x, ca.key, EVP_sha1());  // as the pack requires (7.1.3)
  std::string pem = synthetic::Pem(x);
  X509_free(x);
  return pem;
}

// A tool the checks below need: present, or the test fails in CI (where
// scripts/setup-tools.sh installs it) and is skipped elsewhere.
bool HaveTool(const std::string& command) {
  std::string output;
  if (RunCommand("command -v " + command + " >/dev/null 2>&1", &output) == 0) return true;
  const char* required = std::getenv("CPAUDIT_REQUIRE_TOOLS");
  EXPECT_FALSE(required != nullptr && std::string(required) == "1")
      << command << " missing: run scripts/setup-tools.sh";
  return false;
}

// No byte a terminal acts on, nothing that reorders text, nothing invalid.
void ExpectInert(const std::string& text, bool keep_tabs, const std::string& what) {
  EXPECT_TRUE(IsValidUtf8(text)) << what;
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    bool allowed = c == '\n' || (keep_tabs && c == '\t');
    ASSERT_FALSE((b < 0x20 && !allowed) || b == 0x7f) << what << ": raw byte " << int(b);
  }
  for (const char* raw : {"\xe2\x80\xae", "\xe2\x80\xa8", "\xc2\x85"}) {
    EXPECT_EQ(text.find(raw), std::string::npos) << what;
  }
}

class HostileEvidence : public ::testing::Test {
 protected:
  void SetUp() override {
    evidence_ = dir_.path() / "evidence";
    out_ = dir_.path() / "out";
    fs::copy(testing::CompliantCase(), evidence_, fs::copy_options::recursive);
    dir_.Write("evidence/certs/" + kFileName + ".pem", CertificatePem(7, kSubject, "7777"));
    dir_.Write("evidence/certs/" + kFileName + ".der", "garbage");
    dir_.Write("evidence/events/ca.jsonl",
               "{\"time\": \"2026-05-01T00:00:00Z\", \"type\": \"\\u001b[31mfake\\u202e "
               "<b>x</b> [l](https://evil.test)\\n\"}\n");
    std::string reports;
    for (const ReportFormat& format : ReportFormats()) {  // every format there is
      std::string name(format.name);
      reports += " --report " + name + "=" + ShellQuote((out_ / name).string());
    }
    exit_code_ = RunCommand(Cpaudit("audit " + ShellQuote(evidence_.string()) + reports), &stdout_);
  }

  std::string Report(const char* format) { return testing::ReadFile(out_ / format); }

  testing::TempDir dir_;
  fs::path evidence_, out_;
  std::string stdout_;
  int exit_code_ = -1;
};

TEST_F(HostileEvidence, TextAndTerminalShowEveryControlEscaped) {
  EXPECT_EQ(exit_code_, 1) << stdout_;
  nlohmann::json json = nlohmann::json::parse(Report("json"));
  size_t errors = json["summary"]["findings"]["error"];
  for (const std::string& text : {stdout_, Report("text")}) {
    ExpectInert(text, false, "text");
    // A newline in a file name cannot start a finding line of its own.
    size_t error_lines = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      EXPECT_NE(line.rfind("ERROR fake-rule", 0), 0u) << line;
      error_lines += line.rfind("ERROR ", 0) == 0 ? 1 : 0;
    }
    EXPECT_EQ(error_lines, errors) << text;
    EXPECT_NE(text.find("certs/evil\\x0aERROR fake-rule"), std::string::npos) << text;
    EXPECT_NE(text.find("\\x1b]8;;https://evil.test/\\x07click"), std::string::npos) << text;
    EXPECT_NE(text.find("\\u202e"), std::string::npos);
    EXPECT_NE(text.find("\\xff"), std::string::npos);
  }
}

TEST_F(HostileEvidence, JsonIsWrittenWithTheRawNameKept) {
  nlohmann::json json = nlohmann::json::parse(Report("json"));
  bool kept = false;
  for (const auto& f : json["findings"]) {
    if (!f.contains("artifact_bytes")) continue;
    std::string artifact = f["artifact"];
    EXPECT_EQ(artifact.find('\xff'), std::string::npos);
    EXPECT_NE(artifact.find("\\xff"), std::string::npos) << artifact;
    kept |= f["artifact_bytes"] == BytesHex("certs/" + kFileName + ".der") ||
            f["artifact_bytes"] == BytesHex("certs/" + kFileName + ".pem");
  }
  EXPECT_TRUE(kept) << json["findings"].dump(1);
}

TEST_F(HostileEvidence, JunitIsValid) {
  std::string junit = Report("junit");
  ExpectInert(junit, true, "junit");
  EXPECT_EQ(junit.find("<script>"), std::string::npos);
  if (!HaveTool("xmllint")) return;
  std::string output;
  EXPECT_EQ(RunCommand("xmllint --noout --schema " +
                           ShellQuote((testing::SharedDir() / "schemas/junit-ant.xsd").string()) +
                           " " + ShellQuote((out_ / "junit").string()) + " 2>&1",
                       &output),
            0)
      << output;
}

TEST_F(HostileEvidence, SarifUrisAreValidRelativeReferences) {
  nlohmann::json sarif = nlohmann::json::parse(Report("sarif"));
  std::regex uri("^[A-Za-z0-9%/._~-]*$");
  size_t checked = 0;
  for (const auto& result : sarif["runs"][0]["results"]) {
    for (const auto& location : result["locations"]) {
      std::string u = location["physicalLocation"]["artifactLocation"]["uri"];
      EXPECT_TRUE(std::regex_match(u, uri)) << u;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
  fs::path multitool = testing::SourceDir() / "tests/tools/node_modules/.bin/sarif-multitool";
  if (!HaveTool(multitool.string())) return;
  fs::copy_file(out_ / "sarif", out_ / "report.sarif");
  std::string output;
  RunCommand("cd " + ShellQuote(out_.string()) + " && " + multitool.string() +
                 " validate ./report.sarif 2>&1",
             &output);
  EXPECT_NE(output.find("Analysis completed successfully"), std::string::npos) << output;
  EXPECT_EQ(output.find(": error "), std::string::npos) << output;
}

TEST_F(HostileEvidence, MarkdownRendersNoEvidenceMadeMarkup) {
  std::string markdown = Report("markdown");
  ExpectInert(markdown, false, "markdown");
  if (!HaveTool("cmark-gfm")) return;
  // GitHub's renderer with its extensions, raw HTML allowed: what an unsafe
  // viewer would show.
  std::string html;
  ASSERT_EQ(RunCommand("cmark-gfm --unsafe -e table -e autolink -e strikethrough " +
                           ShellQuote((out_ / "markdown").string()),
                       &html),
            0);
  for (const char* markup : {"<a ", "<img", "<script", "<b>", "<code>", "<del>", "<em>"}) {
    EXPECT_EQ(html.find(markup), std::string::npos) << markup << " in\n" << html;
  }
  EXPECT_NE(html.find("evil.test"), std::string::npos);  // shown, as text
}

TEST_F(HostileEvidence, HtmlStaysEscaped) {
  std::string html = Report("html");
  ExpectInert(html, true, "html");
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(SerialSign, ANegativeSerialNeverReadsAsThePositiveOne) {
  testing::TempDir dir;
  fs::copy(testing::SourceDir() / "corpus/demo/ca", dir.path() / "ca", fs::copy_options::recursive);
  // The octets 90 01 (-0x6fff) and 00 90 01 (0x9001): the same digits once
  // the sign is dropped.
  std::string negative = CertificatePem(1, {{"CN", "Example TSA negative"}}, "-6fff");
  dir.Write("certs/negative.pem", negative);
  dir.Write("certs/positive.pem", CertificatePem(2, {{"CN", "Example TSA positive"}}, "9001"));
  std::string output;
  RunCommand(Cpaudit("audit " + dir.path().string() +
                     " --at 2026-06-01T00:00:00Z --quiet --report json=-"),
             &output);
  nlohmann::json json = nlohmann::json::parse(output);
  for (const auto& f : json["findings"]) {
    EXPECT_NE(f["rule"], "cp-7.1-serial-unique") << f.dump();
  }
  dir.Write("negative.pem", negative);
  RunCommand("cat " + (dir.path() / "negative.pem").string() + " | " +
                 Cpaudit("check --stdin --ca " + (dir.path() / "ca/ca.pem").string()),
             &output);
  EXPECT_EQ(nlohmann::json::parse(output)["serial"], "-6fff") << output;
}

}  // namespace
}  // namespace cpaudit
