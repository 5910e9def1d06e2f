#pragma once
// Operational event logs: JSON Lines, one event per line (DESIGN.md "Event
// log"). Every line is validated; a bad line becomes an input problem with its
// file and line, and the other lines are kept.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/model/source.h"
#include "harness/model/time_util.h"

namespace cpaudit {

struct Event {
  Source source;  // "events/ca.jsonl", line N
  UnixTime time = 0;
  std::string type;
  std::string id;
  nlohmann::json fields;  // the whole object; unknown fields are kept

  // A string field, or empty when absent.
  std::string Str(std::string_view key) const;
};

// Serial numbers as the model prints them (lower-case hex of whole octets,
// leading zero octets dropped), from hex with any case and colons; nullopt if
// not hex.
std::optional<std::string> NormalizeSerial(std::string_view text);

// The event types DESIGN.md defines.
bool IsKnownEventType(std::string_view type);
// The field names DESIGN.md's event schema defines (besides time and type).
const std::vector<std::string_view>& EventFieldNames();

// Parses one line. On a bad line returns nullopt and sets *error.
std::optional<Event> ParseEventLine(std::string_view line, Source source, std::string* error);

}  // namespace cpaudit
