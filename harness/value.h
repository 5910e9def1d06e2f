#pragma once
// Values of the field model and of rule parameters.

#include <cstdint>
#include <string>
#include <variant>

namespace cpaudit {

enum class ValueType { kBool, kInt, kString, kExtension };
using Value = std::variant<bool, int64_t, std::string>;

std::string_view ToString(ValueType t);
std::string ToString(const Value& v);

}  // namespace cpaudit
