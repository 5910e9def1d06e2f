#include "harness/model/time_util.h"

#include <fmt/format.h>

#include <ctime>

namespace cpaudit {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

UnixTime FromUtc(const std::tm& tm) {
  // Days from civil (H. Hinnant): exact for the proleptic Gregorian calendar,
  // and unlike timegm() it neither normalises nor takes a lock.
  int64_t y = tm.tm_year + 1900 - (tm.tm_mon < 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (tm.tm_mon + 10) % 12;  // March = 0
  int64_t doy = (153 * mp + 2) / 5 + tm.tm_mday - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

std::optional<UnixTime> ParseRfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), RFC 3339 section 5.6.
  size_t pos = 0;
  auto digits = [&](size_t n, int* out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
      char c = text[pos + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos += n;
    *out = v;
    return true;
  };
  auto literal = [&](std::string_view options) {
    if (pos >= text.size() || options.find(text[pos]) == std::string_view::npos) return false;
    ++pos;
    return true;
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(4, &year) || !literal("-") || !digits(2, &month) || !literal("-") ||
      !digits(2, &day) || !literal("Tt ") || !digits(2, &hour) || !literal(":") ||
      !digits(2, &minute) || !literal(":") || !digits(2, &second)) {
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == '.') {
    size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  UnixTime t = FromUtc(tm);
  if (literal("Zz")) return pos == text.size() ? std::optional<UnixTime>(t) : std::nullopt;
  bool ahead = pos < text.size() && text[pos] == '+';
  int offset_hours = 0, offset_minutes = 0;
  if (!literal("+-") || !digits(2, &offset_hours) || !literal(":") || !digits(2, &offset_minutes) ||
      pos != text.size() || offset_hours > 23 || offset_minutes > 59) {
    return std::nullopt;
  }
  int offset = offset_hours * 3600 + offset_minutes * 60;
  return ahead ? t - offset : t + offset;
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
  return FromUtc(tm);
}

}  // namespace cpaudit
