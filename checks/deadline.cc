#include "checks/deadline.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

// How an event reads in a message: "request R-17 accepted": the field that
// names what the event is about, and a verb.
struct Wording {
  const char* key;
  const char* verb;
};
const std::map<std::string, Wording, std::less<>>& Wordings() {
  static const std::map<std::string, Wording, std::less<>> kWordings = {
      {"application_received", {"application", "received"}},
      {"application_approved", {"application", "approved"}},
      {"application_rejected", {"application", "rejected"}},
      {"applicant_notified", {"application", "notified to the applicant"}},
      {"certificate_issued", {"serial", "issued"}},
      {"certificate_dispatched", {"serial", "dispatched"}},
      {"acceptance_received", {"serial", "accepted by the subscriber"}},
      {"complaint_received", {"serial", "complained about"}},
      {"key_compromise_discovered", {"serial", "found compromised"}},
      {"revocation_requested", {"request", "requested"}},
      {"revocation_request_verified", {"request", "verified"}},
      {"revocation_request_accepted", {"request", "accepted"}},
      {"certificate_revoked", {"serial", "revoked"}},
      {"crl_issued", {"crl", "issued"}},
      {"crl_published", {"crl", "published"}},
  };
  return kWordings;
}

std::string Verb(std::string_view type) {
  auto it = Wordings().find(type);
  return it == Wordings().end() ? std::string(type) : it->second.verb;
}

// "serial 1002 issued 2026-03-02 11:00 JST (replaces 1001)".
std::string DescribeEvent(const Event& e, const std::string& join_field,
                          const BusinessCalendar& cal) {
  auto it = Wordings().find(e.type);
  std::string key = it != Wordings().end() ? it->second.key : join_field;
  std::string d = key + " " + e.Str(key) + " " + Verb(e.type) + " " + cal.FormatLocal(e.time);
  if (join_field != key && !e.Str(join_field).empty()) {
    d += " (" + join_field + " " + e.Str(join_field) + ")";
  }
  return d;
}

std::string OneOf(const std::vector<std::string>& types) {
  std::string s;
  for (size_t i = 0; i < types.size(); ++i) {
    s += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + types[i];
  }
  return s;
}

enum class Unit { kBusinessDays, kCalendarDays, kHours };

struct Limit {
  Unit unit = Unit::kBusinessDays;
  int64_t n = 0;

  std::string Describe() const {
    const char* name = unit == Unit::kBusinessDays   ? "business day"
                       : unit == Unit::kCalendarDays ? "calendar day"
                                                     : "hour";
    return fmt::format("{} {}{}", n, name, n == 1 ? "" : "s");
  }
};

struct Condition {  // a `where` test on one field of the `from` event
  std::string field;
  std::string op;  // present, absent, equals, in, not_in
  std::vector<std::string> values;

  bool Holds(const Event& e) const {
    bool present = e.Has(field);
    if (op == "present") return present;
    if (op == "absent") return !present;
    if (!present) return op == "not_in";
    std::string v = e.Str(field);
    bool listed = std::find(values.begin(), values.end(), v) != values.end();
    return op == "not_in" ? !listed : listed;
  }
};

struct Requirement {
  enum Kind { kEvent, kCrlIssued, kCrlLists, kField } kind = kEvent;
  std::vector<std::string> types;
  std::string join_from, join_to;
  enum Order { kAfter, kBefore, kAny } order = kAfter;
  std::vector<std::string> before;  // the target must precede the first of these
  std::string field;
};

struct Target {
  bool found = false;
  UnixTime time = 0;
  std::string what;  // "revoked", "crls/a.pem", ...
  // Found: how its time was taken, when not as usual. Not found: what came
  // close ("crls/a.pem was never published").
  std::string note;
};

class Deadline : public Check {
 public:
  Deadline(bool certificate, std::string from_type, std::vector<Condition> where,
           std::vector<Requirement> to, std::optional<Limit> within, std::optional<Limit> at_least,
           bool required, bool open)
      : certificate_(certificate),
        from_type_(std::move(from_type)),
        where_(std::move(where)),
        to_(std::move(to)),
        within_(within),
        at_least_(at_least),
        required_(required),
        open_(open) {}

