#include "harness/stream_check.h"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "harness/model/evidence.h"
#include "reports/escape.h"

namespace cpaudit {
namespace {

// Reads one DER TLV (the outer SEQUENCE of a certificate) whose first byte was
// already read. Empty on a truncated or indefinite-length item.
Bytes ReadDer(std::istream& in, uint8_t first) {
  Bytes der = {first};
  int c = in.get();
  if (c == EOF) return {};
  der.push_back(static_cast<uint8_t>(c));
  size_t length = static_cast<size_t>(c);
  if (c & 0x80) {
    int n = c & 0x7f;
    if (n == 0 || n > 4) return {};
    length = 0;
    for (int i = 0; i < n; ++i) {
      int b = in.get();
      if (b == EOF) return {};
      der.push_back(static_cast<uint8_t>(b));
      length = (length << 8) | static_cast<size_t>(b);
    }
  }
  size_t header = der.size();
  der.resize(header + length);
  in.read(reinterpret_cast<char*>(der.data() + header), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in.gcount()) != length) return {};
  return der;
}

// Reads lines up to and including an "-----END" line.
std::string ReadPem(std::istream& in, char first) {
  std::string text(1, first);
  std::string line;
  while (std::getline(in, line)) {
    text += line + "\n";
    if (line.rfind("-----END", 0) == 0) break;
  }
  return text;
}

}  // namespace

size_t StreamCheck(const Oracle& oracle, std::istream& in, std::ostream& out, Severity fail_on,
                   std::optional<UnixTime> at) {
  size_t item = 0;
  size_t failed = 0;
  while (true) {
    int c = in.get();
    if (c == EOF) break;
    if (std::isspace(c)) continue;
    ++item;
    Bytes der;
    std::string problem;
    if (c != 0x30) {
      // PEM, with any text before the block (`openssl x509 -text`, easy-rsa's
      // .crt), read as `audit` reads a file: the text is skipped.
      std::string text = ReadPem(in, static_cast<char>(c));
      if (text.find("-----BEGIN ") == std::string::npos) {
        problem = "text without a PEM block";
      } else {
        auto items = SplitEncoded(
            ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()), &problem);
        if (items && !items->empty()) der = std::move(items->front().der);
      }
    } else {
      der = ReadDer(in, static_cast<uint8_t>(c));
      if (der.empty()) problem = "truncated or unsupported DER item";
    }
    nlohmann::ordered_json line = {{"item", item}};
    Oracle::Result result;
    if (!der.empty()) result = oracle.CheckCertificate(der, at);
    line["parsed"] = result.parsed;
    if (!result.serial.empty()) line["serial"] = result.serial;
    if (!result.subject.empty()) line["subject"] = result.subject;
    bool fails = der.empty() || result.Fails(fail_on);
    failed += fails ? 1 : 0;
    line["result"] = fails ? "fail" : "pass";
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    if (der.empty()) {
      findings.push_back({{"rule", kInputRuleId}, {"severity", "error"}, {"message", problem}});
    }
    for (const Finding& f : result.findings) {
      findings.push_back({{"rule", f.rule},
                          {"cp", f.cp},
                          {"severity", ToString(f.severity)},
                          {"message", f.message},
                          {"fingerprint", f.fingerprint}});
    }
    line["findings"] = std::move(findings);
    out << DumpJson(std::move(line), -1) << std::endl;  // flushed per item: the caller waits on it
  }
  return failed;
}

}  // namespace cpaudit
