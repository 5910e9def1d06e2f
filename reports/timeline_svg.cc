#include "reports/timeline_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "harness/calendar.h"
#include "reports/escape.h"

namespace cpaudit {
namespace {

// The picture's coordinates (it scales to the page's width).
constexpr double kWidth = 1000, kPlotLeft = 310, kPlotRight = 985;
constexpr double kAxis = 30, kLane = 18;
constexpr size_t kLabelChars = 44;

std::string E(std::string_view s) { return XmlEscape(s); }

// A long label loses its middle: its start and its end (a file's name) tell
// the lanes apart. Cuts fall between UTF-8 characters.
std::string Shorten(const std::string& text) {
  if (text.size() <= kLabelChars) return text;
  auto boundary = [&](size_t i) {
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
  };
  size_t head = boundary(kLabelChars / 2 - 1);
  size_t tail = boundary(text.size() - kLabelChars / 2);
  return text.substr(0, head) + "…" + text.substr(tail);
}

// The period on the plot, and the pack's calendar: times read in its local
// time, as the findings give them.
struct Frame {
  UnixTime start, end;
  const BusinessCalendar& calendar;
  std::string Local(UnixTime t) const { return calendar.FormatLocal(t); }
  double X(UnixTime t) const {
    double f =
        static_cast<double>(std::clamp(t, start, end) - start) / static_cast<double>(end - start);
    return kPlotLeft + f * (kPlotRight - kPlotLeft);
  }
};

// Gridlines at a round step: at most nine over the period, at local midnight
// for steps of days, labelled by local date (and time for steps under a day).
std::string Axis(const Frame& frame, double height) {
  constexpr UnixTime kHour = 3600, kDay = 86400;
  constexpr std::array<UnixTime, 11> kSteps = {kHour,      6 * kHour,  kDay,       7 * kDay,
                                               14 * kDay,  30 * kDay,  91 * kDay,  182 * kDay,
                                               365 * kDay, 730 * kDay, 1826 * kDay};
  UnixTime step = kSteps.back();
  for (UnixTime s : kSteps) {
    if ((frame.end - frame.start) / s <= 8) {
      step = s;
      break;
    }
  }
  std::string out;
  UnixTime offset = frame.calendar.utc_offset_seconds();
  for (UnixTime t = (frame.start + offset + step - 1) / step * step - offset; t <= frame.end;
       t += step) {
    std::string label = frame.Local(t);
    label = step < kDay ? label.substr(5, 11) : label.substr(0, 10);
    double x = frame.X(t);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>"
        "<text class=\"tick\" x=\"{0:.1f}\" y=\"{3}\">{4}</text>\n",
        x, kAxis - 6, height, kAxis - 10, label);
  }
  return out;
}

std::string Mark(double x, double y, std::string_view cls, const std::string& title) {
  return fmt::format(
      "<path class=\"{}\" d=\"M{:.1f} {:.1f} l4 -7 l-8 0 z\"><title>{}</title></path>", cls, x,
      y + 3, E(title));
}

std::string ArtifactLane(const Frame& frame, const ArtifactInfo& a, double y) {
  bool crl = a.kind == "crl";
  UnixTime end = a.end != 0 ? a.end : frame.end;
  std::string title = fmt::format("{} {}: {}; {} {} to {}", a.kind, a.name, a.description,
                                  crl ? "thisUpdate" : "valid", frame.Local(a.start),
                                  a.end != 0 ? frame.Local(a.end) : "no nextUpdate");
  double x0 = frame.X(a.start), x1 = frame.X(end);
  std::string out = fmt::format(
      "<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"10\" "
      "rx=\"2\"><title>{}</title></rect>",
      crl ? "crl" : "validity", x0, y - 5, std::max(1.5, x1 - x0), E(title));
  if (a.issued != 0) out += Mark(frame.X(a.issued), y, "issued", "issued " + frame.Local(a.issued));
  if (a.revoked != 0) {
    out += Mark(frame.X(a.revoked), y, "revoked", "revoked " + frame.Local(a.revoked));
  }
  return out;
}

std::string WindowLane(const Frame& frame, const DeadlineWindow& w, UnixTime at, double y) {
  const DeadlineSpan& s = w.span;
  std::string state = s.late ? (s.done ? "late" : "missing") : s.done ? "on time" : "pending";
  std::string title = fmt::format("{} on {}: from {}, deadline {}, {}{}", w.rule->id, w.artifact,
                                  frame.Local(s.from), frame.calendar.FormatEndOfDay(s.deadline),
                                  s.done ? "done " + frame.Local(*s.done) + ", " : "", state);
  double from = frame.X(s.from), deadline = frame.X(s.deadline);
  std::string out = fmt::format(
      "<line class=\"window{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
      "<line class=\"deadline\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>",
      s.done || s.late ? "" : " open", from, y, deadline, y, deadline, y - 6, deadline, y + 6);
  if (s.late) {
    double until = frame.X(s.done.value_or(at));
    out += fmt::format(
        "<rect class=\"overdue\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"8\"/>",
        deadline, y - 4, std::max(1.5, until - deadline));
  }
  if (s.done) {
    out += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\"/>",
                       s.late ? "done-late" : "done", frame.X(*s.done), y);
  }
  out = fmt::format("<g><title>{}</title>{}</g>", E(title), out);
  // A late window links to its rule's findings.
  if (s.late) out = fmt::format("<a href=\"#findings-{}\">{}</a>", E(w.rule->id), out);
  return out;
}

