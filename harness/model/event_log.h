#pragma once
// Operational event logs: JSON Lines, one event per line (DESIGN.md "Event
// log"). Every line is validated; a bad line becomes an input problem with its
// file and line, and the other lines are kept.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/model/source.h"
#include "harness/model/time_util.h"

namespace cpaudit {

// One event, compact: a million of them must fit in a few hundred megabytes.
// Fields of DESIGN.md's schema are kept as text; unknown fields are accepted
// and ignored, as DESIGN.md says.
class Event {
 public:
  Source source;  // "events/ca.jsonl", line N
  UnixTime time = 0;
  std::string_view type;  // one of the types DESIGN.md defines (static storage)

  // A field's text (booleans as true/false), empty when absent. For a list
  // field, its JSON text.
  std::string Str(std::string_view field) const;
  bool Has(std::string_view field) const;
  // The elements of a list field ("documents").
  std::vector<std::string_view> List(std::string_view field) const;
  std::string id() const { return Str("id"); }
  // What the event says, in one canonical string: the identity fingerprints
  // are made from.
  std::string Record() const;

  // `field` must be one of EventFieldNames().
  void Set(std::string_view field, std::string_view value);
  void SetList(std::string_view field, const std::vector<std::string_view>& elements);

 private:
  // Per value: the field's index in EventFieldNames(), a list-element flag,
  // a 4-byte length, the text.
  std::string packed_;
  template <typename F>
  void ForEach(std::string_view field, F&& f) const;
};

// Serial numbers as the model prints them (lower-case hex of whole octets,
// leading zero octets dropped, "-" before a negative one's magnitude), from
// hex with any case and colons and an optional "-"; nullopt if not hex.
std::optional<std::string> NormalizeSerial(std::string_view text);

// The event types of the schema (docs/EVENTS.md), with the fields each carries
// besides time, type and id.
struct EventTypeInfo {
  std::string_view name;
  std::vector<std::string_view> fields;
  std::string_view doc;
};
const std::vector<EventTypeInfo>& EventTypes();
const EventTypeInfo* FindEventType(std::string_view type);
bool IsKnownEventType(std::string_view type);
// For an unknown type's error: the nearest known type, when one is close,
// and the list of known types ("did you mean \"crl_issued\"? Known types: ...").
std::string EventTypeHint(std::string_view type);
// The field names DESIGN.md's event schema defines (besides time and type).
const std::vector<std::string_view>& EventFieldNames();

// Parses one line. On a bad line returns nullopt and sets *error.
std::optional<Event> ParseEventLine(std::string_view line, Source source, std::string* error);

}  // namespace cpaudit
