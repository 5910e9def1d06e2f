#pragma once
// Shared by the fuzz targets: the oracle over the demo CA, and the properties
// every target asserts beyond "no crash".

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/oracle.h"

namespace cpaudit::fuzz {

// Aborts (a libFuzzer crash, with the input saved) when a property fails.
inline void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

const Oracle& DemoOracle();

// An input that does not parse gives exactly one input finding and nothing
// else; one that parses never does; every finding is complete; the findings
// as JSON parse back to the same document.
void CheckResult(const Oracle::Result& r);

}  // namespace cpaudit::fuzz
