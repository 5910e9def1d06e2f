#pragma once
// Helpers shared by the tests: paths to the repository, the shared corpora and
// the fixture corpus, and running one check on real artifacts.

#include <openssl/evp.h>

#include <filesystem>
#include <string>
#include <vector>

#include "checks/check.h"
#include "harness/model/evidence.h"

namespace cpaudit::testing {

std::filesystem::path SourceDir();
// ../shared/ beside the clone (CI has it there).
std::filesystem::path SharedDir();
std::filesystem::path FixtureCase(const std::string& rule, const std::string& name);
std::filesystem::path PackDir();
// The fixture bundle on which every rule passes.
std::filesystem::path CompliantCase();

std::string ReadFile(const std::filesystem::path& path);
// Every PEM block of a file with the given label, as DER.
std::vector<Bytes> PemBlocks(const std::filesystem::path& path, const std::string& label);

// Creates a primitive from YAML options and runs it on every artifact of the
// evidence of the given kind; one outcome per artifact, in evidence order.
std::vector<Outcome> RunPrimitive(const std::string& name, const std::string& yaml_options,
                                  const std::string& applies_to, const Evidence& evidence,
                                  UnixTime at = 0);

// A private key of corpus/keys/ ("sub-1"); the caller frees it.
EVP_PKEY* LoadFixtureKey(const std::string& name);

// Runs a command; returns its exit status and fills *output with stdout.
int RunCommand(const std::string& command, std::string* output);

}  // namespace cpaudit::testing
