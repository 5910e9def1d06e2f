#include "harness/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace cpaudit {
namespace {

using namespace std::chrono;

Day Ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

// The n-th given weekday of a month (Happy Monday holidays).
Day NthWeekday(int y, unsigned m, weekday wd, unsigned n) {
  return sys_days{year{y} / month{m} / wd[n]};
}

// Equinox days by the standard formula (valid 1900-2099).
unsigned VernalEquinox(int y) {
  double base = y <= 1979 ? 20.8357 : 20.8431;
  int leap = y <= 1979 ? (y - 1983) / 4 : (y - 1980) / 4;
  return static_cast<unsigned>(static_cast<int>(base + 0.242194 * (y - 1980)) - leap);
}
unsigned AutumnalEquinox(int y) {
  double base = y <= 1979 ? 23.2588 : 23.2488;
  int leap = y <= 1979 ? (y - 1983) / 4 : (y - 1980) / 4;
  return static_cast<unsigned>(static_cast<int>(base + 0.242194 * (y - 1980)) - leap);
}

struct Named {
  Day date;
  const char* ja;
  const char* en;
};

// The holidays the Act names for a year (国民の祝日), before substitutes.
std::vector<Named> ActHolidays(int y) {
  std::vector<Named> h;
  auto add = [&](Day d, const char* ja, const char* en) { h.push_back({d, ja, en}); };
  const Day enacted = Ymd(1948, 7, 20);
  if (y >= 1949) add(Ymd(y, 1, 1), "元日", "New Year's Day");
  if (y >= 1949 && y <= 1999) add(Ymd(y, 1, 15), "成人の日", "Coming of Age Day");
  if (y >= 2000) add(NthWeekday(y, 1, Monday, 2), "成人の日", "Coming of Age Day");
  if (y >= 1967) add(Ymd(y, 2, 11), "建国記念の日", "National Foundation Day");
  if (y >= 2020) add(Ymd(y, 2, 23), "天皇誕生日", "Emperor's Birthday");
  if (y >= 1949) add(Ymd(y, 3, VernalEquinox(y)), "春分の日", "Vernal Equinox Day");
  if (y >= 1949 && y <= 1988) add(Ymd(y, 4, 29), "天皇誕生日", "Emperor's Birthday");
  if (y >= 1989 && y <= 2006) add(Ymd(y, 4, 29), "みどりの日", "Greenery Day");
  if (y >= 2007) add(Ymd(y, 4, 29), "昭和の日", "Showa Day");
  if (y >= 1949) add(Ymd(y, 5, 3), "憲法記念日", "Constitution Memorial Day");
  if (y >= 2007) add(Ymd(y, 5, 4), "みどりの日", "Greenery Day");
  if (y >= 1949) add(Ymd(y, 5, 5), "こどもの日", "Children's Day");
  if (y >= 1996 && y <= 2002) add(Ymd(y, 7, 20), "海の日", "Marine Day");
  if (y == 2020) add(Ymd(y, 7, 23), "海の日", "Marine Day");
  if (y == 2021) add(Ymd(y, 7, 22), "海の日", "Marine Day");
  if (y >= 2003 && y != 2020 && y != 2021) add(NthWeekday(y, 7, Monday, 3), "海の日", "Marine Day");
  if (y == 2020) add(Ymd(y, 8, 10), "山の日", "Mountain Day");
  if (y == 2021) add(Ymd(y, 8, 8), "山の日", "Mountain Day");
  if (y >= 2016 && y != 2020 && y != 2021) add(Ymd(y, 8, 11), "山の日", "Mountain Day");
  if (y >= 1966 && y <= 2002) add(Ymd(y, 9, 15), "敬老の日", "Respect for the Aged Day");
  if (y >= 2003) add(NthWeekday(y, 9, Monday, 3), "敬老の日", "Respect for the Aged Day");
  if (y >= 1948) add(Ymd(y, 9, AutumnalEquinox(y)), "秋分の日", "Autumnal Equinox Day");
  if (y >= 1966 && y <= 1999) add(Ymd(y, 10, 10), "体育の日", "Health and Sports Day");
  if (y >= 2000 && y <= 2019)
    add(NthWeekday(y, 10, Monday, 2), "体育の日", "Health and Sports Day");
  if (y == 2020) add(Ymd(y, 7, 24), "スポーツの日", "Sports Day");
  if (y == 2021) add(Ymd(y, 7, 23), "スポーツの日", "Sports Day");
  if (y >= 2022) add(NthWeekday(y, 10, Monday, 2), "スポーツの日", "Sports Day");
  if (y >= 1948) add(Ymd(y, 11, 3), "文化の日", "Culture Day");
  if (y >= 1948) add(Ymd(y, 11, 23), "勤労感謝の日", "Labour Thanksgiving Day");
  if (y >= 1989 && y <= 2018) add(Ymd(y, 12, 23), "天皇誕生日", "Emperor's Birthday");
  // One-off days set by their own laws.
  if (y == 1959) add(Ymd(y, 4, 10), "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito");
  if (y == 1989) add(Ymd(y, 2, 24), "昭和天皇の大喪の礼", "Funeral of Emperor Showa");
  if (y == 1990) add(Ymd(y, 11, 12), "即位礼正殿の儀", "Enthronement Ceremony");
  if (y == 1993) add(Ymd(y, 6, 9), "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito");
  if (y == 2019) add(Ymd(y, 5, 1), "天皇の即位の日", "Accession of the Emperor");
  if (y == 2019) add(Ymd(y, 10, 22), "即位礼正殿の儀", "Enthronement Ceremony");
  std::erase_if(h, [&](const Named& n) { return n.date < enacted; });
  std::sort(h.begin(), h.end(), [](const Named& a, const Named& b) { return a.date < b.date; });
  return h;
}

}  // namespace

