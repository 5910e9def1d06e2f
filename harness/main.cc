// cpaudit: runs a Certificate Policy rule pack over a CA's evidence.
//
// Exit codes: 0 the gate passes; 1 a finding at or above --fail-on; 2 usage,
// pack, configuration or unreadable-evidence error.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "checks/registry.h"
#include "harness/atomic_file.h"
#include "harness/audit.h"
#include "harness/calendar.h"
#include "harness/fields.h"
#include "harness/fixture_runner.h"
#include "harness/model/event_log.h"
#include "harness/oracle.h"
#include "harness/recipe.h"
#include "harness/stream_check.h"
#include "reports/escape.h"
#include "reports/formats.h"

// Where Audit leaves what it built, unfreed, until the process exits (a
// global, so that LeakSanitizer sees it reachable).
cpaudit::AuditRun* g_finished_audit = nullptr;

namespace {

using namespace cpaudit;
namespace fs = std::filesystem;

constexpr int kExitPass = 0;
constexpr int kExitGateFailed = 1;
constexpr int kExitError = 2;

std::unique_ptr<Pack> LoadChosenPack(const std::string& pack_dir) {
  return pack_dir.empty() ? LoadPack(EmbeddedDefaultPack(), "built-in pack")
                          : LoadPackDir(pack_dir);
}

struct ReportSpec {
  std::string format;
  std::string path;
};

ReportSpec ParseReportSpec(const std::string& spec) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw CLI::ValidationError("--report", "expected FORMAT=PATH, e.g. json=out/report.json");
  }
  ReportSpec r{spec.substr(0, eq), spec.substr(eq + 1)};
  if (!FindReportFormat(r.format)) {
    throw CLI::ValidationError("--report",
                               "unknown format \"" + r.format + "\" (" + ReportFormatNames() + ")");
  }
  return r;
}

// One line per format for --help.
std::string FormatHelp() {
  std::string help;
  for (const ReportFormat& f : ReportFormats())
    help += fmt::format("\n  {:<9}{}", f.name, f.description);
  return help;
}

struct AuditFlags {
  std::string evidence, pack_dir, at, fail_on = "error", color = "auto", waivers, baseline;
  bool at_given = false;  // `--at ""` is a usage error, not "now"
  std::vector<std::string> reports;
  unsigned threads = 0;
  bool quiet = false;
  bool allow_empty = false;
};

// Report paths are checked before anything is read: none inside the evidence
// (a report must not become evidence of the next run), none given twice, none
// a directory.
void CheckReportPaths(const std::vector<ReportSpec>& specs, const fs::path& evidence) {
  std::error_code ec;
  fs::path evidence_dir = fs::weakly_canonical(fs::absolute(evidence), ec);
  std::set<fs::path> seen;
  for (const ReportSpec& spec : specs) {
    fs::path target =
        spec.path == "-" ? fs::path("-") : fs::weakly_canonical(fs::absolute(spec.path), ec);
    if (!seen.insert(target).second) {
      throw CLI::ValidationError("--report", "\"" + spec.path + "\" is given twice");
    }
    if (spec.path == "-") continue;
    if (fs::is_directory(target, ec)) {
      throw CLI::ValidationError("--report", "\"" + spec.path + "\" is a directory");
    }
    auto [end, _] =
        std::mismatch(evidence_dir.begin(), evidence_dir.end(), target.begin(), target.end());
    if (end == evidence_dir.end()) {
      throw CLI::ValidationError(
          "--report",
          "\"" + spec.path + "\" is inside the evidence folder; write reports elsewhere");
    }
  }
}

