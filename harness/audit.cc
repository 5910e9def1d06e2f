#include "harness/audit.h"

#include <malloc.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "harness/gate.h"
#include "harness/model/digest.h"
#include "harness/yaml_load.h"

namespace cpaudit {
namespace fs = std::filesystem;

UnixTime Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

EvidenceConfig LoadEvidenceConfig(const fs::path& evidence_dir) {
  EvidenceConfig config;
  fs::path path = evidence_dir / "cpaudit.yaml";
  config.file = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec)) return config;
  YAML::Node root = LoadYamlFile(path, "configuration");
  if (root.IsNull()) return config;
  if (!root.IsMap()) ThrowAt(config.file, root, "expected a map");
  for (const auto& kv : root) {
    std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "at") {
      auto t = v.IsScalar() ? ParseRfc3339(v.Scalar()) : std::nullopt;
      if (!t) ThrowAt(config.file, v, "at: expected an RFC 3339 time with an offset");
      config.at = t;
    } else if (key == "pack") {
      if (!v.IsScalar()) ThrowAt(config.file, v, "pack: expected a folder");
      config.pack = evidence_dir / v.Scalar();
    } else if (key == "parameters") {
      if (!v.IsMap()) ThrowAt(config.file, v, "parameters: expected a map");
      config.parameters = v;
    } else if (key == "calendar") {
      if (!v.IsMap()) ThrowAt(config.file, v, "calendar: expected a map");
      config.calendar = v;
    } else {
      ThrowAt(config.file, kv.first,
              "unknown key \"" + key + "\" (at, pack, parameters, calendar)");
    }
  }
  return config;
}

namespace {

// A file the run read outside the evidence loader, for the manifest.
ManifestEntry ManifestOf(const fs::path& path, std::string label) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {std::move(label), bytes.size(), Sha256Hex(bytes)};
}

}  // namespace

AuditRun RunAudit(const AuditRequest& request) {
  std::error_code ec;
  if (!fs::is_directory(request.evidence, ec)) {
    // Checked before the config so that a missing directory reads as such.
    Evidence::Load(request.evidence);
  }
  EvidenceConfig config = LoadEvidenceConfig(request.evidence);
  ParameterOverrides overrides{config.file, config.parameters, config.calendar};
  AuditRun run;
  std::optional<fs::path> pack_dir = request.pack_dir ? request.pack_dir : config.pack;
  run.pack = pack_dir ? LoadPackDir(*pack_dir, overrides)
                      : LoadPack(EmbeddedDefaultPack(), "built-in pack", overrides);
  // Waivers and the baseline are read before the evidence: a bad one stops the run.
  std::vector<Waiver> waivers =
      request.waivers ? LoadWaivers(*request.waivers) : std::vector<Waiver>{};
  std::optional<Baseline> baseline;
  if (request.baseline) baseline = LoadBaseline(*request.baseline, run.pack->id);
  run.evidence = Evidence::Load(request.evidence, request.threads);
  const Evidence& e = *run.evidence;
  if (!request.allow_empty && e.certificates().empty() && e.crls().empty() && e.csrs().empty() &&
      e.events().empty()) {
    // A gate that passes on nothing would pass a CA whose pipeline wrote nowhere.
    run.evidence->AddProblem({".",
                              "nothing to audit: no certificate, CRL, CSR or event in the "
                              "evidence (--allow-empty passes the gate on it)"});
  }
  // Loading freed its file buffers and per-file batches on several threads;
  // hand that memory back before evaluation builds its indexes.
  malloc_trim(0);
  EvaluateOptions options;
  options.at = request.at ? *request.at : config.at ? *config.at : Now();
  options.fail_on = request.fail_on;
  options.threads = request.threads;
  options.progress = request.progress;
  run.result = Evaluate(*run.pack, *run.evidence, request.evidence.string(), options);
  if (request.waivers) run.result.waivers_file = request.waivers->string();
  run.result.manifest = e.manifest();
  if (!config.file.empty() && fs::is_regular_file(config.file, ec))
    run.result.manifest.push_back(ManifestOf(config.file, "cpaudit.yaml"));
  if (request.waivers)
    run.result.manifest.push_back(ManifestOf(*request.waivers, request.waivers->string()));
  if (request.baseline)
    run.result.manifest.push_back(ManifestOf(*request.baseline, request.baseline->string()));
  ApplyGate(&run.result, waivers, baseline ? &*baseline : nullptr,
            BusinessCalendar(run.pack->calendar));
  return run;
}

}  // namespace cpaudit
