#include "harness/model/event_log.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "harness/model/extensions.h"

namespace cpaudit {
namespace {

constexpr std::array<std::string_view, 15> kTypes = {"application_received",
                                                     "application_approved",
                                                     "application_rejected",
                                                     "applicant_notified",
                                                     "certificate_issued",
                                                     "certificate_dispatched",
                                                     "acceptance_received",
                                                     "complaint_received",
                                                     "key_compromise_discovered",
                                                     "revocation_requested",
                                                     "revocation_request_verified",
                                                     "revocation_request_accepted",
                                                     "certificate_revoked",
                                                     "crl_issued",
                                                     "crl_published"};

// Fields that hold serial numbers, normalised on load.
constexpr std::array<std::string_view, 2> kSerialFields = {"serial", "replaces"};

}  // namespace

std::string Event::Str(std::string_view key) const {
  auto it = fields.find(key);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const std::vector<std::string_view>& EventFieldNames() {
  static const std::vector<std::string_view> kNames = {
      "id",       "application", "subscriber",   "profile",  "documents", "csr",     "by",
      "decision", "serial",      "certificate",  "replaces", "method",    "request", "reason",
      "channel",  "urgent",      "desired_date", "crl",      "url"};
  return kNames;
}

bool IsKnownEventType(std::string_view type) {
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

std::optional<std::string> NormalizeSerial(std::string_view text) {
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
  return hex;
}

std::optional<Event> ParseEventLine(std::string_view line, Source source, std::string* error) {
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
    *error = "\"time\" " + time->dump() + " is not RFC 3339 with an offset";
    return std::nullopt;
  }
  e.time = *t;
  auto type = j.find("type");
  if (type == j.end() || !type->is_string()) {
    *error = "missing \"type\"";
    return std::nullopt;
  }
  e.type = type->get<std::string>();
  if (!IsKnownEventType(e.type)) {
    *error = "unknown event type \"" + e.type + "\"";
    return std::nullopt;
  }
  if (auto id = j.find("id"); id != j.end()) {
    if (!id->is_string()) {
      *error = "\"id\" must be a string";
      return std::nullopt;
    }
    e.id = id->get<std::string>();
  }
  for (std::string_view key : kSerialFields) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    auto serial = it->is_string() ? NormalizeSerial(it->get<std::string>()) : std::nullopt;
    if (!serial) {
      *error = "\"" + std::string(key) + "\" " + it->dump() + " is not a hex serial number";
      return std::nullopt;
    }
    *it = *serial;
  }
  auto bad = [&](const char* key, const char* what) {
    *error = "\"" + std::string(key) + "\" " + j[key].dump() + " is not " + what;
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
  if (auto profile = j.find("profile"); profile != j.end()) {
    if (!profile->is_string() || (*profile != "ta" && *profile != "tsa")) {
      *error = "\"profile\" " + profile->dump() + " is not \"ta\" or \"tsa\"";
      return std::nullopt;
    }
  }
  e.fields = std::move(j);
  return e;
}

}  // namespace cpaudit
