#include "harness/value.h"

#include "harness/model/time_util.h"

namespace cpaudit {

std::string_view ToString(ValueType t) {
  switch (t) {
    case ValueType::kBool:
      return "boolean";
    case ValueType::kInt:
      return "integer";
    case ValueType::kString:
      return "string";
    case ValueType::kTime:
      return "time";
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

std::string FormatValue(ValueType type, const ValueRef& v) {
  const int64_t* seconds = std::get_if<int64_t>(&v);
  return type == ValueType::kTime && seconds != nullptr ? FormatRfc3339(*seconds) : ToString(v);
}

std::string FormatValue(ValueType type, const Value& v) { return FormatValue(type, Ref(v)); }

ValueRef Ref(const Value& v) {
  return std::visit([](const auto& x) -> ValueRef { return x; }, v);
}

}  // namespace cpaudit