int Audit(const AuditFlags& flags) {
  AuditRequest request;
  request.evidence = flags.evidence;
  if (!flags.pack_dir.empty()) request.pack_dir = flags.pack_dir;
  if (flags.at_given) {
    request.at = ParseRfc3339(flags.at);
    if (!request.at) {
      std::cerr << TerminalEscape("cpaudit: --at: expected an RFC 3339 time with offset, got \"" +
                                  flags.at + "\"")
                << "\n";
      return kExitError;
    }
  }
  request.fail_on = *ParseSeverity(flags.fail_on);
  request.threads = flags.threads;
  request.allow_empty = flags.allow_empty;
  if (!flags.waivers.empty()) request.waivers = flags.waivers;
  if (!flags.baseline.empty()) request.baseline = flags.baseline;
  std::vector<ReportSpec> specs;
  for (const auto& r : flags.reports) specs.push_back(ParseReportSpec(r));
  CheckReportPaths(specs, flags.evidence);
  // A progress line for large evidence, only where someone watches a terminal.
  bool progress = isatty(STDERR_FILENO) && !flags.quiet;
  if (progress) {
    request.progress = [](size_t done, size_t total) {
      if (total < 20000) return;
      std::cerr << fmt::format("\rcpaudit: evaluated {}/{} artifacts", done, total)
                << (done == total ? "\n" : "") << std::flush;
    };
  }

  AuditRun run = RunAudit(request);
  auto colored = [&](const std::string& path) {
    return flags.color == "always" ||
           (flags.color == "auto" && path == "-" && isatty(STDOUT_FILENO));
  };
  // Every report renders the one view of the one evaluation, so all formats
  // agree; a quiet audit without reports needs none.
  std::optional<ReportView> view;
  if (!specs.empty() || !flags.quiet) view.emplace(run.result);
  bool text_to_stdout = false;
  std::vector<std::string> written;
  bool write_failed = false;
  // One report that cannot be written (a full disk, a bad name) does not cost the others.
  for (const ReportSpec& spec : specs) {
    try {
      std::string content = FindReportFormat(spec.format)->render(*view, {colored(spec.path)});
      if (spec.path == "-") {
        text_to_stdout = true;
        std::cout << content << std::flush;
      } else {
        WriteFileAtomically(spec.path, content);
        written.push_back("wrote " + spec.format + " report " + spec.path);
      }
    } catch (const std::exception& e) {
      std::cerr << TerminalEscape(std::string("cpaudit: ") + e.what()) << "\n";
      write_failed = true;
    }
  }
  if (!flags.quiet && !text_to_stdout) {
    std::cout << FindReportFormat("text")->render(*view, {colored("-")});
    for (const std::string& line : written) std::cout << TerminalEscape(line) << "\n";
  }
  int code = write_failed ? kExitError : run.result.GateFailed() ? kExitGateFailed : kExitPass;
  // The process ends after this and the system takes its memory back at once;
  // freeing the evidence and the pack object by object cost 4% of an audit.
  g_finished_audit = new AuditRun(std::move(run));
  return code;
}

int ListRules(const std::string& pack_dir) {
  auto pack = LoadChosenPack(pack_dir);
  for (const Rule& r : pack->rules) {
    std::cout << fmt::format("{:<44} {:<7} {:<8} {}\n", r.id, r.cp, ToString(r.severity), r.title);
  }
  return kExitPass;
}

int Explain(const std::string& id, const std::string& pack_dir) {
  auto pack = LoadChosenPack(pack_dir);
  const Rule* r = pack->FindRule(id);
  if (r == nullptr) {
    std::cerr << "cpaudit: no rule \"" << id << "\" in pack " << pack->id
              << " (cpaudit rules lists them)\n";
    return kExitError;
  }
  std::cout << fmt::format("{}  ({}, CP {})\n{}\n\n", r->id, ToString(r->severity), r->cp,
                           r->title);
  for (const auto& [language, text] : r->text.texts) {
    std::cout << "CP text (" << language << "):\n  " << text << "\n\n";
  }
  if (!r->remediation.empty()) std::cout << "what to do:\n  " << r->remediation << "\n\n";
  for (const std::string& ref : r->references) std::cout << "reference: " << ref << "\n";
  if (!r->references.empty()) std::cout << "\n";
  std::cout << "applies to: " << ToString(r->applies_to);
  if (!r->profiles.empty()) {
    std::cout << " (profiles:";
    for (const auto& p : r->profiles) std::cout << " " << p;
    std::cout << ")";
  }
  if (r->effective) std::cout << "; effective from " << FormatRfc3339(*r->effective);
  if (r->ineffective) std::cout << "; ineffective from " << FormatRfc3339(*r->ineffective);
  std::cout << "\ncheck: " << r->check_name << "\n  " << r->check->Describe() << "\n";
  if (!r->options.empty()) {
    std::cout << "options:\n";
    for (const auto& [k, v] : r->options) std::cout << "  " << k << " = " << v << "\n";
  }
  std::cout << "message: " << r->message << "\ndefined in: " << r->file << ":" << r->line << "\n";
  return kExitPass;
}

