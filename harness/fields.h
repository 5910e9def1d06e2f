#pragma once
// The field model that declarative assertions address, path by path. Every path
// is documented in rules/FIELDS.md (a test keeps the two in step).
//
// A path yields zero or more values; "[*]" paths yield one per element. Name
// attribute values carry the attribute's short name for messages.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/context.h"
#include "harness/value.h"

namespace cpaudit {

struct FieldValue {
  Value value;
  // For messages: what the value belongs to ("OU" for a name attribute, the
  // extension's name, a CRL entry's serial) and, for name attributes, the
  // attribute's value whatever the path selects (its OID, type or value).
  std::string attribute;
  std::string attribute_value;
};

// Receives a field's values one at a time: a CRL's million entries are judged
// as they are read, never held at once.
using FieldSink = std::function<void(FieldValue)>;

struct FieldDef {
  std::string path;
  ArtifactKind kind;
  ValueType type;
  std::string doc;
  std::function<void(const EvalContext&, FieldSink*)> get;
};

const std::vector<FieldDef>& AllFields();
const FieldDef* FindField(ArtifactKind kind, std::string_view path);

}  // namespace cpaudit
