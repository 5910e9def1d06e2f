#include "fuzz/fuzz_common.h"

#include <fstream>
#include <iterator>

#include "reports/escape.h"

namespace cpaudit::fuzz {

const Oracle& DemoOracle() {
  static const std::unique_ptr<Oracle> oracle = [] {
    std::ifstream in(std::string(CPAUDIT_SOURCE_DIR) + "/corpus/demo/ca/ca.pem");
    OracleOptions options;
    options.ca_pem.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return Oracle::Create(options);
  }();
  return *oracle;
}

void CheckResult(const Oracle::Result& r) {
  size_t input = 0;
  nlohmann::json doc = nlohmann::json::array();
  for (const Finding& f : r.findings) {
    input += f.rule == kInputRuleId ? 1 : 0;
    Require(!f.rule.empty() && !f.message.empty(), "a finding without rule or message");
    Require(f.fingerprint.size() == 32, "a fingerprint that is not 128 bits of hex");
    Require(f.status == Status::kFail, "the oracle returned a non-failing finding");
    doc.push_back({{"rule", f.rule}, {"message", f.message}, {"fingerprint", f.fingerprint}});
  }
  if (!r.parsed) {
    Require(r.findings.size() == 1 && input == 1,
            "unparsed input without exactly one input finding");
  } else {
    Require(input == 0, "parsed input with an input finding");
  }
  // Serialised as the oracle's lines are (evidence bytes that are not UTF-8
  // shown as \xNN): it never throws and reads back as it was written.
  std::string text = DumpJson(doc, -1);
  Require(nlohmann::json::parse(text).dump() == text, "findings JSON does not parse back");
}

}  // namespace cpaudit::fuzz
