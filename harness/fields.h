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

// One value of a field, as views: valid only during the sink call that
// receives it (a receiver that keeps it copies it).
struct FieldValue {
  ValueRef value;
  // For messages: what the value belongs to ("OU" for a name attribute, the
  // extension's name, a CRL entry's serial) and, for name attributes, the
  // attribute's value whatever the path selects (its OID, type or value).
  std::string_view attribute;
  std::string_view attribute_value;
};

// Receives a field's values one at a time: a CRL's million entries are judged
// as they are read, never held at once, and no value is copied on the way.
using FieldSink = std::function<void(const FieldValue&)>;

struct FieldDef {
  std::string path;
  ArtifactKind kind;
  ValueType type;
  std::string doc;
  std::function<void(const EvalContext&, FieldSink*)> get;
  // issuer_certificate.*: read from the issuing CA's certificate, so not
  // evaluated when the evidence has none.
  bool needs_issuer = false;
};

// The prefix of the paths that read the issuing CA's certificate.
inline constexpr std::string_view kIssuerCertificatePrefix = "issuer_certificate.";

const std::vector<FieldDef>& AllFields();
const FieldDef* FindField(ArtifactKind kind, std::string_view path);

}  // namespace cpaudit
