#include "harness/gate.h"

#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "harness/model/event_log.h"
#include "harness/params.h"
#include "harness/yaml_load.h"

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

std::string Required(const YAML::Node& node, const std::string& file, const char* key) {
  const YAML::Node v = node[key];
  if (!v) ThrowAt(file, node, std::string("a waiver needs `") + key + "`");
  if (!v.IsScalar() || v.Scalar().empty()) ThrowAt(file, v, std::string(key) + ": expected text");
  return v.Scalar();
}

// Unreadable evidence is waived file by file, never by a pattern: a glob would
// also waive the files that break tomorrow.
bool WaivesInputByGlob(const Waiver& w) {
  return w.rule == kInputRuleId &&
         (w.path.empty() || w.path.find_first_of("*?[\\") != std::string::npos);
}

bool Matches(const Waiver& w, const Finding& f) {
  if (w.rule != f.rule || WaivesInputByGlob(w)) return false;
  if (!w.path.empty() && fnmatch(w.path.c_str(), f.artifact.c_str(), 0) != 0) return false;
  if (!w.serial.empty() && w.serial != f.serial) return false;
  if (!w.subject.empty() && w.subject != f.subject) return false;
  return true;
}

Finding WaiverFinding(const Waiver& w, Severity severity, std::string message) {
  Finding f;
  f.rule = std::string(kWaiverRuleId);
  f.severity = severity;
  f.status = Status::kFail;
  f.artifact = w.where;
  f.location = "waiver for " + w.rule;
  f.message = std::move(message);
  f.identity = "waiver|" + w.rule + "|" + w.path + "|" + w.serial + "|" + w.subject;
  f.fingerprint = Fingerprint(f.rule, f.identity);
  return f;
}

}  // namespace

