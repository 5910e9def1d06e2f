// cpaudit-fixtures: makes the fixtures that are not recipes (a truncated DER
// file among unreadable input, the rfc5280 pack's DER defects), the demo
// evidence bundle and the fuzz seeds, from the keys in corpus/keys/ and fixed
// dates.
// The other fixtures are recipe.yaml files (docs/RECIPES.md), built by
// `cpaudit fixtures build`; the fuzz seeds include them, so build those first.
//
//   cpaudit-fixtures [--force] CORPUS_DIR
//
// Writes CORPUS_DIR/secom-rootca1-tsa/<rule-id>/<case>/ and
// CORPUS_DIR/rfc5280/<rule-id>/<case>/ (each a complete evidence folder with
// cpaudit.yaml and expected.txt), CORPUS_DIR/demo/ and CORPUS_DIR/fuzz/. RSA
// PKCS #1 v1.5 signatures are deterministic, so the same keys and dates give
// the same bytes: a test regenerates and compares.

#include <openssl/err.h>
#include <openssl/pem.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "corpus/generator/kit.h"

namespace {

using namespace fixtures;

// A fixture case made here: its expected.txt starts with kGeneratedHeader.
bool IsGeneratedCase(const fs::path& dir) {
  std::ifstream in(dir / "expected.txt");
  std::string first;
  return std::getline(in, first) && first == kGeneratedHeader;
}

// The case folders under `dir` that this program made.
std::vector<fs::path> GeneratedCases(const fs::path& dir) {
  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_directory() && IsGeneratedCase(e.path())) cases.push_back(e.path());
  }
  return cases;
}

// Seeds for the fuzzers (corpus/fuzz/<target>/): every certificate, CRL and
// CSR of the fixtures as DER, every event-log line, every PEM file, and the
// pack's rule files; named by their SHA-1 so that reruns give the same set.
void MakeFuzzSeeds(const fs::path& corpus) {
  fs::path out = corpus / "fuzz";
  auto write = [&](const std::string& target, const std::string& content) {
    Bytes bytes(content.begin(), content.end());
    WriteFile(out / target / Hex(Sha1Of(bytes)), content);
  };
  std::vector<fs::path> files;
  // Every fixture file, the recipe cases' too (they are built before this runs).
  for (const char* part : {"secom-rootca1-tsa", "demo"}) {
    for (const auto& e : fs::recursive_directory_iterator(corpus / part)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string folder = file.parent_path().filename().string();
    if (file.extension() == ".jsonl") {
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) write("event_line", line);
      continue;
    }
    if (file.extension() != ".pem") continue;
    write("pem", text);
    BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
    char* name = nullptr;
    char* header = nullptr;
    unsigned char* data = nullptr;
    long len = 0;
    while (PEM_read_bio(bio, &name, &header, &data, &len) == 1) {
      std::string label = name;
      std::string target = label == "X509 CRL"              ? "crl"
                           : label == "CERTIFICATE REQUEST" ? "csr"
                           : folder == "ca" || folder == "certs" || folder == "repository"
                               ? "certificate"
                               : "";
      if (!target.empty())
        write(target, std::string(reinterpret_cast<char*>(data), static_cast<size_t>(len)));
      OPENSSL_free(name);
      OPENSSL_free(header);
      OPENSSL_free(data);
    }
    ERR_clear_error();
    BIO_free(bio);
  }
  // The CA example (fuzz/ca_issuance_fuzzer.cc) starts from applications its
  // CA accepts and the CP allows, as a CA team's own harness would: subject
  // values from the front of the input, each ending in "\\;", and the
  // FuzzedDataProvider integers from the back (read last byte first): the
  // number of attributes minus one, then each attribute's index in C, O, OU,
  // CN, pseudonym, GN, then the number of requested extensions.
  const std::vector<std::vector<std::string>> applications = {
      {"JP", "Example Time Corp", "Example TSA 1"},
      {"JP", "Example Time Corp", "Time Stamping Unit", "TSU-01"},
  };
  for (const auto& values : applications) {
    std::string input;
    for (const std::string& v : values) input += v + "\\;";
    std::string integers;  // in consumption order
    integers += static_cast<char>(values.size() - 1);
    const char kIndex[] = {0, 1, 3, 2};  // C, O, CN, OU
    for (size_t i = 0; i < values.size(); ++i) integers += kIndex[i];
    integers += '\0';  // no requested extension
    input.append(integers.rbegin(), integers.rend());
    write("ca_issuance", input);
  }
  fs::path rules = corpus.parent_path() / "rules" / "secom-rootca1-tsa";
  for (const auto& e : fs::directory_iterator(rules)) {
    if (e.path().filename() == "pack.yaml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    write("pack",
          std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "cpaudit-fixtures: makes the fixtures no recipe can say (in secom-rootca1-tsa/ and "
      "rfc5280/), the demo evidence and the fuzz seeds in CORPUS_DIR from CORPUS_DIR/keys."};
  std::string corpus_arg;
  bool force = false;
  app.add_option("CORPUS_DIR", corpus_arg, "the corpus folder, holding keys/")->required();
  app.add_flag("--force", force,
               "replace secom-rootca1-tsa/, demo/ and fuzz/ when they exist and are not empty "
               "(regenerating the repository's corpus)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help, or a usage error
  }
  fs::path corpus = corpus_arg;
  if (!fs::is_directory(corpus / "keys")) Die((corpus / "keys").string() + ": no keys folder");
  g_keys = std::make_unique<build::KeyStore>(corpus / "keys");
  // Regenerate from scratch so that a removed case leaves nothing behind, but
  // never delete a folder unasked: it may be someone's work, not ours. In the
  // fixture folders only the cases this program made go (recipe cases and
  // their bases stay: `cpaudit fixtures build` makes those).
  for (const char* out : {"secom-rootca1-tsa", "rfc5280", "demo", "fuzz"}) {
    std::error_code ec;
    fs::path dir = corpus / out;
    if (!fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) continue;
    std::vector<fs::path> generated = GeneratedCases(dir);
    bool whole = std::string(out) == "demo" || std::string(out) == "fuzz";
    if (!whole && generated.empty()) continue;
    if (!force) Die(dir.string() + ": holds generated files (--force replaces them)");
    if (whole) fs::remove_all(dir);
    for (const fs::path& c : generated) fs::remove_all(c);
  }
  try {
    MakeInputFixtures(corpus / "secom-rootca1-tsa");
    MakeRfc5280Fixtures(corpus / "rfc5280");
    MakeDemo(corpus / "demo");
    MakeFuzzSeeds(corpus);
  } catch (const build::BuildError& e) {
    Die(e.what());
  }
  return 0;
}
