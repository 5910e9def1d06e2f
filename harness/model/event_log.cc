#include "harness/model/event_log.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "harness/model/extensions.h"

namespace cpaudit {
namespace {

// Fields that hold serial numbers, normalised on load.
constexpr std::array<std::string_view, 2> kSerialFields = {"serial", "replaces"};

// The packed layout: per value, [field index][kind][length, 4 bytes][text].
enum ValueKind : char { kScalar = 0, kListStart = 1, kListElement = 2 };
constexpr size_t kHeader = 6;

int FieldIndex(std::string_view field) {
  const auto& names = EventFieldNames();
  auto it = std::find(names.begin(), names.end(), field);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

void Append(std::string* packed, std::string_view field, ValueKind kind, std::string_view value) {
  int index = FieldIndex(field);
  if (index < 0) throw std::logic_error("not an event field: " + std::string(field));
  auto length = static_cast<uint32_t>(value.size());
  packed->push_back(static_cast<char>(index));
  packed->push_back(kind);
  packed->append(reinterpret_cast<const char*>(&length), sizeof length);
  packed->append(value);
}

}  // namespace

template <typename F>
void Event::ForEach(std::string_view field, F&& f) const {
  int index = FieldIndex(field);
  for (size_t pos = 0; index >= 0 && pos + kHeader <= packed_.size();) {
    uint32_t length = 0;
    std::memcpy(&length, packed_.data() + pos + 2, sizeof length);
    if (packed_[pos] == index) {
      f(static_cast<ValueKind>(packed_[pos + 1]),
        std::string_view(packed_).substr(pos + kHeader, length));
    }
    pos += kHeader + length;
  }
}

std::string Event::Str(std::string_view field) const {
  std::string scalar;
  bool list = false;
  ForEach(field, [&](ValueKind kind, std::string_view value) {
    if (kind == kScalar) scalar = value;
    list |= kind == kListStart;
  });
  if (!list) return scalar;
  nlohmann::json elements = nlohmann::json::array();
  for (std::string_view element : List(field)) elements.push_back(element);
  return elements.dump();
}

bool Event::Has(std::string_view field) const {
  bool found = false;
  ForEach(field, [&](ValueKind kind, std::string_view) { found |= kind != kListElement; });
  return found;
}

std::vector<std::string_view> Event::List(std::string_view field) const {
  std::vector<std::string_view> out;
  ForEach(field, [&](ValueKind kind, std::string_view value) {
    if (kind == kListElement) out.push_back(value);
  });
  return out;
}

std::string Event::Record() const {
  return std::string(type) + '\n' + std::to_string(time) + '\n' + packed_;
}

void Event::Set(std::string_view field, std::string_view value) {
  Append(&packed_, field, kScalar, value);
}

void Event::SetList(std::string_view field, const std::vector<std::string_view>& elements) {
  Append(&packed_, field, kListStart, {});
  for (std::string_view element : elements) Append(&packed_, field, kListElement, element);
}

namespace {

// Keeps the schema's fields of a validated event.
void Pack(const nlohmann::json& j, Event* e) {
  for (std::string_view name : EventFieldNames()) {
    auto it = j.find(name);
    if (it == j.end()) continue;
    if (it->is_boolean()) {
      e->Set(name, it->get<bool>() ? "true" : "false");
    } else if (it->is_array()) {
      std::vector<std::string_view> elements;
      for (const auto& element : *it) elements.push_back(element.get_ref<const std::string&>());
      e->SetList(name, elements);
    } else {
      e->Set(name, it->get_ref<const std::string&>());
    }
  }
}

}  // namespace

// id, then each field of the types in the order they first appear.
const std::vector<std::string_view>& EventFieldNames() {
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names = {"id"};
    for (const EventTypeInfo& t : EventTypes()) {
      for (std::string_view f : t.fields) {
        if (std::find(names.begin(), names.end(), f) == names.end()) names.push_back(f);
      }
    }
    return names;
  }();
  return kNames;
}

const std::vector<EventTypeInfo>& EventTypes() {
  static const std::vector<EventTypeInfo> kTypes = {
      {"application_received",
       {"application", "subscriber", "profile", "documents", "csr"},
       "an application for a certificate arrived, with the documents it came with"},
      {"application_approved", {"application", "by"}, "the CA approved an application"},
      {"application_rejected", {"application", "by"}, "the CA rejected an application"},
      {"applicant_notified",
       {"application", "decision"},
       "the applicant was told the CA's decision on the application"},
      {"certificate_issued",
       {"application", "serial", "subscriber", "profile", "certificate", "replaces"},
       "the CA issued a certificate (`replaces`: the serial it re-issues, for 4.8)"},
      {"certificate_dispatched",
       {"serial", "method"},
       "the certificate was sent to its subscriber"},
      {"acceptance_received", {"serial"}, "the subscriber accepted the certificate"},
      {"complaint_received", {"serial"}, "the subscriber complained about the certificate"},
      {"key_compromise_discovered", {"serial"}, "the CA learned that the key was compromised"},
      {"revocation_requested",
       {"request", "serial", "reason", "channel", "urgent", "desired_date"},
       "someone asked for the certificate's revocation"},
      {"revocation_request_verified", {"request", "by"}, "the CA verified a revocation request"},
      {"revocation_request_accepted", {"request"}, "the CA accepted a revocation request"},
      {"certificate_revoked",
       {"serial", "request", "reason"},
       "the CA revoked the certificate (`request` absent when it revoked on its own)"},
      {"crl_issued", {"crl", "url"}, "the CA signed a CRL"},
      {"crl_published", {"crl", "url"}, "the CRL was published in the repository"},
  };
  return kTypes;
}

const EventTypeInfo* FindEventType(std::string_view type) {
  for (const EventTypeInfo& t : EventTypes()) {
    if (t.name == type) return &t;
  }
  return nullptr;
}

bool IsKnownEventType(std::string_view type) { return FindEventType(type) != nullptr; }

namespace {

// Levenshtein distance, for suggestions; only for short names.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string EventTypeHint(std::string_view type) {
  std::string hint;
  if (type.size() <= 64) {
    std::string_view nearest;
    // A typo is about one edit in five characters: suggest only what is that close.
    size_t best = std::max<size_t>(1, type.size() / 5) + 1;
    for (const EventTypeInfo& t : EventTypes()) {
      size_t d = EditDistance(type, t.name);
      if (d < best) best = d, nearest = t.name;
    }
    if (!nearest.empty()) hint = "did you mean \"" + std::string(nearest) + "\"? ";
  }
  hint += "Known types:";
  for (const EventTypeInfo& t : EventTypes()) hint += " " + std::string(t.name);
  return hint;
}

std::optional<std::string> NormalizeSerial(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::string hex;
  for (char c : text) {
    if (c == ':') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    hex.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (hex.empty()) return std::nullopt;
  size_t first = hex.find_first_not_of('0');
  hex = first == std::string::npos ? "0" : hex.substr(first);
  if (hex.size() % 2 != 0) hex.insert(hex.begin(), '0');
  return negative && hex != "00" ? "-" + hex : hex;
}

namespace {

// Events are flat; deeper nesting is refused before parsing.
constexpr size_t kMaxNesting = 16;

// The deepest nesting of arrays and objects in a JSON text, strings skipped.
size_t NestingDepth(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// A value as an error message quotes it: its JSON text, cut short at a
// character boundary, so that a huge bad value costs a short message.
std::string Quote(const nlohmann::json& value) {
  constexpr size_t kShown = 60;
  std::string text = value.dump();
  if (text.size() <= kShown) return text;
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace

std::optional<Event> ParseEventLine(std::string_view line, Source source, std::string* error) {
  if (NestingDepth(line) > kMaxNesting) {
    *error = "JSON nested more than " + std::to_string(kMaxNesting) + " levels deep";
    return std::nullopt;
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) {
    *error = "not valid JSON";
    return std::nullopt;
  }
  if (!j.is_object()) {
    *error = "an event must be a JSON object";
    return std::nullopt;
  }
  Event e;
  e.source = std::move(source);
  auto time = j.find("time");
  if (time == j.end() || !time->is_string()) {
    *error = "missing \"time\"";
    return std::nullopt;
  }
  auto t = ParseRfc3339(time->get<std::string>());
  if (!t) {
    *error = "\"time\" " + Quote(*time) + " is not RFC 3339 with an offset";
    return std::nullopt;
  }
  e.time = *t;
  auto type = j.find("type");
  if (type == j.end() || !type->is_string()) {
    *error = "missing \"type\"";
    return std::nullopt;
  }
  const std::string& type_text = type->get_ref<const std::string&>();
  const EventTypeInfo* known = FindEventType(type_text);
  if (known == nullptr) {
    *error = "unknown event type " + Quote(*type) + "; " + EventTypeHint(type_text);
    return std::nullopt;
  }
  e.type = known->name;
  if (auto id = j.find("id"); id != j.end() && !id->is_string()) {
    *error = "\"id\" must be a string";
    return std::nullopt;
  }
  for (std::string_view key : kSerialFields) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    auto serial = it->is_string() ? NormalizeSerial(it->get<std::string>()) : std::nullopt;
    if (!serial) {
      *error = "\"" + std::string(key) + "\" " + Quote(*it) + " is not a hex serial number";
      return std::nullopt;
    }
    *it = *serial;
  }
  auto bad = [&](const char* key, const char* what) {
    *error = "\"" + std::string(key) + "\" " + Quote(j[key]) + " is not " + what;
    return std::nullopt;
  };
  if (auto v = j.find("documents"); v != j.end()) {
    if (!v->is_array() ||
        !std::all_of(v->begin(), v->end(), [](const auto& d) { return d.is_string(); })) {
      return bad("documents", "a list of strings");
    }
  }
  if (auto v = j.find("urgent"); v != j.end() && !v->is_boolean())
    return bad("urgent", "true or false");
  if (auto v = j.find("channel");
      v != j.end() && (!v->is_string() || (*v != "post" && *v != "email"))) {
    return bad("channel", "\"post\" or \"email\"");
  }
  if (auto v = j.find("reason"); v != j.end()) {
    bool known = false;
    for (int code = 0; code <= 10; ++code)
      known |= v->is_string() && *v == ReasonName(code) && code != 7;
    if (!known) return bad("reason", "an RFC 5280 CRLReason name (keyCompromise, superseded, ...)");
  }
  if (auto v = j.find("desired_date"); v != j.end()) {
    std::string text = v->is_string() ? v->get<std::string>() : "";
    if (!ParseRfc3339(text) && !ParseRfc3339(text + "T00:00:00Z")) {
      return bad("desired_date", "a date (YYYY-MM-DD) or an RFC 3339 time");
    }
  }
  for (const char* key : {"application", "subscriber", "csr", "by", "decision", "certificate",
                          "method", "request", "crl", "url"}) {
    if (auto v = j.find(key); v != j.end() && !v->is_string()) return bad(key, "a string");
  }
  // Which profiles exist is the pack's to say (`profiles:`); the evaluator
  // reports a profile the pack does not declare.
  if (auto profile = j.find("profile"); profile != j.end()) {
    if (!profile->is_string() || profile->get_ref<const std::string&>().empty()) {
      *error = "\"profile\" " + Quote(*profile) + " is not a profile name";
      return std::nullopt;
    }
  }
  Pack(j, &e);
  return e;
}

}  // namespace cpaudit