  std::vector<std::string> EventTypes() const override { return {from_type_}; }

  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const EvidenceIndex& index = *ctx.index;
    const Event* from = ctx.artifact.event;
    if (certificate_) {
      // A log that never records issuances (or the required events) cannot
      // show a certificate's history: not evaluated rather than failed.
      if (index.Events("certificate_issued").empty()) {
        out->status = Status::kNotEvaluated;
        out->reason = "the event log records no certificate_issued events";
        return;
      }
      for (const Requirement& req : to_) {
        if (req.kind != Requirement::kEvent) continue;
        if (std::all_of(req.types.begin(), req.types.end(),
                        [&](const std::string& t) { return index.Events(t).empty(); })) {
          out->status = Status::kNotEvaluated;
          out->reason = "the event log records no " + OneOf(req.types) + " events";
          return;
        }
      }
      const std::string& serial = ctx.artifact.certificate->serial_hex();
      from = index.IssuanceOf(*ctx.artifact.certificate);
      if (from == nullptr || from->time > ctx.at) {
        return Fail(out, {{"detail", "serial " + serial + " has no certificate_issued event"},
                          {"key", serial}});
      }
    }
    for (const Condition& c : where_) {
      if (!c.Holds(*from)) {
        out->status = Status::kNotApplicable;
        out->reason = "the " + std::string(from->type) + " event does not meet the rule's `where`";
        return;
      }
    }
    for (const Requirement& req : to_) Check(ctx, *from, req, out);
  }

  std::string Describe() const override {
    std::string d = (certificate_ ? "each certificate's " : "each ") + from_type_;
    for (const Condition& c : where_) d += " with " + c.field + " " + c.op;
    for (const Requirement& r : to_) {
      d += "; ";
      switch (r.kind) {
        case Requirement::kEvent:
          d += (r.order == Requirement::kBefore ? "preceded by " : "followed by ") +
               OneOf(r.types) + " (same " + r.join_from + ")";
          if (!r.before.empty()) d += ", before any " + OneOf(r.before);
          break;
        case Requirement::kCrlIssued:
          d += "a CRL issued after it";
          break;
        case Requirement::kCrlLists:
          d += "the first CRL after it lists its serial";
          break;
        case Requirement::kField:
          d += "its " + r.field;
          break;
      }
    }
    if (within_) d += "; within " + within_->Describe();
    if (at_least_) d += "; at least " + at_least_->Describe() + " later";
    if (!required_) d += "; absence is fine";
    if (open_) d += "; pending until the deadline";
    return d;
  }

 private:
  UnixTime DeadlineOf(const BusinessCalendar& cal, UnixTime t, const Limit& l) const {
    switch (l.unit) {
      case Unit::kBusinessDays:
        return cal.BusinessDeadline(t, static_cast<int>(l.n));
      case Unit::kCalendarDays:  // the end of the N-th day after t's day, as for business days
        return cal.StartOf(cal.LocalDay(t) + std::chrono::days{l.n + 1});
      case Unit::kHours:
        return t + l.n * 3600;
    }
    return t;
  }

  std::string FormatDeadline(const BusinessCalendar& cal, UnixTime deadline) const {
    // A deadline in days ends a day: 24:00 of that day, as the CP counts.
    if (within_ && within_->unit != Unit::kHours) return cal.FormatEndOfDay(deadline);
    return cal.FormatLocal(deadline);
  }

  std::string Late(const BusinessCalendar& cal, UnixTime deadline, UnixTime t) const {
    if (within_->unit == Unit::kBusinessDays) {
      int n = cal.BusinessDaysBetween(cal.LocalDay(deadline - 1), cal.LocalDay(t));
      if (n == 0) return "late, on a non-business day";
      return fmt::format("{} business day{} late", n, n == 1 ? "" : "s");
    }
    if (within_->unit == Unit::kCalendarDays) {
      auto days = (cal.LocalDay(t) - cal.LocalDay(deadline - 1)).count();
      return fmt::format("{} day{} late", days, days == 1 ? "" : "s");
    }
    return fmt::format("{} h late", (t - deadline + 3599) / 3600);
  }

  Target Find(const EvalContext& ctx, const Event& from, const Requirement& req,
              const std::string& key, std::string* problem) const {
    const EvidenceIndex& index = *ctx.index;
    Target t;
    if (req.kind == Requirement::kField) {
      std::string text = from.Str(req.field);
      auto time = ParseRfc3339(text);
      if (!time) {
        auto day = ParseDay(text);
        if (day) time = index.calendar().StartOf(*day);
      }
      if (time) t = {true, *time, req.field + " " + text, ""};
      return t;
    }
    if (req.kind != Requirement::kEvent) {
      // The first CRL issued after `from` must list a revoked serial; the
      // deadline is met by the first one published (that lists it).
      bool first = true;
      for (const Crl* crl : index.CrlsByTime()) {
        if (crl->this_update() < from.time || crl->this_update() > ctx.at) continue;
        bool lists = req.kind != Requirement::kCrlLists || index.Lists(*crl, key);
        if (first && !lists) {
          *problem = fmt::format("the first CRL after it, {} (thisUpdate {}), does not list it",
                                 crl->source().Display(),
                                 index.calendar().FormatLocal(crl->this_update()));
          return t;
        }
        first = false;
        if (!lists) continue;
        std::optional<UnixTime> published = index.PublishedAt(*crl);
        if (!published || *published > ctx.at) {
          if (t.note.empty()) {
            t.note = crl->source().Display() + " (thisUpdate " +
                     index.calendar().FormatLocal(crl->this_update()) +
                     ") has no crl_published event, so it was never published";
          }
          continue;
        }
        t = {true, *published, "in CRL " + crl->source().Display(), ""};
        if (!index.RecordsPublication()) {
          t.note = " (its thisUpdate: the log records no crl_published event)";
        }
        return t;
      }
      return t;
    }
    UnixTime limit = 0;
    bool limited = false;
    for (const std::string& type : req.before) {
      for (const Event* e : index.Join(type, req.join_to, key)) {
        if (e->time < from.time || e->time > ctx.at) continue;
        if (!limited || e->time < limit) limit = e->time;
        limited = true;
        break;
      }
    }
    for (const std::string& type : req.types) {
      for (const Event* e : index.Join(type, req.join_to, key)) {
        if (e->time > ctx.at) continue;
        if (req.order == Requirement::kAfter && e->time < from.time) continue;
        if (req.order == Requirement::kBefore && e->time > from.time) continue;
        bool better =
            !t.found || (req.order == Requirement::kBefore ? e->time > t.time : e->time < t.time);
        if (better) t = {true, e->time, Verb(type), ""};
      }
    }
    if (limited && (!t.found || t.time > limit)) {
      *problem = fmt::format("{} by {} without {} before it", OneOf(req.before),
                             index.calendar().FormatLocal(limit), OneOf(req.types));
      return {};
    }
    return t;
  }

  void Check(const EvalContext& ctx, const Event& from, const Requirement& req,
             Outcome* out) const {
    const BusinessCalendar& cal = ctx.index->calendar();
    std::string key_field = req.kind == Requirement::kEvent ? req.join_from : "serial";
    std::string key = from.Str(key_field);
    std::string from_desc = DescribeEvent(from, key_field, cal);
    std::map<std::string, std::string> vars = {{"key", key},
                                               {"from_time", cal.FormatLocal(from.time)},
                                               {"to_time", ""},
                                               {"deadline", ""},
                                               {"late", ""}};
    auto fail = [&](std::string detail) {
      vars["detail"] = from_desc + "; " + detail;
      Fail(out, vars, req.kind == Requirement::kEvent ? OneOf(req.types) : key_field);
    };
    if (req.kind != Requirement::kField && key.empty()) {
      return fail("it has no " + key_field + " to match on");
    }
    std::string problem;
    Target target = Find(ctx, from, req, key, &problem);
    if (!problem.empty()) return fail(problem);
    std::optional<UnixTime> deadline;
    // The window this check saw, for the reports' timeline (one per call).
    DeadlineSpan* span = nullptr;
    if (within_) {
      deadline = DeadlineOf(cal, from.time, *within_);
      vars["deadline"] = FormatDeadline(cal, *deadline);
      out->spans.push_back({from.time, *deadline, std::nullopt, false});
      span = &out->spans.back();
    }
    std::string deadline_desc =
        deadline ? "deadline " + vars["deadline"] + " (" + within_->Describe() + ")" : "";
    if (!target.found) {
      if (req.kind == Requirement::kField) {
        if (out->status == Status::kPass) {
          out->status = Status::kNotEvaluated;
          out->reason = "the " + std::string(from.type) + " event has no " + req.field;
        }
        return;
      }
      if (!required_) return;
      if (open_ && (!deadline || ctx.at < *deadline)) {
        if (out->status == Status::kPass) {
          out->status = Status::kNotEvaluated;
          out->reason = deadline ? "pending: the deadline has not passed at the evaluation time"
                                 : "pending at the evaluation time";
        }
        return;
      }
      std::string missing =
          req.kind == Requirement::kEvent
              ? (req.order == Requirement::kBefore ? "no " + OneOf(req.types) + " before it"
                                                   : "no " + OneOf(req.types))
          : req.kind == Requirement::kCrlLists ? "no published CRL after it lists it"
                                               : "no published CRL issued after it";
      if (span != nullptr) span->late = true;
      return fail((deadline_desc.empty() ? "" : deadline_desc + "; ") + missing + " by " +
                  cal.FormatLocal(ctx.at) + (target.note.empty() ? "" : ": " + target.note));
    }
    vars["to_time"] = cal.FormatLocal(target.time);
    if (span != nullptr) span->done = target.time;
    if (at_least_) {
      // The `from` event comes by the end of the N-th business day before the
      // target's day, counting only days strictly before it.
      Day due = cal.NthBusinessDayBefore(cal.LocalDay(target.time), static_cast<int>(at_least_->n));
      if (from.time >= cal.StartOf(due + std::chrono::days{1})) {
        return fail(fmt::format("{} is less than {}' notice: it was due by {} 24:00{}", target.what,
                                at_least_->Describe(), FormatDay(due),
                                cal.FormatLocal(from.time).substr(16)));
      }
    }
    if (deadline && target.time > *deadline) {
      span->late = true;
      vars["late"] = Late(cal, *deadline, target.time);
      return fail(fmt::format("{}; {} {}{}, {}", deadline_desc, target.what, vars["to_time"],
                              target.note, vars["late"]));
    }
  }

  const bool certificate_;
  const std::string from_type_;
  const std::vector<Condition> where_;
  const std::vector<Requirement> to_;
  const std::optional<Limit> within_;
  const std::optional<Limit> at_least_;
  const bool required_;
  const bool open_;
};