std::vector<NonBusinessDay> JapaneseHolidays(int y) {
  std::vector<Named> act = ActHolidays(y);
  // The next year's New Year's Day can make 31 December a citizens' holiday; it
  // never is, but substitutes and sandwiches are looked up across the list.
  std::set<Day> act_days;
  for (const Named& n : act) act_days.insert(n.date);
  std::vector<NonBusinessDay> out;
  for (const Named& n : act) out.push_back({n.date, "holiday", n.ja, n.en});

  std::set<Day> substitutes;
  const Day substitute_from = Ymd(1973, 4, 12);
  const Day rule_2007 = Ymd(2007, 1, 1);
  for (const Named& n : act) {
    if (n.date < substitute_from || weekday{n.date} != Sunday) continue;
    Day d = n.date + days{1};
    if (n.date < rule_2007) {
      // 1973-2006: the Monday after, unless it is a holiday itself.
      if (act_days.count(d)) continue;
    } else {
      // From 2007: the first following day that is not a holiday.
      while (act_days.count(d)) d += days{1};
    }
    substitutes.insert(d);
    out.push_back({d, "holiday", "振替休日", "Substitute Holiday"});
  }
  // Citizens' holidays (from the 1985 amendment): a day between two holidays of
  // the Act; until 2006 not a Sunday or a substitute holiday.
  const Day citizens_from = Ymd(1985, 12, 27);
  for (const Named& n : act) {
    Day d = n.date + days{1};
    if (d < citizens_from || act_days.count(d) || !act_days.count(d + days{1})) continue;
    if (d < rule_2007 && (weekday{d} == Sunday || substitutes.count(d))) continue;
    if (substitutes.count(d)) continue;
    out.push_back({d, "holiday", "国民の休日", "Citizens' Holiday"});
  }
  std::sort(out.begin(), out.end(),
            [](const NonBusinessDay& a, const NonBusinessDay& b) { return a.date < b.date; });
  return out;
}

BusinessCalendar::BusinessCalendar(CalendarSettings settings) : settings_(std::move(settings)) {
  if (settings_.japanese_holidays) {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (const NonBusinessDay& h : JapaneseHolidays(y)) holidays_.insert(h.date);
    }
  }
  for (const NonBusinessDay& d : settings_.closed_days) closed_.insert(d.date);
}

