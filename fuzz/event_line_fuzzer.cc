// Fuzzes one event-log line: a line is either an event or an error, never
// both; an accepted event has an RFC 3339 time that formats back, a known
// type, and normalised serials.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_common.h"
#include "harness/model/event_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  std::string error;
  auto event = ParseEventLine(line, Source{"events/fuzz.jsonl", 0, 1}, &error);
  fuzz::Require(event.has_value() != !error.empty(), "event and error disagree");
  if (!event) return 0;
  fuzz::Require(IsKnownEventType(event->type), "an unknown type was accepted");
  fuzz::Require(ParseRfc3339(FormatRfc3339(event->time)) == event->time,
                "time does not round-trip");
  for (const char* key : {"serial", "replaces"}) {
    std::string serial = event->Str(key);
    if (serial.empty()) continue;
    size_t digits = serial.size() - (serial.front() == '-' ? 1 : 0);
    fuzz::Require(digits % 2 == 0 && NormalizeSerial(serial) == serial,
                  "a serial that is not normalised");
  }
  return 0;
}