std::vector<std::string> Types(Params& options, const YAML::Node& node, const char* what) {
  std::vector<std::string> types;
  if (node.IsScalar()) {
    types.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& t : node) types.push_back(t.as<std::string>());
  }
  if (types.empty()) options.Fail(what, "expected an event type or a list of them");
  for (const auto& t : types) {
    if (!IsKnownEventType(t)) {
      options.Fail(what, "unknown event type \"" + t + "\"; " + EventTypeHint(t));
    }
  }
  return types;
}

void OnlyKeys(Params& options, const char* what, const YAML::Node& node,
              std::initializer_list<const char*> keys) {
  if (!node.IsMap()) options.Fail(what, "expected a map");
  for (const auto& kv : node) {
    std::string k = kv.first.as<std::string>();
    if (std::none_of(keys.begin(), keys.end(), [&](const char* x) { return k == x; })) {
      options.Fail(what, "unknown key \"" + k + "\"");
    }
  }
}

std::optional<Limit> ReadLimit(Params& options, const char* what, bool business_only) {
  std::optional<YAML::Node> node = options.Raw(what);
  if (!node) return std::nullopt;
  if (!node->IsMap() || node->size() != 1) {
    options.Fail(what, "expected one of {business_days: N}, {calendar_days: N}, {hours: N}");
  }
  std::string unit = node->begin()->first.as<std::string>();
  Limit l;
  if (unit == "business_days") {
    l.unit = Unit::kBusinessDays;
  } else if (unit == "calendar_days" && !business_only) {
    l.unit = Unit::kCalendarDays;
  } else if (unit == "hours" && !business_only) {
    l.unit = Unit::kHours;
  } else {
    options.Fail(what, "unknown unit \"" + unit + "\"");
  }
  try {
    l.n = options.ResolveNested(node->begin()->second).as<int64_t>();
  } catch (const YAML::Exception&) {
    options.Fail(what, "expected a whole number");
  }
  if (l.n < 0 || l.n > 3650) options.Fail(what, "expected 0 to 3650");
  return l;
}

