#pragma once
// The escaping layer: one function per output format. Everything that comes
// from evidence (names, URIs, file names, log fields, serials as written, YAML
// values echoed in errors) is hostile and passes through the function of the
// format it is written in, never through ad hoc replacements.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cpaudit {

// Text reports and the terminal: control characters (C0, DEL, C1), U+2028/2029,
// bidi controls (U+202A-202E, U+2066-2069), U+FFFE/U+FFFF and invalid UTF-8
// are shown as \x1b, \u202e or \xff, a backslash as \\. A newline cannot start
// a line of its own, an escape sequence cannot reach the terminal.
std::string TerminalEscape(std::string_view text);

// XML 1.0 (JUnit) and HTML text and attribute values: &, <, >, " and ' as
// entities; newline and tab kept; everything TerminalEscape shows escaped is
// shown the same way, so the document is always well-formed and a bidi
// control cannot reorder what the reader sees.
std::string XmlEscape(std::string_view text);

// Markdown inline text, table cells included: the same visible escapes, line
// breaks as spaces, and every character that could open a link, an image, raw
// HTML, a code span, emphasis or a table cell escaped, so that no markup (not
// even a GitHub autolink) comes from the text.
std::string MarkdownEscape(std::string_view text);

// JSON strings: valid UTF-8 as is; otherwise each invalid byte as the text
// \xNN, so that serialising never throws and nothing is lost from view.
bool IsValidUtf8(std::string_view text);
std::string JsonSafe(std::string_view text);
// Serialises a JSON document with every string made JsonSafe first: the one
// way reports (JSON, SARIF, the oracle's lines) are written.
template <typename Json>
std::string DumpJson(Json doc, int indent) {
  auto walk = [](auto& self, Json& node) -> void {
    if (node.is_string()) {
      auto& text = node.template get_ref<std::string&>();
      if (!IsValidUtf8(text)) text = JsonSafe(text);
    } else if (node.is_structured()) {
      for (auto& child : node) self(self, child);
    }
  };
  walk(walk, doc);
  return doc.dump(indent);
}
// Lower-case hex of the bytes ("*_bytes" fields keep a raw file name).
std::string BytesHex(std::string_view bytes);

// A relative path as the path of a URI reference (SARIF artifactLocation.uri):
// every byte outside RFC 3986's unreserved set and "/" percent-encoded.
std::string UriPathEscape(std::string_view path);

// The artifact's file part ("certs/a.pem" of "certs/a.pem#2" or
// "events/ca.jsonl:12") and its line (0 when none).
std::string ArtifactFile(const std::string& artifact);
int ArtifactLine(const std::string& artifact);

}  // namespace cpaudit