std::vector<Waiver> LoadWaivers(const fs::path& path) {
  std::string file = path.string();
  YAML::Node root = LoadYamlFile(path, "waivers file");
  if (!root.IsMap() || !root["waivers"] || !root["waivers"].IsSequence()) {
    ThrowAt(file, root, "expected `waivers:` and a list");
  }
  for (const auto& kv : root) {
    if (kv.first.as<std::string>() != "waivers") {
      ThrowAt(file, kv.first, "unknown key \"" + kv.first.as<std::string>() + "\"");
    }
  }
  std::vector<Waiver> out;
  for (const auto& node : root["waivers"]) {
    if (!node.IsMap()) ThrowAt(file, node, "a waiver must be a map");
    for (const auto& kv : node) {
      std::string k = kv.first.as<std::string>();
      if (k != "rule" && k != "match" && k != "justification" && k != "approver" &&
          k != "expires") {
        ThrowAt(file, kv.first, "unknown key \"" + k + "\" in a waiver");
      }
    }
    Waiver w;
    w.where = Where(file, node);
    w.rule = Required(node, file, "rule");
    w.justification = Required(node, file, "justification");
    w.approver = Required(node, file, "approver");
    std::string expires = Required(node, file, "expires");
    auto day = ParseDay(expires);
    if (!day) ThrowAt(file, node["expires"], "expires: expected YYYY-MM-DD");
    w.expires = *day;
    const YAML::Node match = node["match"];
    if (!match) ThrowAt(file, node, "a waiver needs `match` (path, serial or subject)");
    if (!match.IsMap() || match.size() == 0) {
      ThrowAt(file, match, "match: expected path, serial and/or subject");
    }
    for (const auto& kv : match) {
      std::string k = kv.first.as<std::string>();
      if (!kv.second.IsScalar()) ThrowAt(file, kv.second, k + ": expected text");
      std::string v = kv.second.Scalar();
      if (k == "path") {
        w.path = v;
      } else if (k == "serial") {
        auto serial = NormalizeSerial(v);
        if (!serial) ThrowAt(file, kv.second, "serial: expected hex");
        w.serial = *serial;
      } else if (k == "subject") {
        w.subject = v;
      } else {
        ThrowAt(file, kv.first, "unknown key \"" + k + "\" in match (path, serial, subject)");
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

Baseline LoadBaseline(const fs::path& path, const std::string& pack_id) {
  Baseline b;
  b.file = path.string();
  std::ifstream in(path);
  if (!in) throw PackError(b.file + ": cannot read the baseline");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("findings") || !j["findings"].is_array()) {
    throw PackError(b.file + ": not a cpaudit JSON report (no findings list)");
  }
  auto text = [&](const char* object, const char* key) {
    const auto& o = j[object];
    return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>()
                                                                  : std::string("(none)");
  };
  if (std::string tool = text("tool", "name"); tool != "cpaudit") {
    throw PackError(b.file + ": the baseline was made by \"" + tool + "\", not cpaudit");
  }
  if (std::string pack = text("pack", "id"); pack != pack_id) {
    throw PackError(b.file + ": the baseline was made with pack \"" + pack +
                    "\"; this run uses pack \"" + pack_id + "\"");
  }
  for (const auto& f : j["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      throw PackError(b.file + ": a finding has no fingerprint");
    }
    if (f.value("status", "") != "fail") continue;
    b.findings.push_back({f.value("rule", ""), f.value("artifact", ""), f.value("message", ""),
                          f["fingerprint"].get<std::string>()});
  }
  return b;
}

void ApplyGate(RunResult* result, const std::vector<Waiver>& waivers, const Baseline* baseline,
               const BusinessCalendar& calendar) {
  Day today = calendar.LocalDay(result->at);
  std::vector<bool> used(waivers.size(), false);
  std::vector<Finding> added;
  for (Finding& f : result->findings) {
    if (f.status != Status::kFail) continue;
    for (size_t i = 0; i < waivers.size(); ++i) {
      const Waiver& w = waivers[i];
      if (!Matches(w, f)) continue;
      used[i] = true;
      if (today > w.expires) continue;  // expired: the finding stands
      f.status = Status::kWaived;
      f.waiver = Finding::Waiver{w.justification, w.approver, FormatDay(w.expires), w.where};
      break;
    }
  }
  for (size_t i = 0; i < waivers.size(); ++i) {
    const Waiver& w = waivers[i];
    if (WaivesInputByGlob(w)) {
      added.push_back(WaiverFinding(
          w, Severity::kError,
          "a waiver for " + std::string(kInputRuleId) +
              " must name the exact artifact path in match.path (no glob, no serial or subject "
              "alone); it waives nothing"));
    } else if (today > w.expires) {
      // An expired waiver fails the gate whatever the threshold: someone must renew or fix.
      added.push_back(WaiverFinding(w, Severity::kError,
                                    "waiver for " + w.rule + " approved by " + w.approver +
                                        " expired on " + FormatDay(w.expires)));
    } else if (!used[i]) {
      added.push_back(
          WaiverFinding(w, Severity::kNotice, "waiver for " + w.rule + " matches no finding"));
    }
  }
  result->findings.insert(result->findings.end(), added.begin(), added.end());

  // Per rule and artifact: when every failing finding is waived, the artifact's
  // status for the rule is waived.
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> per;  // (fail, waived)
  for (const Finding& f : result->findings) {
    if (f.status == Status::kFail) ++per[{f.rule, f.artifact}].first;
    if (f.status == Status::kWaived) ++per[{f.rule, f.artifact}].second;
  }
  for (RuleTally& t : result->rules) {
    for (const auto& [key, counts] : per) {
      if (key.first != t.rule->id || counts.first > 0 || counts.second == 0) continue;
      if (t.counts[static_cast<size_t>(Status::kFail)] > 0) {
        --t.counts[static_cast<size_t>(Status::kFail)];
        ++t.counts[static_cast<size_t>(Status::kWaived)];
      }
    }
    if (t.status == Status::kFail && t.count(Status::kFail) == 0) t.status = Status::kWaived;
  }

  if (baseline != nullptr) {
    result->baseline_file = baseline->file;
    std::set<std::string> before;
    for (const BaselineEntry& e : baseline->findings) before.insert(e.fingerprint);
    std::set<std::string> now;
    for (Finding& f : result->findings) {
      if (f.status != Status::kFail && f.status != Status::kWaived) continue;
      now.insert(f.fingerprint);
      f.baseline = before.count(f.fingerprint) ? "unchanged" : "new";
    }
    for (const BaselineEntry& e : baseline->findings) {
      if (!now.count(e.fingerprint)) result->fixed.push_back(e);
    }
  }
}

}  // namespace cpaudit