Requirement ReadRequirement(Params& options, const YAML::Node& node) {
  OnlyKeys(options, "to", node, {"event", "join", "order", "before", "crl", "field"});
  Requirement r;
  if (node["crl"]) {
    std::string crl = node["crl"].as<std::string>();
    if (crl != "issued" && crl != "lists") options.Fail("to", "crl: expected issued or lists");
    r.kind = crl == "issued" ? Requirement::kCrlIssued : Requirement::kCrlLists;
    return r;
  }
  if (node["field"]) {
    r.kind = Requirement::kField;
    r.field = node["field"].as<std::string>();
    return r;
  }
  if (!node["event"]) options.Fail("to", "needs event, crl or field");
  r.types = Types(options, node["event"], "to");
  const YAML::Node join = node["join"];
  if (!join) options.Fail("to", "an event requirement needs `join`");
  if (join.IsScalar()) {
    r.join_from = r.join_to = join.Scalar();
  } else {
    OnlyKeys(options, "to", join, {"from", "to"});
    r.join_from = join["from"].as<std::string>("");
    r.join_to = join["to"].as<std::string>("");
    if (r.join_from.empty() || r.join_to.empty()) options.Fail("to", "join needs from and to");
  }
  if (const YAML::Node order = node["order"]) {
    std::string o = order.as<std::string>();
    if (o == "after")
      r.order = Requirement::kAfter;
    else if (o == "before")
      r.order = Requirement::kBefore;
    else if (o == "any")
      r.order = Requirement::kAny;
    else
      options.Fail("to", "order: expected after, before or any");
  }
  if (const YAML::Node before = node["before"]) {
    OnlyKeys(options, "to", before, {"event"});
    r.before = Types(options, before["event"], "to");
  }
  return r;
}

}  // namespace

