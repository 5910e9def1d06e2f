#pragma once
// The business calendar the CP's deadlines count in (営業日). The CP does not
// define business days; the pack uses Japanese ones: not Saturday or Sunday, not
// a national holiday under the Act on National Holidays (国民の祝日に関する法律,
// with substitute holidays 振替休日, citizens' holidays 国民の休日, the equinox
// days and the one-off days and moves), and not a closure day the pack or the
// evidence sets (by default the year-end closure, 29 December to 3 January).
//
// Days are civil days at a fixed UTC offset (+09:00 for Asia/Tokyo, which has
// kept no daylight saving time since 1951).

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/model/time_util.h"

namespace cpaudit {

using Day = std::chrono::sys_days;

struct NonBusinessDay {
  Day date;
  std::string kind;  // "holiday" or "closure"
  std::string name_ja;
  std::string name_en;
};

// Japanese national holidays of a year, 1948 to 2099, in date order: the
// holidays of the Act, substitute holidays and citizens' holidays.
std::vector<NonBusinessDay> JapaneseHolidays(int year);

struct ClosureRule {
  int from_month = 12, from_day = 29;  // inclusive, may wrap the year end
  int to_month = 1, to_day = 3;
  std::string name_ja = "年末年始休業";
  std::string name_en = "Year-end closure";
};

struct CalendarSettings {
  bool japanese_holidays = true;
  int utc_offset_seconds = 9 * 3600;
  std::vector<ClosureRule> closures = {ClosureRule{}};
  std::vector<NonBusinessDay> closed_days;  // extra days the CA is closed
};

class BusinessCalendar {
 public:
  // The years whose national holidays are known.
  static constexpr int kFirstYear = 1948;
  static constexpr int kLastYear = 2099;

  explicit BusinessCalendar(CalendarSettings settings = {});

  bool IsBusinessDay(Day d) const;
  // Holidays and closure days of the year (weekends are not listed unless one is).
  std::vector<NonBusinessDay> NonBusinessDays(int year) const;
  // The civil day of an instant at the calendar's offset.
  Day LocalDay(UnixTime t) const;
  // 00:00 local time of a day, as an instant.
  UnixTime StartOf(Day d) const;
  // The N-th business day after the day of t (t's own day does not count).
  Day NthBusinessDayAfter(UnixTime t, int n) const;
  // The N-th business day before d (d itself does not count): "5 business
  // days before the wanted date".
  Day NthBusinessDayBefore(Day d, int n) const;
  // "Within N business days of t": the end (24:00 local) of the N-th business
  // day after t's day.
  UnixTime BusinessDeadline(UnixTime t, int n) const;
  // Business days d with from < d <= to (0 when to <= from).
  int BusinessDaysBetween(Day from, Day to) const;
  // "2026-04-30 10:00 JST" (or "+HH:MM" for other offsets).
  std::string FormatLocal(UnixTime t) const;
  // An instant at 00:00 local as the end of the day before, the way the CP
  // counts deadlines ("2026-04-30 24:00 JST"); any other as FormatLocal.
  std::string FormatEndOfDay(UnixTime t) const;
  int utc_offset_seconds() const { return settings_.utc_offset_seconds; }

 private:
  std::optional<NonBusinessDay> ClosureOn(Day d) const;
  CalendarSettings settings_;
  std::set<Day> holidays_;  // national holidays, precomputed for 1948-2099
  std::set<Day> closed_;    // extra closed days
};

std::string FormatDay(Day d);                          // "2026-04-30"
std::optional<Day> ParseDay(const std::string& text);  // "YYYY-MM-DD"

}  // namespace cpaudit