int ListFields() {
  for (ArtifactKind kind : {ArtifactKind::kCertificate, ArtifactKind::kCrl, ArtifactKind::kCsr}) {
    std::cout << "applies_to: " << ToString(kind) << "\n";
    bool issuer_paths = false;
    for (const FieldDef& f : AllFields()) {
      if (f.kind != kind) continue;
      if (f.needs_issuer) {
        issuer_paths = true;
      } else {
        std::cout << fmt::format("  {:<40} {:<10} {}\n", f.path, ToString(f.type), f.doc);
      }
    }
    if (issuer_paths) {
      std::cout << fmt::format("  {:<40} {:<10} {}\n", "issuer_certificate.PATH", "as PATH",
                               "PATH (any certificate path but profile) of the issuing CA's "
                               "certificate; not evaluated when the evidence has none");
    }
  }
  std::cout << "primitives:\n";
  for (const PrimitiveInfo& p : Primitives()) {
    std::string kinds;
    for (const auto& k : p.applies_to) kinds += (kinds.empty() ? "" : ", ") + k;
    std::cout << fmt::format("  {:<22} ({}) {}\n", p.name, kinds, p.summary);
  }
  return kExitPass;
}

int ListEventFields() {
  std::cout << "event types (one JSON object a line: time, type, optional id, and these fields;"
               " docs/EVENTS.md):\n";
  for (const EventTypeInfo& t : EventTypes()) {
    std::string names;
    for (std::string_view f : t.fields) names += (names.empty() ? "" : ", ") + std::string(f);
    std::cout << fmt::format("  {:<28} {}\n  {:<28} fields: {}\n", t.name, t.doc, "", names);
  }
  std::cout << "applies_to: events\n";
  for (const FieldDef& f : AllFields()) {
    if (f.kind == ArtifactKind::kEvent) {
      std::cout << fmt::format("  {:<40} {:<10} {}\n", f.path, ToString(f.type), f.doc);
    }
  }
  return kExitPass;
}

