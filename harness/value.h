#pragma once
// Values of the field model and of rule parameters.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace cpaudit {

// kTime values are seconds since the epoch (int64_t), written as RFC 3339 UTC.
enum class ValueType { kBool, kInt, kString, kTime, kExtension };
using Value = std::variant<bool, int64_t, std::string>;
// A value seen without owning its string: what the field model yields, valid
// only during the call that receives it (no string is copied per value).
using ValueRef = std::variant<bool, int64_t, std::string_view>;

std::string_view ToString(ValueType t);
std::string ToString(const Value& v);
std::string ToString(const ValueRef& v);
// As a field of this type shows it: times in RFC 3339, the rest as ToString.
std::string FormatValue(ValueType type, const ValueRef& v);
std::string FormatValue(ValueType type, const Value& v);
ValueRef Ref(const Value& v);

}  // namespace cpaudit