std::optional<NonBusinessDay> BusinessCalendar::ClosureOn(Day d) const {
  year_month_day ymd{d};
  unsigned md = static_cast<unsigned>(ymd.month()) * 100 + static_cast<unsigned>(ymd.day());
  for (const ClosureRule& c : settings_.closures) {
    unsigned from = static_cast<unsigned>(c.from_month * 100 + c.from_day);
    unsigned to = static_cast<unsigned>(c.to_month * 100 + c.to_day);
    bool in = from <= to ? (md >= from && md <= to) : (md >= from || md <= to);
    if (in) return NonBusinessDay{d, "closure", c.name_ja, c.name_en};
  }
  for (const NonBusinessDay& c : settings_.closed_days) {
    if (c.date == d) return c;
  }
  return std::nullopt;
}

bool BusinessCalendar::IsBusinessDay(Day d) const {
  weekday wd{d};
  if (wd == Saturday || wd == Sunday) return false;
  if (holidays_.count(d) || closed_.count(d)) return false;
  return !ClosureOn(d);
}

std::vector<NonBusinessDay> BusinessCalendar::NonBusinessDays(int y) const {
  std::map<Day, NonBusinessDay> by_day;
  if (settings_.japanese_holidays) {
    for (NonBusinessDay& h : JapaneseHolidays(y)) by_day.emplace(h.date, std::move(h));
  }
  for (Day d = Ymd(y, 1, 1); d <= Ymd(y, 12, 31); d += days{1}) {
    if (by_day.count(d)) continue;
    if (auto c = ClosureOn(d)) by_day.emplace(d, *c);
  }
  std::vector<NonBusinessDay> out;
  for (auto& [d, v] : by_day) out.push_back(std::move(v));
  return out;
}

Day BusinessCalendar::LocalDay(UnixTime t) const {
  return floor<days>(sys_seconds{seconds{t + settings_.utc_offset_seconds}});
}

UnixTime BusinessCalendar::StartOf(Day d) const {
  return sys_seconds{d}.time_since_epoch().count() - settings_.utc_offset_seconds;
}

Day BusinessCalendar::NthBusinessDayAfter(UnixTime t, int n) const {
  Day d = LocalDay(t);
  for (int found = 0; found < n;) {
    d += days{1};
    if (IsBusinessDay(d)) ++found;
  }
  return d;
}

Day BusinessCalendar::NthBusinessDayBefore(Day d, int n) const {
  for (int found = 0; found < n;) {
    d -= days{1};
    if (IsBusinessDay(d)) ++found;
  }
  return d;
}

UnixTime BusinessCalendar::BusinessDeadline(UnixTime t, int n) const {
  return StartOf(NthBusinessDayAfter(t, n) + days{1});
}

int BusinessCalendar::BusinessDaysBetween(Day from, Day to) const {
  int n = 0;
  for (Day d = from + days{1}; d <= to; d += days{1}) n += IsBusinessDay(d) ? 1 : 0;
  return n;
}

std::string BusinessCalendar::FormatLocal(UnixTime t) const {
  sys_seconds local{seconds{t + settings_.utc_offset_seconds}};
  Day d = floor<days>(local);
  auto tod = hh_mm_ss{local - sys_seconds{d}};
  int off = settings_.utc_offset_seconds;
  std::string zone = off == 9 * 3600 ? "JST"
                                     : fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+',
                                                   std::abs(off) / 3600, std::abs(off) % 3600 / 60);
  return fmt::format("{} {:02}:{:02} {}", FormatDay(d), tod.hours().count(), tod.minutes().count(),
                     zone);
}

std::string BusinessCalendar::FormatEndOfDay(UnixTime t) const {
  if ((t + settings_.utc_offset_seconds) % 86400 != 0) return FormatLocal(t);
  std::string before = FormatLocal(t - 1);  // 23:59 of the day that ends
  return before.substr(0, 11) + "24:00" + before.substr(16);
}

std::string FormatDay(Day d) {
  year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<Day> ParseDay(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    return std::nullopt;
  }
  year_month_day ymd{year{y} / month{m} / day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

}  // namespace cpaudit