std::string CaSvg(const CaTimeline& t, UnixTime at, const BusinessCalendar& calendar) {
  Frame frame{t.start, t.end, calendar};
  std::string first = frame.Local(t.start), last = frame.Local(t.end);
  double height = kAxis + kLane * static_cast<double>(t.lanes.size()) + 6;
  std::string out = fmt::format(
      "<figure class=\"timeline\"><figcaption>CA <code>{}</code>: {} to {} ({}){}</figcaption>\n"
      "<svg viewBox=\"0 0 {} {:.0f}\" role=\"img\" aria-label=\"Life cycle of CA {}\">\n",
      E(t.ca), first.substr(0, 10), last.substr(0, 10), last.substr(17),
      t.left_out ? fmt::format(" — {} more certificate(s), CRL(s) or on-time window(s) not "
                               "drawn; the findings list every late one",
                               t.left_out)
                 : "",
      kWidth, height, E(t.ca));
  out += Axis(frame, height);
  double y = kAxis + kLane / 2;
  for (const TimelineLane& lane : t.lanes) {
    size_t late = 0;
    for (const DeadlineWindow* w : lane.windows) late += w->span.late ? 1 : 0;
    std::string label = lane.artifact ? lane.label
                                      : fmt::format("{} ({}{})", lane.label, lane.windows.size(),
                                                    late ? fmt::format(", {} late", late) : "");
    out += fmt::format("<text class=\"label{}\" x=\"4\" y=\"{:.1f}\"><title>{}</title>{}</text>",
                       late ? " late" : "", y + 4, E(label), E(Shorten(label)));
    if (lane.artifact) out += ArtifactLane(frame, *lane.artifact, y);
    for (const DeadlineWindow* w : lane.windows) out += WindowLane(frame, *w, at, y);
    out += "\n";
    y += kLane;
  }
  double now = frame.X(at);
  out += fmt::format(
      "<line class=\"now\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" "
      "y2=\"{2:.1f}\"><title>evaluated "
      "{3}</title></line>\n</svg></figure>\n",
      now, kAxis - 6, height, frame.Local(at));
  return out;
}

}  // namespace

std::string TimelineSection(const ReportView& view) {
  std::string out =
      "<section id=\"timeline\"><h2>Life cycle</h2>\n<p class=\"legend\"><span "
      "class=\"key validity\"></span>certificate validity <span class=\"key issued\"></span>issued "
      "<span class=\"key revoked\"></span>revoked <span class=\"key crl\"></span>CRL thisUpdate to "
      "nextUpdate <span class=\"key window\"></span>deadline window, to its deadline <span "
      "class=\"key done\"></span>met <span class=\"key overdue\"></span>late (links to the "
      "findings) <span class=\"key now\"></span>evaluation time</p>\n";
  if (view.timelines.empty()) {
    out += "<p>The evidence has no certificate or CRL to draw.</p>\n";
  }
  const BusinessCalendar calendar(view.pack.calendar);
  for (const CaTimeline& t : view.timelines) out += CaSvg(t, view.run.at, calendar);
  return out + "</section>\n";
}

}  // namespace cpaudit
