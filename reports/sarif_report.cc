#include "reports/sarif_report.h"

#include <filesystem>
#include <map>

#include "harness/gate.h"
#include "reports/escape.h"

namespace cpaudit {
namespace {

using nlohmann::json;

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNotice:
      return "note";
  }
  return "error";
}

json RuleMetadata(const std::string& id, const std::string& name, const std::string& short_text,
                  const std::string& full_text, const std::string& help_markdown, Severity severity,
                  const std::string& cp) {
  json rule = {{"id", id},
               {"name", name},
               {"shortDescription", {{"text", short_text}}},
               {"fullDescription", {{"text", full_text}}},
               {"help", {{"text", full_text}, {"markdown", help_markdown}}},
               {"defaultConfiguration", {{"level", Level(severity)}}}};
  if (!cp.empty()) rule["properties"] = {{"cp", cp}, {"tags", {"CP " + cp}}};
  return rule;
}

// "cp-7.1.4-subject-charset" -> "Cp714SubjectCharset": SARIF wants rule names
// as identifiers in Pascal case.
std::string PascalName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

json Location(const std::string& artifact, const std::string& logical) {
  json physical = {{"artifactLocation",
                    {{"uri", UriPathEscape(ArtifactFile(artifact))}, {"uriBaseId", "EVIDENCE"}}}};
  if (int line = ArtifactLine(artifact)) physical["region"] = {{"startLine", line}};
  json loc = {{"physicalLocation", physical}};
  if (!logical.empty()) {
    loc["logicalLocations"] = {{{"fullyQualifiedName", logical}, {"kind", "resource"}}};
  }
  return loc;
}

}  // namespace

json SarifReport(const ReportView& view) {
  const RunResult& r = view.run;
  const Pack& pack = view.pack;
  json rules = json::array();
  std::map<std::string, size_t> index;
  auto add_rule = [&](json rule) {
    index[rule["id"]] = rules.size();
    rules.push_back(std::move(rule));
  };
  for (const RuleTally& t : r.rules) {
    const auto& rule = *t.rule;
    std::string help = "**CP " + rule.cp + "**";
    for (const auto& [language, text] : rule.text.texts) help += "\n\n> " + text;
    if (!rule.remediation.empty()) help += "\n\n**What to do:** " + rule.remediation;
    for (const std::string& ref : rule.references) help += "\n\n- " + ref;
    help += "\n\nSeverity: " + std::string(ToString(rule.severity)) + ". `cpaudit explain " +
            rule.id + "` shows what is checked.";
    add_rule(
        RuleMetadata(rule.id, PascalName(rule.id), rule.title,
                     rule.title + ". " + rule.text.First(pack.languages) + " (CP " + rule.cp + ")",
                     help, rule.severity, rule.cp));
  }
  add_rule(RuleMetadata(std::string(kInputRuleId), "CpauditInput", "Evidence that cannot be read",
                        "A file of the evidence could not be read (malformed DER or PEM, an empty "
                        "file, a bad log line); everything else was still evaluated.",
                        "A file of the evidence could not be read; fix or remove it.",
                        Severity::kError, ""));
  add_rule(RuleMetadata(
      std::string(kWaiverRuleId), "CpauditWaiver", "A waiver that expired or matches nothing",
      "An expired waiver fails the gate until it is renewed or the finding is fixed; "
      "a waiver that matches no finding is a notice.",
      "Renew or remove the waiver.", Severity::kError, ""));

  json results = json::array();
  for (const Finding& f : r.findings) {
    json result = {{"ruleId", f.rule},
                   {"ruleIndex", index.count(f.rule) ? index[f.rule] : 0},
                   {"level", Level(f.severity)},
                   {"message", {{"text", f.message}}},
                   {"locations", {Location(f.artifact, f.location)}},
                   {"partialFingerprints", {{"cpauditFingerprint/v1", f.fingerprint}}}};
    if (!f.baseline.empty()) result["baselineState"] = f.baseline;
    if (f.waiver) {
      result["suppressions"] = {
          {{"kind", "external"},
           {"status", "accepted"},
           {"justification", f.waiver->justification + " (approved by " + f.waiver->approver +
                                 ", expires " + f.waiver->expires + ")"},
           {"location",
            {{"physicalLocation",
              {{"artifactLocation", {{"uri", UriPathEscape(ArtifactFile(f.waiver->where))}}}}}}}}};
    }
    results.push_back(std::move(result));
  }
  for (const BaselineEntry& e : r.fixed) {
    results.push_back({{"ruleId", e.rule},
                       {"ruleIndex", index.count(e.rule) ? index[e.rule] : 0},
                       {"message", {{"text", "fixed since the baseline: " + e.message}}},
                       {"locations", {Location(e.artifact, "")}},
                       {"partialFingerprints", {{"cpauditFingerprint/v1", e.fingerprint}}},
                       {"baselineState", "absent"}});
  }
  std::error_code ec;
  std::string base = std::filesystem::absolute(r.evidence, ec).lexically_normal().string();
  if (base.empty() || base.back() != '/') base += '/';
  json parameters = json::object();
  for (const auto& [name, value] : view.parameters) parameters[name] = value;
  json run = {{"tool",
               {{"driver",
                 {{"name", "cpaudit"},
                  {"version", CPAUDIT_VERSION},
                  {"semanticVersion", CPAUDIT_VERSION},
                  {"rules", rules}}}}},
              {"originalUriBaseIds", {{"EVIDENCE", {{"uri", "file://" + UriPathEscape(base)}}}}},
              {"invocations",
               {{{"executionSuccessful", true},
                 {"properties",
                  {{"pack", pack.id + " " + pack.version},
                   {"evaluatedAt", view.evaluated_at},
                   {"parameters", parameters},
                   {"gate", view.gate_failed ? "fail" : "pass"}}}}}},
              {"results", results}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {run}}};
}

}  // namespace cpaudit
