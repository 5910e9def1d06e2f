#include "harness/model/time_util.h"

#include <fmt/format.h>

#include <ctime>
#include <regex>

namespace cpaudit {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<UnixTime> ParseRfc3339(const std::string& text) {
  // The shape is fixed by RFC 3339 section 5.6; std::regex is fine for a pattern of
  // our own (user patterns go through RE2).
  static const std::regex kPattern(
      R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(text, m, kPattern)) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(m[1]) - 1900;
  tm.tm_mon = std::stoi(m[2]) - 1;
  tm.tm_mday = std::stoi(m[3]);
  tm.tm_hour = std::stoi(m[4]);
  tm.tm_min = std::stoi(m[5]);
  tm.tm_sec = std::stoi(m[6]);
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
      tm.tm_mday > DaysInMonth(tm.tm_year + 1900, tm.tm_mon + 1) || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    return std::nullopt;
  }
  UnixTime t = timegm(&tm);
  if (m[9].matched) {
    int hours = std::stoi(m[10]);
    int minutes = std::stoi(m[11]);
    if (hours > 23 || minutes > 59) return std::nullopt;
    int offset = hours * 3600 + minutes * 60;
    t += m[9] == "+" ? -offset : offset;
  }
  return t;
}

std::string FormatRfc3339(UnixTime t) {
  time_t tt = static_cast<time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

UnixTime AddYears(UnixTime t, int years) {
  time_t tt = static_cast<time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  tm.tm_year += years;
  if (tm.tm_mon == 1 && tm.tm_mday == 29 && !IsLeap(tm.tm_year + 1900)) tm.tm_mday = 28;
  return timegm(&tm);
}

}  // namespace cpaudit
