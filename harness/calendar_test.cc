#include "harness/calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

// Every national holiday from 1970 to 2030 equals the official list, date by date.
TEST(Calendar, NationalHolidaysEqualTheOfficialList1970To2030) {
  std::ifstream in(testing::SourceDir() / "tests/data/holidays-jp-1970-2030.tsv");
  std::map<std::string, std::string> official;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    official[line.substr(0, 10)] = line.substr(11);
  }
  ASSERT_GT(official.size(), 900u);
  std::map<std::string, std::string> ours;
  for (int y = 1970; y <= 2030; ++y) {
    for (const NonBusinessDay& h : JapaneseHolidays(y)) ours[FormatDay(h.date)] = h.name_ja;
  }
  for (const auto& [date, name] : official) {
    EXPECT_TRUE(ours.count(date)) << "missing " << date << " " << name;
  }
  for (const auto& [date, name] : ours) {
    EXPECT_TRUE(official.count(date)) << "extra " << date << " " << name;
  }
}

TEST(Calendar, HolidaysOutsideTheTestDataRange) {
  auto has = [](int y, const char* date) {
    for (const NonBusinessDay& h : JapaneseHolidays(y)) {
      if (FormatDay(h.date) == date) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(1948, "1948-09-23"));   // the Act's first autumnal equinox day
  EXPECT_FALSE(has(1948, "1948-05-05"));  // before the Act took effect (20 July 1948)
  EXPECT_TRUE(has(1959, "1959-04-10"));   // the Crown Prince's wedding
  EXPECT_TRUE(has(2099, "2099-03-20"));   // vernal equinox by the formula
}

TEST(Calendar, BusinessDays) {
  BusinessCalendar cal;
  EXPECT_TRUE(cal.IsBusinessDay(*ParseDay("2026-04-30")));
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2026-04-29")));  // Showa Day
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2026-05-06")));  // substitute for 3 May (Sunday)
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2026-09-22")));  // citizens' holiday
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2026-12-29")));  // year-end closure
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2027-01-03")));
  EXPECT_TRUE(cal.IsBusinessDay(*ParseDay("2027-01-04")));
  EXPECT_FALSE(cal.IsBusinessDay(*ParseDay("2026-05-09")));  // Saturday
}

// "Within N business days of T": by 24:00 JST of the N-th business day after
// T's day; T's own day does not count.
TEST(Calendar, DeadlinesAroundGoldenWeek) {
  BusinessCalendar cal;
  // Accepted Thursday 30 April 2026, 10:00 JST: 1 business day -> Friday 1 May, 24:00 JST.
  UnixTime t = *ParseRfc3339("2026-04-30T10:00:00+09:00");
  EXPECT_EQ(FormatRfc3339(cal.BusinessDeadline(t, 1)), "2026-05-01T15:00:00Z");
  EXPECT_EQ(cal.FormatLocal(cal.BusinessDeadline(t, 1) - 1), "2026-05-01 23:59 JST");
  EXPECT_EQ(cal.FormatEndOfDay(cal.BusinessDeadline(t, 1)), "2026-05-01 24:00 JST");
  EXPECT_EQ(cal.FormatEndOfDay(t), "2026-04-30 10:00 JST");  // not a day's end
  // 2 business days: Golden Week (2-6 May) is skipped to Thursday 7 May.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(t, 2)), "2026-05-07");
  // Late 23:30 JST on 30 April is still 30 April in Tokyo (14:30 UTC).
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(*ParseRfc3339("2026-04-30T14:30:00Z"), 1)),
            "2026-05-01");
  // 00:30 JST on 1 May is already 1 May (15:30 UTC on 30 April).
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(*ParseRfc3339("2026-04-30T15:30:00Z"), 1)),
            "2026-05-07");
  // A request on a holiday: the first business day after it.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(*ParseRfc3339("2026-05-03T12:00:00+09:00"), 1)),
            "2026-05-07");
  EXPECT_EQ(cal.BusinessDaysBetween(*ParseDay("2026-05-01"), *ParseDay("2026-05-07")), 1);
}

// "5 business days before the wanted date": counted back from the day before it.
TEST(Calendar, BusinessDaysBeforeADate) {
  BusinessCalendar cal;
  // Friday 13 November 2026: Thu 12, Wed 11, Tue 10, Mon 9, Fri 6 November.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayBefore(*ParseDay("2026-11-13"), 5)), "2026-11-06");
  // Friday 8 May 2026: 7 May, then Golden Week back to 1 May, 30 April, 28 and 27 April.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayBefore(*ParseDay("2026-05-08"), 5)), "2026-04-27");
  // From a holiday: the day itself never counts.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayBefore(*ParseDay("2026-05-05"), 1)), "2026-05-01");
}

TEST(Calendar, DeadlinesAroundTheYearEnd) {
  BusinessCalendar cal;
  UnixTime t = *ParseRfc3339("2026-12-28T17:00:00+09:00");  // Monday
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(t, 1)), "2027-01-04");
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(t, 5)), "2027-01-08");
  // 2027-01-11 is Coming of Age Day.
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(t, 6)), "2027-01-12");
  CalendarSettings no_closure;
  no_closure.closures.clear();
  BusinessCalendar open(no_closure);
  EXPECT_EQ(FormatDay(open.NthBusinessDayAfter(t, 1)), "2026-12-29");
  // 1 January stays a holiday without the closure.
  EXPECT_EQ(FormatDay(open.NthBusinessDayAfter(*ParseRfc3339("2026-12-31T10:00:00+09:00"), 1)),
            "2027-01-04");
}

TEST(Calendar, ExtraClosedDays) {
  CalendarSettings s;
  s.closed_days.push_back({*ParseDay("2026-05-07"), "closure", "臨時休業", "Closed"});
  BusinessCalendar cal(s);
  EXPECT_EQ(FormatDay(cal.NthBusinessDayAfter(*ParseRfc3339("2026-04-30T10:00:00+09:00"), 2)),
            "2026-05-08");
  bool listed = false;
  for (const auto& d : cal.NonBusinessDays(2026)) listed |= FormatDay(d.date) == "2026-05-07";
  EXPECT_TRUE(listed);
}

TEST(Calendar, ParseDay) {
  EXPECT_TRUE(ParseDay("2026-02-28"));
  EXPECT_FALSE(ParseDay("2026-02-30"));
  EXPECT_FALSE(ParseDay("2026-2-3"));
  EXPECT_FALSE(ParseDay("2026-02-28x"));
}

}  // namespace
}  // namespace cpaudit
