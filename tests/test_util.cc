#include "tests/test_util.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "checks/registry.h"
#include "harness/calendar.h"
#include "harness/evidence_index.h"
#include "harness/model/time_util.h"

namespace cpaudit::testing {
namespace fs = std::filesystem;

fs::path SourceDir() { return CPAUDIT_SOURCE_DIR; }
fs::path SharedDir() { return SourceDir().parent_path() / "shared"; }
fs::path PackDir() { return SourceDir() / "rules" / "secom-rootca1-tsa"; }
fs::path CompliantCase() { return SourceDir() / "corpus" / "secom-rootca1-tsa" / "compliant"; }
AuditRequest DemoRequest(bool with_waivers) {
  AuditRequest request;
  request.evidence = SourceDir() / "corpus/demo";
  if (with_waivers) request.waivers = SourceDir() / "tests/data/demo-waivers.yaml";
  return request;
}
fs::path FixtureCase(const std::string& rule, const std::string& name) {
  return SourceDir() / "corpus" / "secom-rootca1-tsa" / rule / name;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Bytes> PemBlocks(const fs::path& path, const std::string& label) {
  std::string text = ReadFile(path);
  std::string error;
  auto items =
      SplitEncoded(ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()), &error);
  std::vector<Bytes> out;
  if (!items) return out;
  for (auto& item : *items) {
    if (item.label == label) out.push_back(std::move(item.der));
  }
  return out;
}

std::vector<Outcome> RunPrimitive(const std::string& name, const std::string& yaml_options,
                                  const std::string& applies_to, const Evidence& evidence,
                                  UnixTime at) {
  const PrimitiveInfo* info = FindPrimitive(name);
  EXPECT_NE(info, nullptr) << name;
  if (info == nullptr) return {};
  Params params(YAML::Load(yaml_options), "test", nullptr);
  return RunCheck(*info->create(params, applies_to), applies_to, evidence, at);
}

std::vector<Outcome> RunCheck(const Check& check, const std::string& applies_to,
                              const Evidence& evidence, UnixTime at) {
  std::vector<Artifact> artifacts;
  if (applies_to == "crl") {
    for (const auto& c : evidence.crls())
      artifacts.push_back({ArtifactKind::kCrl, nullptr, c.get()});
  } else if (applies_to == "csr") {
    for (const auto& c : evidence.csrs()) {
      artifacts.push_back({ArtifactKind::kCsr, nullptr, nullptr, c.get()});
    }
  } else if (applies_to == "events") {
    std::vector<std::string> types = check.EventTypes();
    for (const Event& e : evidence.events()) {
      if (types.empty() || std::find(types.begin(), types.end(), e.type) != types.end()) {
        artifacts.push_back({ArtifactKind::kEvent, nullptr, nullptr, nullptr, &e});
      }
    }
  } else {
    // Certificates, then (for corpus checks) CRLs, CSRs and events, in the
    // evaluator's order.
    for (const auto& c : evidence.certificates()) {
      artifacts.push_back({ArtifactKind::kCertificate, c.get()});
    }
    if (applies_to == "corpus") {
      for (const auto& c : evidence.crls())
        artifacts.push_back({ArtifactKind::kCrl, nullptr, c.get()});
      for (const auto& c : evidence.csrs())
        artifacts.push_back({ArtifactKind::kCsr, nullptr, nullptr, c.get()});
      for (const Event& e : evidence.events())
        artifacts.push_back({ArtifactKind::kEvent, nullptr, nullptr, nullptr, &e});
    }
  }
  BusinessCalendar calendar;
  EvidenceIndex index(evidence, calendar);
  std::vector<Outcome> outcomes(artifacts.size());
  if (applies_to == "corpus") {
    CorpusContext ctx{evidence, artifacts, at, &index};
    std::vector<std::pair<size_t, Outcome>> out;
    check.EvaluateCorpus(ctx, &out);
    // Only the artifacts the check reports on, in evidence order.
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    outcomes.clear();
    for (auto& [i, o] : out) outcomes.push_back(std::move(o));
    return outcomes;
  }
  // The newest CRL of the (single) CA, as the evaluator would give it.
  const Crl* newest = nullptr;
  for (const auto& crl : evidence.crls()) {
    if (crl->this_update() <= at && (!newest || crl->this_update() > newest->this_update())) {
      newest = crl.get();
    }
  }
  CrlView view = newest != nullptr ? CrlView::Of(*newest, evidence) : CrlView{};
  for (size_t i = 0; i < artifacts.size(); ++i) {
    const Artifact& a = artifacts[i];
    const CaCertificate* ca =
        a.issuer() ? evidence.FindIssuer(*a.issuer(), *a.extensions()) : nullptr;
    SignatureMemo signature;
    EvalContext ctx{evidence, a, ca, "tsa", view.crl ? &view : nullptr, at, &index, &signature};
    check.Evaluate(ctx, &outcomes[i]);
  }
  return outcomes;
}

EVP_PKEY* LoadFixtureKey(const std::string& name) {
  std::string pem = ReadFile(SourceDir() / "corpus/keys" / (name + ".pem"));
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  return key;
}

int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  output->clear();
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output->append(buf, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Cpaudit(const std::string& args) {
  return std::string(CPAUDIT_BINARY) + " " + args + " 2>&1";
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TempDir::TempDir() {
  static int counter = 0;
  path_ = fs::temp_directory_path() /
          ("cpaudit-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void TempDir::Write(const std::string& rel, const std::string& content) const {
  fs::create_directories((path_ / rel).parent_path());
  std::ofstream(path_ / rel, std::ios::binary) << content;
}

}  // namespace cpaudit::testing
