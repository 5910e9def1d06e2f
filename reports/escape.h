#pragma once
// Escaping for the XML and HTML report writers.

#include <string>
#include <string_view>

namespace cpaudit {

// Escapes &, <, >, " and ' for XML and HTML text and attribute values, and
// drops the control characters XML 1.0 forbids.
std::string XmlEscape(std::string_view text);

// The artifact's file part ("certs/a.pem" of "certs/a.pem#2" or
// "events/ca.jsonl:12") and its line (0 when none).
std::string ArtifactFile(const std::string& artifact);
int ArtifactLine(const std::string& artifact);

}  // namespace cpaudit
