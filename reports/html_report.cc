#include "reports/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "reports/escape.h"
#include "reports/timeline_svg.h"

namespace cpaudit {
namespace {

// Above these, rows fold into a "more" disclosure and sections start closed.
constexpr size_t kRowsShown = 50;
constexpr size_t kOpenSectionsUpTo = 100;
constexpr size_t kListAllArtifactsUpTo = 500;
// Artifacts whose findings get their own fold in the by-artifact view; past
// this the table still counts every artifact's findings by severity.
constexpr size_t kArtifactFoldsUpTo = 200;

constexpr const char* kStyle = R"css(
:root { --error: #b3261e; --warning: #8a5a00; --notice: #1a5fb4; --pass: #2e7d32; --muted: #5f6368;
        --line: #dadce0; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif;
       color: #202124; margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 6px 0;
      z-index: 1; display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
nav a { color: #1a5fb4; text-decoration: none; }
nav .tools { margin-left: auto; display: flex; gap: 8px; }
button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); background: #fff; border-radius: 4px;
         cursor: pointer; }
input[type=search] { font: inherit; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
         color: #fff; white-space: nowrap; }
.b-error, .b-fail { background: var(--error); } .b-warning { background: var(--warning); }
.b-notice { background: var(--notice); } .b-pass { background: var(--pass); }
.b-waived, .b-not_applicable, .b-not_effective, .b-not_evaluated, .b-informative, .b-delegated,
.b-unchanged { background: var(--muted); }
.b-partial { background: #7e57c2; }
td.sev { font-weight: 600; } td.error { color: var(--error); } td.warning { color: var(--warning); }
td.notice { color: var(--notice); }
.b-automated { background: #3949ab; } .b-manual { background: #6d4c41; } .b-new { background: #c2185b; }
.gate { font-size: 20px; padding: 4px 16px; border-radius: 6px; color: #fff; display: inline-block; }
.gate.fail { background: var(--error); } .gate.pass { background: var(--pass); }
.meta td:first-child { width: 180px; color: var(--muted); }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 0 12px; }
details > summary { cursor: pointer; padding: 8px 0; font-weight: 600; }
details[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
details.more { border-style: dashed; }
blockquote { margin: 4px 0 8px; padding: 4px 12px; border-left: 4px solid var(--line); color: #3c4043;
             background: var(--bg-soft); }
blockquote .lang + .lang { display: block; color: var(--muted); }
.remediation { margin: 4px 0 8px; }
.checklist td.result { white-space: nowrap; width: 90px; }
.checklist td.remarks { width: 28%; }
.signoff th { width: 120px; } .signoff td { height: 36px; width: 35%; }
.muted { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
.docid { color: var(--muted); margin: -8px 0 16px; font-size: 12px; word-break: break-all; }
.filters { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0; padding: 8px;
           background: var(--bg-soft); border-radius: 6px; }
.filters label { white-space: nowrap; }
h2 .count { font-size: 13px; font-weight: normal; }
figure.timeline { margin: 8px 0 16px; } figure.timeline svg { width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 4px; overflow-wrap: anywhere; }
svg .grid { stroke: #e0e0e0; } svg .tick { font: 10px sans-serif; fill: #5f6368; text-anchor: middle; }
svg .label { font: 11px ui-monospace, monospace; fill: #202124; }
svg .label.late { fill: var(--error); font-weight: 600; }
svg .validity, .key.validity { fill: #90a4ae; background: #90a4ae; }
svg .crl, .key.crl { fill: #4db6ac; background: #4db6ac; }
svg .issued, svg .done, .key.issued, .key.done { fill: var(--pass); background: var(--pass); }
svg .revoked, svg .overdue, svg .done-late, .key.revoked, .key.overdue { fill: var(--error);
  background: var(--error); }
svg .window { stroke: #757575; stroke-width: 2; } svg .window.open { stroke-dasharray: 4 3; }
svg .deadline { stroke: #202124; stroke-width: 1.5; }
svg .now { stroke: #1a5fb4; stroke-dasharray: 3 3; }
.legend .key { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 10px;
               vertical-align: middle; }
.key.window { height: 2px; background: #757575; } .key.done { width: 10px; border-radius: 50%; }
.key.now { width: 2px; background: #1a5fb4; }
.chapter-title { color: var(--muted); margin: 10px 0 4px; }
@media print { .filter-box { display: none; } }
@media screen and (max-width: 760px) {
  body { padding: 8px; }
  nav .tools { margin-left: 0; flex-wrap: wrap; }
  input[type=search] { width: 100%; }
  table { display: block; max-width: 100%; overflow-x: auto; }
  td, th { overflow-wrap: anywhere; }
  code, .mono { overflow-wrap: anywhere; }
  .meta td:first-child { width: auto; white-space: nowrap; overflow-wrap: normal; }
  /* A finding is a card: its cells flow and wrap, the message takes a line. */
  table:has(tr.finding), table:has(tr.finding) tbody { display: block; overflow: visible; }
  table:has(tr.finding) tr:not(.finding) { display: none; }
  tr.finding { display: flex; flex-wrap: wrap; gap: 0 10px; padding: 6px 0;
               border-top: 1px solid var(--line); }
  tr.finding > td { border: none; padding: 0; }
}
@media print {
  nav { display: none; }
  body { max-width: none; padding: 0; font-size: 11px; }
  details { border: none; padding: 0; }
  details > summary { list-style: none; }
  h2 { break-after: avoid; }
  tr, blockquote { break-inside: avoid; }
  section { break-before: page; }
  section#summary { break-before: auto; }
  .chapter + .chapter, #section-not-evaluated { break-before: page; }
  figure.timeline { break-inside: avoid; }
}
)css";

constexpr const char* kScript = R"js(
(function () {
  function all(open) { document.querySelectorAll('details').forEach(function (d) { d.open = open; }); }
  document.getElementById('expand').addEventListener('click', function () { all(true); });
  document.getElementById('collapse').addEventListener('click', function () { all(false); });
  window.addEventListener('beforeprint', function () { all(true); });
  // A link into a closed fold (a late deadline's findings) opens it first.
  function reveal() {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var d = target; d; d = d.parentElement) { if (d.tagName === 'DETAILS') d.open = true; }
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  var filter = document.getElementById('filter');
  var boxes = document.querySelectorAll('#filters input[data-facet]');
  function allowed(facet) {
    var on = {};
    boxes.forEach(function (b) { if (b.dataset.facet === facet && b.checked) on[b.value] = true; });
    return on;
  }
  // A row shows when its text matches and every facet allows it; a rule with
  // no profile applies to every profile.
  function apply() {
    var q = filter.value.toLowerCase();
    var sev = allowed('severity'), res = allowed('result'), chap = allowed('chapter'),
        kind = allowed('kind'), prof = allowed('profile');
    var hasProfiles = document.querySelector('#filters input[data-facet=profile]') !== null;
    var shown = 0, total = 0;
    // A finding row has its severity as its first cell's class and its rule's
    // facets on its table; a rule not evaluated has them all on its row.
    document.querySelectorAll('#findings tr.finding').forEach(function (row) {
      var d = row.dataset.chapter ? row.dataset : row.closest('table').dataset;
      var severity = row.dataset.severity || row.cells[0].classList[1];
      var inProfile = !hasProfiles || !d.profiles ||
          d.profiles.split(' ').some(function (p) { return prof[p]; });
      var ok = sev[severity] && res[row.dataset.result || 'fail'] && chap[d.chapter] && kind[d.kind] &&
          inProfile &&
          (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.style.display = ok ? '' : 'none';
      total++;
      if (ok) shown++;
    });
    document.querySelectorAll('#artifacts tr.finding').forEach(function (row) {
      row.style.display = !q || row.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
    });
    var count = document.getElementById('shown-count');
    if (count) count.textContent = shown + ' of ' + total + ' shown';
    if (q) all(true);
  }
  filter.addEventListener('input', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
})();
)js";

std::string E(std::string_view s) { return XmlEscape(s); }

// A CSS string literal of `text`: ASCII other than letters, digits, space and
// a few safe marks becomes a CSS escape, so that no text closes the string or
// the <style> element; UTF-8 beyond ASCII stays as it is.
std::string CssString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c) || c == ' ' || c == '.' || c == '-' || c == ':' || c == ',') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("\\{:x} ", c);
    }
  }
  return out + "\"";
}

// A text in each of its languages, the first as it is and the others muted
// below it, each marked with its language for the browser (fonts, reading).
std::string Texts(const LocalizedText& text) {
  std::string out = "<blockquote>";
  for (const auto& [language, t] : text.texts) {
    out += fmt::format("<span class=\"lang\" lang=\"{}\">{}</span>", E(language), E(t));
  }
  return out + "</blockquote>";
}

// What to do, and where to read more: links only for http(s) references.
std::string Remediation(const Rule& rule) {
  std::string out;
  if (!rule.remediation.empty()) {
    out += "<p class=\"remediation\"><strong>What to do:</strong> " + E(rule.remediation) + "</p>";
  }
  if (!rule.references.empty()) {
    out += "<p class=\"muted\">References: ";
    for (size_t i = 0; i < rule.references.size(); ++i) {
      const std::string& ref = rule.references[i];
      bool link = ref.rfind("https://", 0) == 0 || ref.rfind("http://", 0) == 0;
      out +=
          (i ? "; " : "") + (link ? fmt::format("<a href=\"{}\">{}</a>", E(ref), E(ref)) : E(ref));
    }
    out += "</p>";
  }
  return out;
}

std::string Badge(std::string_view text, std::string_view cls) {
  return fmt::format("<span class=\"badge b-{}\">{}</span>", cls, E(text));
}

// Failing findings by severity, then the waived ones: a waived finding is never
// counted as failing nor hidden.
std::string SeverityCounts(const std::vector<const Finding*>& findings) {
  std::array<size_t, 3> n{};
  size_t waived = 0;
  for (const Finding* f : findings) {
    if (f->status == Status::kWaived) {
      ++waived;
    } else {
      ++n[static_cast<size_t>(f->severity)];
    }
  }
  std::string out;
  for (Severity s : kAllSeverities) {
    size_t k = n[static_cast<size_t>(s)];
    if (k) out += " " + Badge(fmt::format("{} {}", k, ToString(s)), ToString(s));
  }
  if (waived) out += " " + Badge(fmt::format("{} waived", waived), "waived");
  return out;
}

// What the filters of the findings read: severity, result, CP chapter and
// the kind of artifact (the rule's; "input" for unreadable evidence).
struct RowFacets {
  std::string_view result;  // fail, waived, unchanged (against a baseline)
  std::string chapter;
  std::string kind;
  std::string profiles;  // the rule's profiles, space-separated; empty: any
};

std::string_view ResultOf(const Finding& f) {
  return f.status == Status::kWaived ? "waived" : f.baseline == "unchanged" ? "unchanged" : "fail";
}

// A rule's facets (null: cpaudit's own), with the result `result`.
RowFacets FacetsOf(const Rule* rule, std::string_view result) {
  RowFacets facets;
  facets.result = result;
  facets.chapter = rule == nullptr || rule->cp.empty() ? "input" : ChapterOf(rule->cp);
  facets.kind = rule ? std::string(ToString(rule->applies_to)) : "input";
  if (rule) {
    for (const std::string& p : rule->profiles)
      facets.profiles += (facets.profiles.empty() ? "" : " ") + p;
  }
  return facets;
}

// One finding; a row is a few hundred bytes, as a report may hold tens of
// thousands: the severity as a styled cell, not a badge, and the facets the
// filters read on the rule's table (one rule: one severity, chapter, kind),
// only the result on the row (none: it fails the gate).
std::string FindingRow(const Finding& f, bool with_rule, std::string_view result) {
  std::string state;
  if (f.waiver) {
    state = fmt::format("<span title=\"{}\">{}</span> ",
                        E(f.waiver->justification + " (approved by " + f.waiver->approver +
                          ", expires " + f.waiver->expires + ", " + f.waiver->where + ")"),
                        Badge("waived", "waived"));
  }
  if (!f.baseline.empty()) state += Badge(f.baseline, f.baseline);
  return fmt::format(
      "<tr class=\"finding\"{}><td class=\"sev {}\">{}</td>{}<td "
      "class=\"mono\">{}</td><td>{}</td><td class=\"muted\">{}</td><td>{}</td><td "
      "class=\"mono muted\">{}</td></tr>\n",
      result == "fail" ? "" : fmt::format(" data-result=\"{}\"", result), ToString(f.severity),
      ToString(f.severity), with_rule ? "<td class=\"mono\">" + E(f.rule) + "</td>" : "",
      E(f.artifact), E(f.message), E(f.location), state, E(f.fingerprint));
}

// The findings of one rule (with_rule false: the facets go on the table) or
// of one artifact (with_rule true: the text filter only).
// The attributes the filters read: a rule's severity, chapter, kind, profiles.
std::string FacetAttributes(const RowFacets& f) {
  return fmt::format(" data-chapter=\"{}\" data-kind=\"{}\" data-profiles=\"{}\"", E(f.chapter),
                     E(f.kind), E(f.profiles));
}

std::string FindingTable(const Pack& pack, const std::vector<const Finding*>& findings,
                         bool with_rule) {
  std::string facets;
  if (!with_rule && !findings.empty()) {
    facets = " class=\"rule-findings\"" +
             FacetAttributes(FacetsOf(pack.FindRule(findings.front()->rule), "fail"));
  }
  std::string head = "<table" + facets + "><tr><th>severity</th>" +
                     (with_rule ? "<th>rule</th>" : "") +
                     "<th>artifact</th><th>message</th><th>location</th><th>state</th>"
                     "<th>fingerprint</th></tr>\n";
  auto row = [&](const Finding& f) { return FindingRow(f, with_rule, ResultOf(f)); };
  std::string out = head;
  for (size_t i = 0; i < findings.size() && i < kRowsShown; ++i) out += row(*findings[i]);
  out += "</table>\n";
  if (findings.size() > kRowsShown) {
    out += fmt::format("<details class=\"more\"><summary>{} more</summary>\n{}",
                       findings.size() - kRowsShown, head);
    for (size_t i = kRowsShown; i < findings.size(); ++i) out += row(*findings[i]);
    out += "</table>\n</details>\n";
  }
  return out;
}

// Check boxes for each value the findings have, per facet; the script hides
// the rows a box rules out and counts what is left.
std::string FilterBar(const Pack& pack, const std::vector<std::pair<Severity, RowFacets>>& rows) {
  std::map<std::string, std::map<std::string, size_t>> values;
  for (const auto& [severity, facets] : rows) {
    ++values["severity"][std::string(ToString(severity))];
    ++values["result"][std::string(facets.result)];
    ++values["chapter"][facets.chapter];
    ++values["kind"][facets.kind];
    for (const Profile& p : pack.profiles) {
      if (facets.profiles.empty() ||
          (" " + facets.profiles + " ").find(" " + p.name + " ") != std::string::npos)
        ++values["profile"][p.name];
    }
  }
  std::string out = fmt::format(
      "<details class=\"filter-box\"><summary>Filter the findings: <span id=\"shown-count\" "
      "class=\"muted\">{} of {} shown</span></summary>\n<div class=\"filters\" "
      "id=\"filters\">\n",
      rows.size(), rows.size());
  for (const char* facet : {"severity", "result", "chapter", "kind", "profile"}) {
    if (!values.count(facet)) continue;
    out += fmt::format("<span class=\"facet\"><strong>{}</strong>", facet);
    std::vector<std::pair<std::string, size_t>> ordered(values[facet].begin(), values[facet].end());
    if (std::string_view(facet) == "chapter") {  // in CP order: 3, 4, 7, 10
      std::sort(ordered.begin(), ordered.end(),
                [](const auto& a, const auto& b) { return SectionLess(a.first, b.first); });
    }
    for (const auto& [value, n] : ordered) {
      out += fmt::format(
          " <label><input type=\"checkbox\" checked data-facet=\"{}\" value=\"{}\"> {}{} "
          "<span class=\"muted\">({})</span></label>",
          facet, E(value), std::string_view(facet) == "chapter" && value != "input" ? "§" : "",
          E(value), n);
    }
    out += "</span>\n";
  }
  out += "</div>\n</details>\n";
  return out;
}

}  // namespace

std::string HtmlReport(const ReportView& view) {
  const RunResult& r = view.run;
  const Pack& pack = view.pack;
  bool failed = view.gate_failed;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; script-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // The document id (the JSON report's) and the running header of every printed page.
  std::string document_id = view.DocumentId();
  std::string page = fmt::format(
      "@page {{ size: A4; margin: 16mm 12mm 16mm 12mm;"
      " @top-left {{ content: {}; font: 9px sans-serif; color: #5f6368; }}"
      " @top-right {{ content: {}; font: 9px monospace; color: #5f6368; }}"
      " @bottom-left {{ content: {}; font: 9px sans-serif; color: #5f6368; }}"
      " @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages);"
      " font: 9px sans-serif; color: #5f6368; }} }}\n",
      CssString(pack.id + " " + pack.version + " · " + pack.policy_title),
      CssString("Document " + document_id.substr(0, 16)),
      CssString("Evaluated " + view.evaluated_at));
  out +=
      fmt::format("<title>cpaudit report: {} ({})</title>\n<style>{}{}</style>\n</head>\n<body>\n",
                  E(pack.id), failed ? "FAIL" : "PASS", kStyle, page);
  out += fmt::format(
      "<header><h1>Certificate Policy audit report</h1>\n<p class=\"subtitle\">{}</p>\n"
      "<p class=\"docid\">Document <code id=\"document-id\">{}</code> · evaluated {} · "
      "cpaudit {}</p></header>\n",
      E(pack.title), document_id, E(view.evaluated_at), CPAUDIT_VERSION);
  out +=
      "<nav><a href=\"#summary\">Summary</a><a href=\"#findings\">Findings</a><a "
      "href=\"#timeline\">Timeline</a><a href=\"#coverage\">Coverage</a><a href=\"#artifacts\">By "
      "artifact</a><a "
      "href=\"#waivers\">Waivers</a><a href=\"#rules\">Rules</a><a "
      "href=\"#manifest\">Manifest</a><span class=\"tools\"><input "
      "id=\"filter\" type=\"search\" placeholder=\"Filter findings\" aria-label=\"Filter "
      "findings\"><button id=\"expand\" type=\"button\">Expand all</button><button "
      "id=\"collapse\" type=\"button\">Collapse all</button></span></nav>\n";

  // Summary.
  const std::vector<const Finding*>& failing = view.failing;
  const std::vector<const Finding*>& waived = view.waived;
  out += "<section id=\"summary\"><h2>Summary</h2>\n";
  out += fmt::format(
      "<p><span class=\"gate {}\">Gate: {}</span> <span class=\"muted\">fails on "
      "findings of severity {} and above{}</span></p>\n",
      failed ? "fail" : "pass", failed ? "FAIL" : "PASS", ToString(r.fail_on),
      r.baseline_file ? " that are new against the baseline" : "");
  out += "<table><tr><th>findings</th>";
  for (Severity s : kAllSeverities) out += fmt::format("<th class=\"num\">{}</th>", ToString(s));
  out += "<th class=\"num\">total</th></tr>\n<tr><td>failing</td>";
  for (Severity s : kAllSeverities) {
    out +=
        fmt::format("<td class=\"num\">{}</td>", view.failing_by_severity[static_cast<size_t>(s)]);
  }
  out += fmt::format("<td class=\"num\">{}</td></tr>\n<tr><td>waived</td>", failing.size());
  for (Severity s : kAllSeverities) {
    out +=
        fmt::format("<td class=\"num\">{}</td>", view.waived_by_severity[static_cast<size_t>(s)]);
  }
  out += fmt::format("<td class=\"num\">{}</td></tr></table>\n", waived.size());
  // The rest of the summary folds: the first screen is the gate and the findings.
  out +=
      "<details id=\"about\"><summary>Policy, pack, evidence, settings and rule "
      "counts</summary>\n";
  out += "<table class=\"meta\">\n";
  auto meta = [&](const std::string& k, const std::string& v) {
    out += "<tr><td>" + E(k) + "</td><td>" + v + "</td></tr>\n";
  };
  meta("Policy", E(pack.title));
  std::string oids;
  for (const auto& o : pack.policy_oids) oids += (oids.empty() ? "" : ", ") + o;
  meta("Policy OID", "<code>" + E(oids) + "</code>");
  meta("Rule pack", "<code>" + E(pack.id) + "</code> " + E(pack.version) +
                        fmt::format(" ({} rules)", pack.rules.size()));
  meta("Evaluated at", E(view.evaluated_at));
  std::string parameters;
  for (const auto& [name, value] : view.parameters) {
    parameters += (parameters.empty() ? "" : ", ") + ("<code>" + E(name) + "</code> = " + E(value));
  }
  meta("Pack settings", parameters);
  meta("Evidence", "<code>" + E(r.evidence) + "</code>" +
                       fmt::format(": {} CA certificate(s), {} certificates, {} CRLs, {} CSRs, {} "
                                   "events",
                                   r.cas, r.certificates, r.crls, r.csrs, r.events));
  if (r.baseline_file) {
    meta("Baseline", "<code>" + E(*r.baseline_file) + "</code>" +
                         fmt::format(": {} new, {} unchanged, {} fixed", view.gate.fresh,
                                     view.gate.unchanged, r.fixed.size()));
  }
  if (!r.waivers_file.empty()) {
    meta("Waivers", "<code>" + E(r.waivers_file) + "</code>" +
                        fmt::format(": {} finding(s) waived", waived.size()));
  }
  meta("Tool", E(std::string("cpaudit ") + CPAUDIT_VERSION));
  meta("Document id", "<code>" + document_id +
                          "</code> <span class=\"muted\">(SHA-256 of the canonical JSON report; "
                          "the JSON report carries it as <code>document_id</code>)</span>");
  meta("Pack digest", "<code>sha256:" + E(pack.digest) + "</code>");
  meta("Evidence manifest",
       fmt::format("<a href=\"#manifest\">{} files read</a>, each with its size and SHA-256",
                   r.manifest.size()));
  out += "</table>\n";
  out += "<table><tr><th>status</th>";
  for (Status s : kAllStatuses) out += fmt::format("<th class=\"num\">{}</th>", ToString(s));
  out += "</tr>\n<tr><td>rules</td>";
  for (Status s : kAllStatuses) {
    out += fmt::format("<td class=\"num\">{}</td>", view.rules_by_status[static_cast<size_t>(s)]);
  }
  out += "</tr>\n<tr><td>rule × artifact</td>";
  for (Status s : kAllStatuses) {
    out += fmt::format("<td class=\"num\">{}</td>",
                       view.evaluations_by_status[static_cast<size_t>(s)]);
  }
  out += "</tr></table>\n</details>\n</section>\n";

  // Findings by CP chapter (a printed page each), then section, then rule;
  // chapters and sections with errors first, then warnings, then notices
  // (waived findings count last), in CP order within each.
  struct Chapter {
    std::string chapter;
    std::vector<const SectionFindings*> sections;
    int worst = -1;
  };
  std::vector<Chapter> chapters;
  for (const SectionFindings& s : view.sections) {
    std::string chapter = s.section.empty() ? "" : ChapterOf(s.section);
    if (chapters.empty() || chapters.back().chapter != chapter)
      chapters.push_back({chapter, {}, -1});
    chapters.back().sections.push_back(&s);
    chapters.back().worst = std::max(chapters.back().worst, s.worst);
  }
  auto by_worst = [](const auto* a, const auto* b) { return a->worst > b->worst; };
  std::vector<const Chapter*> ordered_chapters;
  for (Chapter& c : chapters) {
    std::stable_sort(c.sections.begin(), c.sections.end(), by_worst);
    ordered_chapters.push_back(&c);
  }
  std::stable_sort(ordered_chapters.begin(), ordered_chapters.end(), by_worst);
  bool open = failing.size() <= kOpenSectionsUpTo;
  out += fmt::format(
      "<section id=\"findings\"><h2>Findings <span class=\"muted count\">{} failing and {} "
      "waived in {} CP section(s), each with its clause and what to do</span></h2>\n",
      failing.size(), waived.size(), view.sections.size());
  if (failing.empty() && waived.empty()) out += "<p>No findings.</p>\n";
  std::vector<std::pair<Severity, RowFacets>> filter_rows;
  for (const auto* list : {&failing, &waived}) {
    for (const Finding* f : *list) {
      filter_rows.emplace_back(f->severity, FacetsOf(pack.FindRule(f->rule), ResultOf(*f)));
    }
  }
  for (const RuleTally* t : view.not_evaluated) {
    filter_rows.emplace_back(t->rule->severity, FacetsOf(t->rule, "not_evaluated"));
  }
  if (!filter_rows.empty()) out += FilterBar(pack, filter_rows);
  for (const Chapter* chapter : ordered_chapters) {
    const std::string& chapter_title = view.SectionTitle(chapter->chapter);
    out += fmt::format("<div class=\"chapter\" data-chapter=\"{}\">\n", E(chapter->chapter));
    if (!chapter->chapter.empty()) {
      out += fmt::format("<h3 class=\"chapter-title\">Chapter {}{}</h3>\n", E(chapter->chapter),
                         chapter_title.empty() ? "" : " " + E(chapter_title));
    }
    for (const SectionFindings* section : chapter->sections) {
      std::vector<const Finding*> all;
      for (const RuleFindings& rf : section->rules) {
        all.insert(all.end(), rf.findings.begin(), rf.findings.end());
      }
      std::string title = section->section.empty() ? "Evidence and waivers"
                                                   : "§" + section->section + " " + section->title;
      out += fmt::format(
          "<details class=\"section\" id=\"section-{}\"{}><summary>{} — {} "
          "finding(s){}</summary>\n",
          E(section->section.empty() ? "tool" : section->section), open ? " open" : "", E(title),
          all.size(), SeverityCounts(all));
      for (const RuleFindings& rf : section->rules) {
        out += fmt::format(
            "<h3 id=\"findings-{}\"><code>{}</code> {} <span class=\"muted\">({} "
            "finding{})</span></h3>\n",
            E(rf.id), E(rf.id), rf.rule ? E(rf.rule->title) : "", rf.findings.size(),
            rf.findings.size() == 1 ? "" : "s");
        if (rf.rule != nullptr) out += Texts(rf.rule->text) + Remediation(*rf.rule) + "\n";
        out += FindingTable(pack, rf.findings, false);
      }
      out += "</details>\n";
    }
    out += "</div>\n";
  }
  // Rules not evaluated are part of the working paper too: their rows carry
  // their own facets, so the result filter can show or hide them.
  if (!view.not_evaluated.empty()) {
    out += fmt::format(
        "<details class=\"section\" id=\"section-not-evaluated\"><summary>Not evaluated — {} "
        "rule(s) the evidence could not decide</summary>\n<table><tr><th>severity</th><th>rule</th>"
        "<th>§</th><th>why</th></tr>\n",
        view.not_evaluated.size());
    for (const RuleTally* t : view.not_evaluated) {
      std::string reasons;
      for (const auto& reason : t->reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
      out += fmt::format(
          "<tr class=\"finding\" data-result=\"not_evaluated\" data-severity=\"{}\"{}><td "
          "class=\"sev {}\">{}</td><td class=\"mono\"><a href=\"#rule-{}\">{}</a></td><td "
          "class=\"mono\">{}</td><td>{}</td></tr>\n",
          ToString(t->rule->severity), FacetAttributes(FacetsOf(t->rule, "not_evaluated")),
          ToString(t->rule->severity), ToString(t->rule->severity), E(t->rule->id), E(t->rule->id),
          E(t->rule->cp), E(reasons));
    }
    out += "</table>\n</details>\n";
  }
  out += "</section>\n";

  out += TimelineSection(view);

  // Coverage.
  std::array<size_t, 4> cov{};
  const char* kCoverage[] = {"automated", "manual", "delegated", "informative"};
  for (const CoverageEntry& c : pack.coverage) {
    for (size_t i = 0; i < 4; ++i) cov[i] += c.status == kCoverage[i] ? 1 : 0;
  }
  out += fmt::format(
      "<section id=\"coverage\"><h2>Coverage of the CP</h2>\n<p>{} sections: {} "
      "automated, {} manual (checklist below), {} delegated to the CPS, {} "
      "informative.</p>\n",
      pack.coverage.size(), cov[0], cov[1], cov[2], cov[3]);
  out += "<table><tr><th>§</th><th>title</th><th>coverage</th><th>result</th><th>rules</th></tr>\n";
  for (const CoverageRow& row : view.coverage) {
    const CoverageEntry& c = *row.entry;
    std::string result;
    std::string rules;
    for (const RuleTally* t : row.rules) {
      rules += fmt::format("<a href=\"#rule-{}\" class=\"mono\">{}</a> ", E(t->rule->id),
                           E(t->rule->id));
    }
    if (!row.result.empty()) {
      result = Badge(row.result, row.result);
    } else if (c.status == "manual") {
      result = "<span class=\"muted\">checklist</span>";
    }
    out += fmt::format(
        "<tr><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        E(c.section), E(c.title), Badge(c.status, c.status), result, rules);
  }
  // The manual checklist is a working paper: a result and remarks per item,
  // and the sign-off of whoever checked them, to fill in on paper or on screen.
  out +=
      "</table>\n<h3>Manual checklist</h3>\n<p class=\"muted\">Requirements no artifact shows; "
      "an auditor checks each by hand and records the result.</p>\n<table class=\"checklist\">"
      "<tr><th>§</th><th>requirement</th><th>result</th><th>remarks</th></tr>\n";
  for (const CoverageEntry& c : pack.coverage) {
    if (!c.HasChecklistItem()) continue;
    out += fmt::format(
        "<tr class=\"item\"><td class=\"mono\">{}</td><td><strong>{}</strong>{}{}</td>"
        "<td class=\"result\">☐ met<br>☐ not met<br>☐ n/a</td><td class=\"remarks\"></td></tr>\n",
        E(c.section), E(c.title),
        c.status == "manual" ? "" : " <span class=\"muted\">(beside its automated rules)</span>",
        Texts(c.ChecklistItem()));
  }
  out +=
      "</table>\n<table class=\"signoff\"><tr><th>Checked by</th><td></td><th>Date</th><td></td>"
      "</tr>\n<tr><th>Result</th><td></td><th>Remarks</th><td></td></tr></table>\n</section>\n";

  // By artifact.
  out += fmt::format(
      "<section id=\"artifacts\"><h2>By artifact</h2>\n<p>{} artifact(s) read; {} "
      "with findings (certificates, CRLs, CSRs, log lines and files).</p>\n",
      r.artifacts.size(), view.artifacts.size());
  out += "<table><tr><th>artifact</th><th>kind</th><th>what</th><th>findings</th></tr>\n";
  size_t without = 0;
  std::set<std::string_view> with_findings;
  for (const ArtifactFindings& a : view.artifacts) with_findings.insert(a.artifact);
  bool list_all = r.artifacts.size() <= kListAllArtifactsUpTo;
  for (const ArtifactInfo& a : r.artifacts) {
    if (!with_findings.count(a.name)) {
      if (!list_all) {
        ++without;
        continue;
      }
      out += fmt::format("<tr><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         E(a.name), E(a.kind), E(a.description), Badge("pass", "pass"));
    }
  }
  size_t listed = 0;
  for (const ArtifactFindings& a : view.artifacts) {
    if (++listed > kListAllArtifactsUpTo) break;
    out += fmt::format(
        "<tr><td class=\"mono\"><a "
        "href=\"#artifact-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        E(a.artifact), E(a.artifact), a.info ? E(a.info->kind) : "file or log line",
        a.info ? E(a.info->description) : "", SeverityCounts(a.findings));
  }
  out += "</table>\n";
  if (view.artifacts.size() > kListAllArtifactsUpTo) {
    out += fmt::format(
        "<p class=\"muted\">{} more artifact(s) with findings: every finding is under Findings "
        "above and in the JSON report.</p>\n",
        view.artifacts.size() - kListAllArtifactsUpTo);
  }
  if (without)
    out += fmt::format("<p class=\"muted\">{} other artifact(s) have no findings.</p>\n", without);
  size_t folds = 0;
  for (const ArtifactFindings& a : view.artifacts) {
    if (++folds > kArtifactFoldsUpTo) {
      out += fmt::format(
          "<p class=\"muted\">The findings of {} more artifact(s) are listed by "
          "section above and in the JSON report.</p>\n",
          view.artifacts.size() - kArtifactFoldsUpTo);
      break;
    }
    out += fmt::format(
        "<details id=\"artifact-{}\"{}><summary><code>{}</code> — {} finding(s){}</summary>\n",
        E(a.artifact), open ? " open" : "", E(a.artifact), a.findings.size(),
        SeverityCounts(a.findings));
    out += FindingTable(pack, a.findings, true);
    out += "</details>\n";
  }
  out += "</section>\n";

  // Waivers.
  out += fmt::format("<section id=\"waivers\"><h2>Waivers</h2>\n<p>{} finding(s) waived.</p>\n",
                     waived.size());
  if (!waived.empty()) {
    out +=
        "<table><tr><th>rule</th><th>artifact</th><th>message</th><th>justification</th><th>"
        "approver</th><th>expires</th><th>waiver</th><th>fingerprint</th></tr>\n";
    for (const Finding* f : waived) {
      out += fmt::format(
          "<tr class=\"finding\"><td class=\"mono\">{}</td><td "
          "class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td "
          "class=\"mono\">{}</td><td class=\"mono muted\" title=\"{}\">{}</td></tr>\n",
          E(f->rule), E(f->artifact), E(f->message), E(f->waiver->justification),
          E(f->waiver->approver), E(f->waiver->expires), E(f->waiver->where), E(f->fingerprint),
          E(f->fingerprint.substr(0, 12)));
    }
    out += "</table>\n";
  }
  out += "</section>\n";

  // Rules.
  out +=
      "<section id=\"rules\"><h2>Rules</h2>\n<table><tr><th>rule</th><th>§</th><th>severity</th>"
      "<th>status</th><th class=\"num\">pass</th><th class=\"num\">fail</th><th "
      "class=\"num\">waived</th><th class=\"num\">n/a</th><th>notes</th></tr>\n";
  for (const RuleTally& t : r.rules) {
    std::string reasons;
    for (const auto& reason : t.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    out += fmt::format(
        "<tr id=\"rule-{}\"><td><code>{}</code><br><span class=\"muted\">{}</span></td><td "
        "class=\"mono\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
        "class=\"muted\">{}</td></tr>\n",
        E(t.rule->id), E(t.rule->id), E(t.rule->title), E(t.rule->cp),
        Badge(ToString(t.rule->severity), ToString(t.rule->severity)),
        Badge(ToString(t.status), ToString(t.status)), t.count(Status::kPass),
        t.count(Status::kFail), t.count(Status::kWaived),
        t.count(Status::kNotApplicable) + t.count(Status::kNotEffective), E(reasons));
  }
  out += "</table>\n</section>\n";
  out += fmt::format(
      "<section id=\"manifest\"><h2>Evidence manifest</h2>\n<p>Every file this report rests "
      "on, as read: {} files.</p>\n",
      r.manifest.size());
  if (r.manifest.size() > kRowsShown) out += "<details><summary>The files</summary>\n";
  out += "<table><tr><th>file</th><th class=\"num\">bytes</th><th>SHA-256</th></tr>\n";
  for (const ManifestEntry& m : r.manifest) {
    out += fmt::format(
        "<tr><td><code>{}</code></td><td class=\"num\">{}</td><td><code>{}</code>"
        "</td></tr>\n",
        E(m.file), m.size, E(m.sha256));
  }
  out += "</table>\n";
  if (r.manifest.size() > kRowsShown) out += "</details>\n";
  out += "</section>\n";
  out += fmt::format(
      "<footer>Written by cpaudit {} from pack {} {}. Every finding's fingerprint "
      "is stable across runs; the JSON report carries the same results.</footer>\n",
      CPAUDIT_VERSION, E(pack.id), E(pack.version));
  out += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace cpaudit
