#pragma once
// Unordered maps keyed by strings that are looked up by std::string_view
// without building a std::string for each lookup.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cpaudit {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace cpaudit