PrimitiveInfo DeadlinePrimitive() {
  return {"deadline",
          "an event is followed (or preceded) by another within a time limit",
          {"events", "certificate"},
          {"detail", "key", "from_time", "to_time", "deadline", "late"},
          [](Params& options, const std::string& applies_to) -> std::unique_ptr<Check> {
            std::optional<YAML::Node> from = options.Raw("from");
            if (!from) options.Fail("from", "required option is missing");
            OnlyKeys(options, "from", *from, {"event", "where"});
            if (!(*from)["event"]) options.Fail("from", "needs event");
            std::string from_type = Types(options, (*from)["event"], "from").at(0);
            bool certificate = applies_to == "certificate";
            if (certificate && from_type != "certificate_issued") {
              options.Fail("from", "a certificate rule starts from certificate_issued");
            }
            std::vector<Condition> where;
            if (const YAML::Node w = (*from)["where"]) {
              if (!w.IsMap()) options.Fail("from", "where: expected a map of field tests");
              for (const auto& kv : w) {
                Condition c;
                c.field = kv.first.as<std::string>();
                if (!kv.second.IsMap() || kv.second.size() != 1) {
                  options.Fail("from",
                               "where: each field needs one of present, absent, equals, "
                               "in, not_in");
                }
                c.op = kv.second.begin()->first.as<std::string>();
                const YAML::Node v = kv.second.begin()->second;
                if (c.op == "equals") {
                  c.op = "in";
                  c.values.push_back(v.as<std::string>());
                } else if (c.op == "in" || c.op == "not_in") {
                  for (const auto& x : v) c.values.push_back(x.as<std::string>());
                } else if (c.op != "present" && c.op != "absent") {
                  options.Fail("from", "where: unknown test \"" + c.op + "\"");
                }
                where.push_back(std::move(c));
              }
            }
            std::optional<YAML::Node> to = options.Raw("to");
            if (!to) options.Fail("to", "required option is missing");
            std::vector<Requirement> requirements;
            if (to->IsSequence()) {
              for (const auto& r : *to) requirements.push_back(ReadRequirement(options, r));
            } else {
              requirements.push_back(ReadRequirement(options, *to));
            }
            auto within = ReadLimit(options, "within", false);
            auto at_least = ReadLimit(options, "at_least", true);
            bool required = options.Bool("required", true);
            bool open = options.Bool("open_until_deadline", false);
            options.RejectUnknown();
            return std::make_unique<Deadline>(certificate, from_type, std::move(where),
                                              std::move(requirements), within, at_least, required,
                                              open);
          }};
}

}  // namespace cpaudit
