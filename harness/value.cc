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

std::string ToString(const Value& v) { return ToString(Ref(v)); }

std::string ToString(const ValueRef& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return std::string(std::get<std::string_view>(v));
}

ValueRef Ref(const Value& v) {
  return std::visit([](const auto& x) -> ValueRef { return x; }, v);
}

Value Owned(const ValueRef& v) {
  if (const auto* s = std::get_if<std::string_view>(&v)) return std::string(*s);
  if (const bool* b = std::get_if<bool>(&v)) return *b;
  return std::get<int64_t>(v);
}

}  // namespace cpaudit
