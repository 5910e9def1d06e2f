#include "reports/json_report.h"

#include "harness/model/digest.h"
#include "reports/escape.h"

namespace cpaudit {
namespace {

// {"ja": "...", "en": "..."}: a text in each of its languages.
nlohmann::json Texts(const LocalizedText& text) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [language, t] : text.texts) out[language] = t;
  return out;
}

}  // namespace

nlohmann::json JsonReport(const ReportView& view) {
  using nlohmann::json;
  const RunResult& r = view.run;
  const Pack& pack = view.pack;
  json doc;
  doc["tool"] = {{"name", "cpaudit"}, {"version", CPAUDIT_VERSION}};
  doc["pack"] = {{"id", pack.id},
                 {"version", pack.version},
                 {"title", pack.title},
                 {"policy_oids", pack.policy_oids},
                 {"languages", pack.languages},
                 {"digest", pack.digest}};
  json parameters = json::object();
  for (const auto& [name, value] : view.parameters) parameters[name] = value;
  doc["pack"]["parameters"] = std::move(parameters);
  doc["evaluated_at"] = view.evaluated_at;
  doc["evidence"] = {{"path", r.evidence}, {"cas", r.cas},   {"certificates", r.certificates},
                     {"crls", r.crls},     {"csrs", r.csrs}, {"events", r.events}};
  if (!IsValidUtf8(r.evidence)) doc["evidence"]["path_bytes"] = BytesHex(r.evidence);
  json manifest = json::array();
  for (const ManifestEntry& m : r.manifest) {
    manifest.push_back({{"file", m.file}, {"size", m.size}, {"sha256", m.sha256}});
  }
  doc["evidence"]["manifest"] = std::move(manifest);

  json rule_counts = json::object();
  json evaluations = json::object();
  for (Status s : kAllStatuses) {
    rule_counts[std::string(ToString(s))] = view.rules_by_status[static_cast<size_t>(s)];
    evaluations[std::string(ToString(s))] = view.evaluations_by_status[static_cast<size_t>(s)];
  }
  json rules = json::array();
  for (const RuleTally& t : r.rules) {
    json rule = {{"id", t.rule->id},
                 {"cp", t.rule->cp},
                 {"title", t.rule->title},
                 {"severity", ToString(t.rule->severity)},
                 {"status", ToString(t.status)}};
    for (Status s : kAllStatuses) rule[std::string(ToString(s))] = t.count(s);
    rule["reasons"] = t.reasons;
    rule["text"] = Texts(t.rule->text);
    if (!t.rule->remediation.empty()) rule["remediation"] = t.rule->remediation;
    if (!t.rule->references.empty()) rule["references"] = t.rule->references;
    rules.push_back(std::move(rule));
  }
  json by_severity = json::object();
  for (Severity s : kAllSeverities) {
    by_severity[std::string(ToString(s))] = view.failing_by_severity[static_cast<size_t>(s)];
  }
  const GateCounts& gate = view.gate;
  doc["summary"] = {{"result", view.gate_failed ? "fail" : "pass"},
                    {"waived", {{"findings", gate.waived}, {"input", gate.waived_input}}},
                    {"fail_on", ToString(r.fail_on)},
                    {"findings", by_severity},
                    {"rules", rule_counts},
                    {"evaluations", evaluations}};
  doc["rules"] = std::move(rules);

  json findings = json::array();
  for (const Finding& f : r.findings) {
    json finding = {{"rule", f.rule},
                    {"cp", f.cp},
                    {"severity", ToString(f.severity)},
                    {"status", ToString(f.status)},
                    {"artifact", f.artifact},
                    {"location", f.location},
                    {"message", f.message},
                    {"fingerprint", f.fingerprint},
                    {"baseline", f.baseline.empty() ? "new" : f.baseline}};
    // A file name need not be UTF-8: the text is escaped, the raw bytes kept.
    if (!IsValidUtf8(f.artifact)) finding["artifact_bytes"] = BytesHex(f.artifact);
    if (!f.serial.empty()) finding["serial"] = f.serial;
    const Rule* rule = pack.FindRule(f.rule);
    if (rule != nullptr && !rule->remediation.empty()) finding["remediation"] = rule->remediation;
    if (f.waiver) {
      finding["waiver"] = {{"justification", f.waiver->justification},
                           {"approver", f.waiver->approver},
                           {"expires", f.waiver->expires},
                           {"where", f.waiver->where}};
    }
    findings.push_back(std::move(finding));
  }
  doc["findings"] = std::move(findings);
  if (r.baseline_file) {
    json fixed = json::array();
    for (const BaselineEntry& e : r.fixed) {
      fixed.push_back({{"rule", e.rule},
                       {"artifact", e.artifact},
                       {"message", e.message},
                       {"fingerprint", e.fingerprint}});
    }
    doc["baseline"] = {{"file", *r.baseline_file},
                       {"new", gate.fresh},
                       {"unchanged", gate.unchanged},
                       {"fixed", std::move(fixed)}};
  }

  json coverage = json::array();
  for (const CoverageRow& row : view.coverage) {
    const CoverageEntry& c = *row.entry;
    json entry = {
        {"section", c.section}, {"title", c.title}, {"status", c.status}, {"rules", c.rules}};
    if (!row.result.empty()) entry["result"] = row.result;
    if (!c.text.empty()) entry["text"] = Texts(c.text);
    if (!c.checklist.empty()) entry["checklist"] = Texts(c.checklist);
    coverage.push_back(std::move(entry));
  }
  doc["coverage"] = std::move(coverage);
  doc["document_id"] = DocumentId(doc);
  return doc;
}

std::string DocumentId(const nlohmann::json& report) {
  nlohmann::json canonical = report;
  canonical.erase("document_id");
  return Sha256Hex(DumpJson(std::move(canonical), -1));
}

}  // namespace cpaudit
