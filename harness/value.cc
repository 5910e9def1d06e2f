#include "harness/value.h"

namespace cpaudit {

std::string_view ToString(ValueType t) {
  switch (t) {
    case ValueType::kBool:
      return "boolean";
    case ValueType::kInt:
      return "integer";
    case ValueType::kString:
      return "string";
    case ValueType::kExtension:
      return "extension";
  }
  return "string";
}

std::string ToString(const Value& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return std::get<std::string>(v);
}

}  // namespace cpaudit
