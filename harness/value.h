#pragma once
// Values of the field model and of rule parameters.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace cpaudit {

enum class ValueType { kBool, kInt, kString, kExtension };
using Value = std::variant<bool, int64_t, std::string>;
// A value seen without owning its string: what the field model yields, valid
// only during the call that receives it (no string is copied per value).
using ValueRef = std::variant<bool, int64_t, std::string_view>;

std::string_view ToString(ValueType t);
std::string ToString(const Value& v);
std::string ToString(const ValueRef& v);
ValueRef Ref(const Value& v);
Value Owned(const ValueRef& v);

}  // namespace cpaudit
