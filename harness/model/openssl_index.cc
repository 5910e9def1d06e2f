#include "harness/model/openssl_index.h"

#include <map>
#include <sstream>

namespace cpaudit {
namespace {

// UTCTime "YYMMDDHHMMSSZ" or GeneralizedTime "YYYYMMDDHHMMSSZ".
std::optional<UnixTime> ParseIndexTime(const std::string& s) {
  std::string full;
  if (s.size() == 13) {
    int yy = std::atoi(s.substr(0, 2).c_str());
    full = (yy >= 50 ? "19" : "20") + s;
  } else if (s.size() == 15) {
    full = s;
  } else {
    return std::nullopt;
  }
  if (full.back() != 'Z') return std::nullopt;
  std::string rfc = full.substr(0, 4) + "-" + full.substr(4, 2) + "-" + full.substr(6, 2) + "T" +
                    full.substr(8, 2) + ":" + full.substr(10, 2) + ":" + full.substr(12, 2) + "Z";
  return ParseRfc3339(rfc);
}

// openssl ca's reason names -> RFC 5280 names.
const std::map<std::string, std::string>& Reasons() {
  static const std::map<std::string, std::string> kReasons = {
      {"unspecified", "unspecified"},         {"keyCompromise", "keyCompromise"},
      {"keyTime", "keyCompromise"},           {"CACompromise", "cACompromise"},
      {"CAkeyTime", "cACompromise"},          {"affiliationChanged", "affiliationChanged"},
      {"superseded", "superseded"},           {"cessationOfOperation", "cessationOfOperation"},
      {"certificateHold", "certificateHold"}, {"holdInstruction", "certificateHold"},
      {"removeFromCRL", "removeFromCRL"},
  };
  return kReasons;
}

}  // namespace

void ReadOpenSslIndex(std::string_view text, const std::string& path,
                      const std::function<const Certificate*(const std::string&)>& find,
                      std::vector<Event>* events, std::vector<IndexProblem>* problems) {
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, '\t')) f.push_back(field);
    auto problem = [&](std::string message) { problems->push_back({number, std::move(message)}); };
    if (f.size() < 6) {
      problem(
          "expected 6 tab-separated fields (status, expiry, revocation, serial, file, subject)");
      continue;
    }
    const std::string& status = f[0];
    if (status != "V" && status != "R" && status != "E") {
      problem("status \"" + status + "\" is not V, R or E");
      continue;
    }
    if (!ParseIndexTime(f[1])) {
      problem("expiry \"" + f[1] + "\" is not a UTCTime or GeneralizedTime");
      continue;
    }
    auto serial = NormalizeSerial(f[3]);
    if (!serial) {
      problem("serial \"" + f[3] + "\" is not hex");
      continue;
    }
    const Certificate* cert = find(*serial);
    if (cert == nullptr) {
      problem("serial " + *serial + " is not among the certificates in certs/");
      continue;
    }
    Source source{path, 0, number};
    Event issued;
    issued.source = source;
    issued.time = cert->not_before();
    issued.type = "certificate_issued";
    issued.Set("serial", *serial);
    issued.Set("certificate", cert->source().Display());
    events->push_back(std::move(issued));
    if (status != "R") continue;
    std::string revocation = f[2];
    std::string reason;
    if (size_t comma = revocation.find(','); comma != std::string::npos) {
      std::string name = revocation.substr(comma + 1);
      name = name.substr(0, name.find(','));
      revocation = revocation.substr(0, comma);
      auto it = Reasons().find(name);
      if (it == Reasons().end()) {
        problem("revocation reason \"" + name + "\" is unknown");
        continue;
      }
      reason = it->second;
    }
    auto when = ParseIndexTime(revocation);
    if (!when) {
      problem("revocation date \"" + revocation + "\" is not a UTCTime or GeneralizedTime");
      continue;
    }
    Event revoked;
    revoked.source = source;
    revoked.time = *when;
    revoked.type = "certificate_revoked";
    revoked.Set("serial", *serial);
    if (!reason.empty()) revoked.Set("reason", reason);
    events->push_back(std::move(revoked));
  }
}

}  // namespace cpaudit
