#pragma once
// The one registry of C++ check primitives, by kebab-case name. A rule names a
// primitive with `check: {NAME: {options}}`.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "harness/params.h"

namespace cpaudit {

struct PrimitiveInfo {
  std::string name;
  std::string summary;
  std::vector<std::string> applies_to;    // "certificate", "crl", "csr", "corpus"
  std::vector<std::string> placeholders;  // what its violations fill in messages
  // Reads and validates options (throws PackError); `applies_to` is the rule's.
  std::function<std::unique_ptr<Check>(Params& options, const std::string& applies_to)> create;
};

const std::vector<PrimitiveInfo>& Primitives();
const PrimitiveInfo* FindPrimitive(const std::string& name);

}  // namespace cpaudit
