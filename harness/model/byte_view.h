#pragma once
// Byte views and owned byte strings used across the model.
//
// A ByteView owns nothing: it points into a buffer (usually an artifact's DER)
// that must outlive it.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cpaudit {

using ByteView = std::span<const uint8_t>;
using Bytes = std::vector<uint8_t>;

inline Bytes ToBytes(ByteView v) { return Bytes(v.begin(), v.end()); }
inline bool SameBytes(ByteView a, ByteView b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Lower-case hex without separators, as serials are written in reports.
std::string HexEncode(ByteView v);

}  // namespace cpaudit
