#pragma once
// Declarative checks: `all`/`any`/`not` over `field` tests, compiled once at
// pack load (paths resolved, values typed, regular expressions compiled with RE2).
//
// Operators on a field's values (vacuously true when the field has no values,
// so combine with `present` where the field must exist):
//   equals: X      every value is X
//   in: [..]       every value is in the list
//   not_in: [..]   no value is in the list
//   matches: RE    every value matches the RE2 pattern (unanchored; anchor it)
//   contains: X|[..]  every listed value is among the values
//   <, <=, >, >=: X  (integer and time fields) every value compares so with X;
//                  at_least and at_most are >= and <=
//   critical: B    (extension fields) the extension's critical flag is B
// The operand of a comparison or of equals may be `{field: PATH}`: the one
// value of another field of the artifact, or of issuer_certificate.PATH (the
// issuing CA's certificate); without exactly one value the rule is not
// evaluated, unless something else already fails it.
// and on the values as a whole:
//   present: true  at least one value;  absent: true  no value
//   count: N | {min: A, max: B}
// A field test may carry its own `message`, used for its violations instead of
// the rule's.

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "checks/check.h"
#include "harness/params.h"

namespace cpaudit {

// Placeholders a declarative check's violations fill.
const std::vector<std::string>& AssertionPlaceholders();

// The violation variable that carries a field test's own message template.
inline constexpr const char* kMessageOverride = "__message";

// Compiles a rule's `check:` node; throws PackError with file:line. Field-level
// messages are appended to *messages for the caller to validate.
std::unique_ptr<Check> CompileAssertion(const YAML::Node& node, ArtifactKind kind,
                                        const std::string& file, const ParamScope& scope,
                                        std::vector<std::pair<std::string, YAML::Node>>* messages);

// True when a `check:` node is declarative (its key is all, any, not or field).
bool IsAssertionNode(const YAML::Node& node);

}  // namespace cpaudit
