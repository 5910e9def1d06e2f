#pragma once
// Helpers shared by the tests: paths to the repository, the shared corpora and
// the fixture corpus, and running one check on real artifacts.

#include <openssl/evp.h>

#include <filesystem>
#include <string>
#include <vector>

#include "checks/check.h"
#include "harness/audit.h"
#include "harness/model/evidence.h"

namespace cpaudit::testing {

std::filesystem::path SourceDir();
// ../shared/ beside the clone (CI has it there).
std::filesystem::path SharedDir();
std::filesystem::path FixtureCase(const std::string& rule, const std::string& name);
std::filesystem::path PackDir();
// The fixture bundle on which every rule passes.
std::filesystem::path CompliantCase();
// An audit of the bundled demo evidence, with its waivers file when asked
// (tests/data/demo-waivers.yaml: every report section then has content).
AuditRequest DemoRequest(bool with_waivers = false);

std::string ReadFile(const std::filesystem::path& path);
// Every PEM block of a file with the given label, as DER.
std::vector<Bytes> PemBlocks(const std::filesystem::path& path, const std::string& label);

// Creates a primitive from YAML options and runs it on every artifact of the
// evidence of the given kind; one outcome per artifact, in evidence order.
std::vector<Outcome> RunPrimitive(const std::string& name, const std::string& yaml_options,
                                  const std::string& applies_to, const Evidence& evidence,
                                  UnixTime at = 0);
// The same for a check made otherwise (a compiled declarative check).
std::vector<Outcome> RunCheck(const Check& check, const std::string& applies_to,
                              const Evidence& evidence, UnixTime at = 0);

// A private key of corpus/keys/ ("sub-1"); the caller frees it.
EVP_PKEY* LoadFixtureKey(const std::string& name);

// Runs a command; returns its exit status and fills *output with stdout.
int RunCommand(const std::string& command, std::string* output);
// The command line that runs the cpaudit binary with these arguments, stderr
// merged into stdout.
std::string Cpaudit(const std::string& args);
// Single-quotes a path or argument for the shell (file names here are hostile).
std::string ShellQuote(const std::string& text);

// A fresh folder under the temporary directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating its folders), relative to the folder.
  void Write(const std::string& rel, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace cpaudit::testing