int Calendar(const std::string& pack_dir, int year, const std::string& format,
             const std::vector<std::string>& between) {
  auto pack = LoadChosenPack(pack_dir);
  BusinessCalendar calendar(pack->calendar);
  if (!between.empty()) {
    auto from = ParseDay(between[0]);
    auto to = ParseDay(between[1]);
    if (!from || !to) {
      std::cerr << "cpaudit: --business-days: expected two dates, YYYY-MM-DD\n";
      return kExitError;
    }
    for (Day d : {*from, *to}) {
      int y = static_cast<int>(std::chrono::year_month_day{d}.year());
      if (y < BusinessCalendar::kFirstYear || y > BusinessCalendar::kLastYear) {
        std::cerr << fmt::format(
            "cpaudit: --business-days: {} is outside the years the calendar knows ({}-{})\n",
            FormatDay(d), BusinessCalendar::kFirstYear, BusinessCalendar::kLastYear);
        return kExitError;
      }
    }
    std::cout << calendar.BusinessDaysBetween(*from, *to) << "\n";
    return kExitPass;
  }
  if (year < BusinessCalendar::kFirstYear || year > BusinessCalendar::kLastYear) {
    std::cerr << fmt::format("cpaudit: calendar: YEAR must be {} to {}\n",
                             BusinessCalendar::kFirstYear, BusinessCalendar::kLastYear);
    return kExitError;
  }
  auto days = calendar.NonBusinessDays(year);
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : days) {
      out.push_back({{"date", FormatDay(d.date)},
                     {"kind", d.kind},
                     {"name_ja", d.name_ja},
                     {"name_en", d.name_en}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitPass;
  }
  for (const auto& d : days) {
    static constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    std::cout << fmt::format("{} {} {:<8} {} / {}\n", FormatDay(d.date),
                             kWeekdays[std::chrono::weekday{d.date}.c_encoding()], d.kind,
                             d.name_ja, d.name_en);
  }
  return kExitPass;
}

int CheckStream(const std::string& pack_dir, const std::string& ca_file, const std::string& at,
                const std::string& fail_on) {
  std::ifstream in(ca_file, std::ios::binary);
  if (!in) {
    std::cerr << "cpaudit: --ca " << ca_file << ": cannot read\n";
    return kExitError;
  }
  std::string ca((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  OracleOptions options;
  if (!pack_dir.empty()) options.pack_dir = pack_dir;
  options.ca_pem = ca;
  auto oracle = Oracle::Create(options);
  std::optional<UnixTime> when;
  if (!at.empty()) {
    when = ParseRfc3339(at);
    if (!when) {
      std::cerr << "cpaudit: --at: expected an RFC 3339 time with offset\n";
      return kExitError;
    }
  }
  size_t failed = StreamCheck(*oracle, std::cin, std::cout, *ParseSeverity(fail_on), when);
  return failed > 0 ? kExitGateFailed : kExitPass;
}

int TestPack(const std::string& pack_dir, const std::string& fixtures, bool update) {
  FixtureReport report = RunFixtures(pack_dir, fixtures, update);
  std::cout << report.output;
  return report.ok ? kExitPass : kExitGateFailed;
}

// Exit 0 when every recipe built (and, with check, nothing differs); 1 when a
// recipe failed or, with check, a case differs from its build.
int BuildFixtures(const std::string& pack_dir, const std::string& fixtures, bool check) {
  RecipeBuildReport report = BuildPackRecipes(pack_dir, fixtures, check);
  std::istringstream lines(report.output);
  for (std::string line; std::getline(lines, line);) std::cout << TerminalEscape(line) << "\n";
  return report.failed > 0 || (check && report.changed > 0) ? kExitGateFailed : kExitPass;
}

}  // namespace

int main(int argc, char** argv) {
  InstallInterruptHandlers();
  CLI::App app{
      "cpaudit: audit what a Certificate Authority produced against its Certificate "
      "Policy, encoded as a rule pack.\nExit codes: 0 pass, 1 findings at or above "
      "--fail-on, 2 usage, pack or evidence errors."};
  app.set_version_flag("--version", std::string("cpaudit ") + CPAUDIT_VERSION);
  app.require_subcommand(1);

  std::string pack_dir, rule_id, fixtures;

  AuditFlags flags;
  auto add_audit_options = [&](CLI::App* cmd) {
    cmd->add_option("EVIDENCE", flags.evidence,
                    "evidence folder (ca/ certs/ crls/ csrs/ events/ ...)")
        ->required();
    cmd->add_option("--pack", flags.pack_dir,
                    "rule pack folder (default: the built-in SECOM pack)");
    cmd->add_option("--at", flags.at,
                    "evaluation time, RFC 3339 (default: cpaudit.yaml's, else now)")
        ->each([&](const std::string&) { flags.at_given = true; });
    cmd->add_flag("--allow-empty", flags.allow_empty,
                  "pass the gate on evidence with nothing to audit (no certificate, CRL, CSR "
                  "or event)");
    cmd->add_option("--threads", flags.threads, "worker threads (default: one per core)");
  };
  CLI::App* audit = app.add_subcommand("audit", "Audit an evidence folder and gate on the result");
  add_audit_options(audit);
  audit->add_option(
      "--report", flags.reports,
      "write a report: FORMAT=PATH (PATH - is stdout); repeatable. Formats:" + FormatHelp());
  audit->add_option("--fail-on", flags.fail_on, "lowest severity that fails the gate")
      ->check(CLI::IsMember({"error", "warning", "notice"}));
  audit->add_option("--baseline", flags.baseline,
                    "an earlier JSON report: only findings new against it fail the gate");
  audit->add_option("--waivers", flags.waivers,
                    "waivers YAML: accepted findings with justification, approver and expiry");
  audit->add_flag("--quiet,-q", flags.quiet, "print nothing unless asked with --report text=-");
  audit->add_option("--color", flags.color, "colour the terminal summary")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::string baseline_out;
  CLI::App* baseline = app.add_subcommand(
      "baseline", "Record the current findings as a baseline (a JSON report) for --baseline");
  add_audit_options(baseline);
  baseline->add_option("-o,--output", baseline_out, "where to write the baseline")->required();
  baseline->add_option("--waivers", flags.waivers, "waivers YAML applied before recording");

  CLI::App* rules = app.add_subcommand("rules", "List the rules: id, CP section, severity, title");
  rules->add_option("--pack", pack_dir, "rule pack folder (default: built-in)");

  CLI::App* explain = app.add_subcommand("explain", "Show a rule: CP text, check, options");
  explain->add_option("RULE", rule_id, "rule id")->required();
  explain->add_option("--pack", pack_dir, "rule pack folder (default: built-in)");

  int year = 0;
  std::string format = "text";
  std::vector<std::string> between;
  CLI::App* calendar = app.add_subcommand(
      "calendar", "Print a year's holidays and closure days, or count business days");
  calendar->add_option("YEAR", year, "the year (1948-2099)");
  calendar->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  calendar
      ->add_option("--business-days", between,
                   "count the business days d with FROM < d <= TO (YYYY-MM-DD)")
      ->expected(2);
  calendar->add_option("--pack", pack_dir, "rule pack folder whose calendar to use");
  calendar->callback([&] {
    if (year == 0 && between.empty())
      throw CLI::ValidationError("calendar", "give YEAR or --business-days");
  });

  std::string ca_file, check_at, check_fail_on = "error";
  bool from_stdin = false;
  CLI::App* check = app.add_subcommand(
      "check", "Check certificates streamed on stdin (PEM or DER); one JSON line each");
  check->add_flag("--stdin", from_stdin, "read certificates from standard input")->required();
  check->add_option("--ca", ca_file, "the issuing CA certificate (PEM or DER)")->required();
  check->add_option("--pack", pack_dir, "rule pack folder (default: built-in)");
  check->add_option("--at", check_at, "evaluation time, RFC 3339 (default: now)");
  check->add_option("--fail-on", check_fail_on, "severity that makes a certificate fail")
      ->check(CLI::IsMember({"error", "warning", "notice"}));

  CLI::App* fields =
      app.add_subcommand("fields", "List the field paths and check primitives rules can use");
  bool list_events = false;
  fields->add_flag("--events", list_events,
                   "List the event log's types and their fields, and the fields of events rules");

  CLI::App* test_pack = app.add_subcommand("test-pack", "Run a pack's fixtures and check them");
  test_pack->add_option("PACK", pack_dir, "rule pack folder")->required();
  test_pack->add_option("--fixtures", fixtures, "fixture folder (default: pack.yaml's fixtures)");
  bool update = false;
  test_pack->add_flag("--update", update,
                      "Write each case's findings to its expected.txt where they differ, and "
                      "print the difference");

  CLI::App* fixture_cmd =
      app.add_subcommand("fixtures", "Make a pack's fixtures from their recipes");
  fixture_cmd->require_subcommand(1);
  CLI::App* fixtures_build = fixture_cmd->add_subcommand(
      "build", "Write each recipe.yaml's evidence beside it (docs/RECIPES.md)");
  fixtures_build->add_option("PACK", pack_dir, "rule pack folder")->required();
  fixtures_build->add_option("--fixtures", fixtures,
                             "fixture folder (default: pack.yaml's fixtures)");
  bool check_only = false;
  fixtures_build->add_flag("--check", check_only,
                           "Write nothing; list the cases whose files differ from their build "
                           "(exit 1 if any)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitPass : kExitError;
  }
  try {
    if (*audit) {
      return Audit(flags);
    }
    if (*baseline) {
      flags.reports = {"json=" + baseline_out};
      flags.quiet = true;
      if (Audit(flags) == kExitError) return kExitError;  // the baseline was not written
      std::cout << TerminalEscape("wrote baseline " + baseline_out) << "\n";
      return kExitPass;
    }
    if (*rules) return ListRules(pack_dir);
    if (*explain) return Explain(rule_id, pack_dir);
    if (*test_pack) return TestPack(pack_dir, fixtures, update);
    if (*fixtures_build) return BuildFixtures(pack_dir, fixtures, check_only);
    if (*fields) return list_events ? ListEventFields() : ListFields();
    if (*check) return CheckStream(pack_dir, ca_file, check_at, check_fail_on);
    if (*calendar) return Calendar(pack_dir, year, format, between);
  } catch (const EvidenceError& e) {
    std::cerr << TerminalEscape(std::string("cpaudit: evidence ") + e.what()) << "\n";
  } catch (const std::exception& e) {
    // Usage, pack, configuration, waiver and baseline errors echo what the
    // user or the evidence wrote: escaped for the terminal.
    std::cerr << TerminalEscape(std::string("cpaudit: ") + e.what()) << "\n";
  }
  return kExitError;
}
