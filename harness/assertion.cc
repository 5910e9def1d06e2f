#include "harness/assertion.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

#include "harness/fields.h"

namespace cpaudit {
namespace {

using Vars = std::map<std::string, std::string>;

// Where a check's violations go: collected, or only counted when a caller
// needs to know whether a branch holds (an `any` tries its branches, a `not`
// its child, before anything is said), so that a branch that fails on its way
// to a passing one costs no message.
class Violations {
 public:
  explicit Violations(bool collect) : collect_(collect) {}
  bool collecting() const { return collect_; }
  size_t size() const { return count_; }
  void Count() { ++count_; }
  void Push(Violation v) {
    ++count_;
    list_.push_back(std::move(v));
  }
  std::vector<Violation>& list() { return list_; }
  // A test that cannot be decided (a compared field has no value, or the
  // issuing CA is not in the evidence): it does not hold, and the rule is not
  // evaluated unless something else already fails it.
  void NotEvaluated(std::string reason) {
    ++count_;
    if (not_evaluated_.empty()) not_evaluated_ = std::move(reason);
  }
  const std::string& not_evaluated() const { return not_evaluated_; }

 private:
  bool collect_;
  size_t count_ = 0;
  std::vector<Violation> list_;
  std::string not_evaluated_;
};

constexpr const char* kNoIssuer = "no CA certificate in the evidence matches the issuer";

class Node {
 public:
  virtual ~Node() = default;
  virtual void Evaluate(const EvalContext& ctx, Violations* out) const = 0;
  virtual std::string Describe() const = 0;
};

// One operator applied to the values of a field as they stream by: Each sees
// every value, End the count. Nothing is kept: an End that needs the values
// again (contains, or a count naming the first value in its message) asks the
// field for them again, which the getters answer the same way every time.
class Op {
 public:
  virtual ~Op() = default;
  virtual void Each(const FieldDef&, const EvalContext&, const FieldValue&, Violations*) const {}
  virtual void End(const FieldDef&, const EvalContext&, size_t /*count*/, Violations*) const {}
  virtual std::string Describe() const = 0;
};

// The {count} placeholder is filled in once the field has yielded everything.
// `expected` is a callable: it is only spelled out when the violation is kept.
template <typename Expected>
void Add(Violations* out, const FieldDef& field, const std::string& op, const FieldValue* v,
         const Expected& expected) {
  if (!out->collecting()) return out->Count();
  Vars vars = {{"field", field.path},
               {"value", v ? FormatValue(field.type, v->value) : ""},
               {"attribute", v ? std::string(v->attribute) : ""},
               {"attribute_value", v ? std::string(v->attribute_value) : ""},
               {"expected", expected()},
               {"count", ""}};
  std::string key =
      field.path + "|" + op + "|" + (v ? vars["attribute"] + "=" + vars["value"] : "");
  out->Push({std::move(vars), std::move(key), std::nullopt});
}

std::string Join(ValueType type, const std::vector<Value>& values) {
  std::string s;
  for (const Value& v : values) s += (s.empty() ? "" : ", ") + FormatValue(type, v);
  return s;
}

class EachOp : public Op {
 public:
  enum Kind { kEquals, kIn, kNotIn };
  EachOp(Kind kind, ValueType type, std::vector<Value> expected)
      : kind_(kind), type_(type), expected_(std::move(expected)) {
    for (const Value& e : expected_) expected_refs_.push_back(Ref(e));
  }
  void Each(const FieldDef& field, const EvalContext&, const FieldValue& v,
            Violations* out) const override {
    bool listed =
        std::find(expected_refs_.begin(), expected_refs_.end(), v.value) != expected_refs_.end();
    if (listed == (kind_ == kNotIn)) Add(out, field, Name(), &v, [&] { return Expected(); });
  }
  std::string Describe() const override {
    return kind_ == kEquals ? "equals " + Expected() : Name() + " [" + Expected() + "]";
  }

 private:
  std::string Name() const { return kind_ == kEquals ? "equals" : kind_ == kIn ? "in" : "not_in"; }
  std::string Expected() const { return Join(type_, expected_); }
  Kind kind_;
  ValueType type_;
  std::vector<Value> expected_;
  std::vector<ValueRef> expected_refs_;  // views of expected_, compared without a copy
};

class MatchesOp : public Op {
 public:
  explicit MatchesOp(std::unique_ptr<RE2> re) : re_(std::move(re)) {}
  void Each(const FieldDef& field, const EvalContext&, const FieldValue& v,
            Violations* out) const override {
    if (!RE2::PartialMatch(std::get<std::string_view>(v.value), *re_)) {
      Add(out, field, "matches", &v, [&] { return re_->pattern(); });
    }
  }
  std::string Describe() const override { return "matches '" + re_->pattern() + "'"; }

 private:
  std::unique_ptr<RE2> re_;
};

class ContainsOp : public Op {
 public:
  ContainsOp(ValueType type, std::vector<Value> wanted) : type_(type), wanted_(std::move(wanted)) {}
  void End(const FieldDef& field, const EvalContext& ctx, size_t, Violations* out) const override {
    for (const Value& w : wanted_) {
      struct Look {
        ValueRef want;
        bool found = false;
      } look{Ref(w), false};  // one capture: no allocation for the sink
      FieldSink sink = [&look](const FieldValue& v) { look.found |= v.value == look.want; };
      field.get(ctx, &sink);
      // Each missing value is a violation of its own (its own fingerprint).
      if (!look.found) {
        Add(out, field, "contains|" + ToString(w), nullptr, [&] { return FormatValue(type_, w); });
      }
    }
  }
  std::string Describe() const override { return "contains " + Join(type_, wanted_); }

 private:
  ValueType type_;
  std::vector<Value> wanted_;
};

// A comparison of every value with an operand: a literal, or the one value of
// another field of the artifact or of its issuing CA's certificate
// (`{field: issuer_certificate.validity.not_after}`). The ordering operators
// take integers and times; equals with a field takes any type.
class CompareOp : public Op {
 public:
  enum Kind { kLess, kAtMost, kGreater, kAtLeast, kEqual };
  CompareOp(Kind kind, ValueType type, Value literal)
      : kind_(kind), type_(type), literal_(std::move(literal)) {}
  CompareOp(Kind kind, ValueType type, const FieldDef* operand)
      : kind_(kind), type_(type), operand_(operand) {}

  void Each(const FieldDef& field, const EvalContext& ctx, const FieldValue& v,
            Violations* out) const override {
    if (!operand_) {
      ValueRef literal = Ref(literal_);
      if (!Holds(v.value, literal)) Fail(field, v, FormatValue(type_, literal), out);
      return;
    }
    if (operand_->needs_issuer && ctx.issuer_ca == nullptr) return out->NotEvaluated(kNoIssuer);
    struct Against {
      const CompareOp* op;
      const FieldValue* v;
      size_t count = 0;
      std::optional<std::string> failed_against;  // the operand, when the test fails
    } against{this, &v, 0, std::nullopt};
    FieldSink sink = [&against](const FieldValue& other) {
      if (against.count++ == 0 && !against.op->Holds(against.v->value, other.value)) {
        against.failed_against = FormatValue(against.op->type_, other.value);
      }
    };
    operand_->get(ctx, &sink);
    if (against.count != 1) {
      return out->NotEvaluated(fmt::format("{} has {} values; {} compares with exactly one",
                                           operand_->path, against.count, field.path));
    }
    if (against.failed_against) Fail(field, v, *against.failed_against, out);
  }
  std::string Describe() const override {
    return Expected(operand_ ? operand_->path : FormatValue(type_, literal_));
  }

 private:
  bool Holds(const ValueRef& a, const ValueRef& b) const {
    switch (kind_) {
      case kLess:
        return a < b;
      case kAtMost:
        return a <= b;
      case kGreater:
        return a > b;
      case kAtLeast:
        return a >= b;
      case kEqual:
        return a == b;
    }
    return false;
  }
  void Fail(const FieldDef& field, const FieldValue& v, const std::string& against,
            Violations* out) const {
    Add(out, field, Name(), &v, [&] { return Expected(against); });
  }
  // "at least 2048", "at most 2049-12-31T23:59:59Z (issuer_certificate.validity.not_after)".
  std::string Expected(const std::string& against) const {
    static constexpr const char* kWords[] = {"less than", "at most", "more than", "at least",
                                             "equal to"};
    std::string text = std::string(kWords[kind_]) + " " + against;
    if (operand_ && against != operand_->path) text += " (" + operand_->path + ")";
    return text;
  }
  const char* Name() const {
    static constexpr const char* kNames[] = {"lt", "at_most", "gt", "at_least", "equals"};
    return kNames[kind_];
  }
  Kind kind_;
  ValueType type_;
  Value literal_;
  const FieldDef* operand_ = nullptr;
};

class CriticalOp : public Op {
 public:
  explicit CriticalOp(bool critical) : critical_(critical) {}
  void Each(const FieldDef& field, const EvalContext&, const FieldValue& v,
            Violations* out) const override {
    if (std::get<bool>(v.value) != critical_) {
      Add(out, field, "critical", &v,
          [&] { return std::string(critical_ ? "critical" : "not critical"); });
    }
  }
  std::string Describe() const override { return critical_ ? "is critical" : "is not critical"; }

 private:
  bool critical_;
};

class CountOp : public Op {
 public:
  CountOp(int64_t min, int64_t max) : min_(min), max_(max) {}
  // The message names the field's first value, when it has one.
  void End(const FieldDef& field, const EvalContext& ctx, size_t count,
           Violations* out) const override {
    auto n = static_cast<int64_t>(count);
    if (n >= min_ && n <= max_) return;
    auto expected = [&] { return Describe(); };
    if (count == 0) return Add(out, field, "count", nullptr, expected);
    bool named = false;
    FieldSink first = [&](const FieldValue& v) {
      if (!std::exchange(named, true)) Add(out, field, "count", &v, expected);
    };
    field.get(ctx, &first);
  }
  std::string Describe() const override {
    if (min_ == max_) return fmt::format("exactly {}", min_);
    if (max_ == INT64_MAX) return fmt::format("at least {}", min_);
    return fmt::format("between {} and {}", min_, max_);
  }

 private:
  int64_t min_;
  int64_t max_;
};

class FieldNode : public Node {
 public:
  FieldNode(const FieldDef* field, std::vector<std::unique_ptr<Op>> ops, std::string message)
      : field_(field), ops_(std::move(ops)), message_(std::move(message)) {}
  void Evaluate(const EvalContext& ctx, Violations* out) const override {
    if (field_->needs_issuer && ctx.issuer_ca == nullptr) return out->NotEvaluated(kNoIssuer);
    size_t first_violation = out->list().size();
    // One capture, so that the sink fits std::function's inline buffer (no
    // allocation): this runs for every field of every rule on every certificate.
    struct Pass {
      const FieldNode* node;
      const EvalContext* ctx;
      Violations* out;
      size_t count = 0;
    } pass{this, &ctx, out, 0};
    FieldSink sink = [&pass](const FieldValue& v) {
      for (const auto& op : pass.node->ops_) op->Each(*pass.node->field_, *pass.ctx, v, pass.out);
      ++pass.count;
    };
    field_->get(ctx, &sink);
    const size_t count = pass.count;
    for (const auto& op : ops_) op->End(*field_, ctx, count, out);
    std::vector<Violation>& list = out->list();
    for (size_t i = first_violation; i < list.size(); ++i) {
      list[i].vars["count"] = std::to_string(count);
      if (!message_.empty()) list[i].vars[kMessageOverride] = message_;
    }
  }
  std::string Describe() const override {
    std::string d;
    for (const auto& op : ops_)
      d += (d.empty() ? "" : " and ") + field_->path + " " + op->Describe();
    return d;
  }

 private:
  const FieldDef* field_;
  std::vector<std::unique_ptr<Op>> ops_;
  std::string message_;
};

class AllNode : public Node {
 public:
  explicit AllNode(std::vector<std::unique_ptr<Node>> children) : children_(std::move(children)) {}
  void Evaluate(const EvalContext& ctx, Violations* out) const override {
    for (const auto& c : children_) c->Evaluate(ctx, out);
  }
  std::string Describe() const override { return Join("all of"); }

 protected:
  std::string Join(const char* head) const {
    std::string d = std::string(head) + ": (";
    for (size_t i = 0; i < children_.size(); ++i) {
      d += (i ? "; " : "") + children_[i]->Describe();
    }
    return d + ")";
  }
  std::vector<std::unique_ptr<Node>> children_;
};

class AnyNode : public AllNode {
 public:
  using AllNode::AllNode;
  void Evaluate(const EvalContext& ctx, Violations* out) const override {
    // Each branch is tried counting only; when every one fails, the first
    // branch's violations speak for the node.
    // A branch that cannot be decided might have held: then neither can the `any`.
    std::string undecided;
    for (const auto& c : children_) {
      Violations probe(false);
      c->Evaluate(ctx, &probe);
      if (probe.size() == 0) return;
      if (undecided.empty()) undecided = probe.not_evaluated();
    }
    if (!undecided.empty()) return out->NotEvaluated(undecided);
    children_.front()->Evaluate(ctx, out);
  }
  std::string Describe() const override { return Join("any of"); }
};

class NotNode : public Node {
 public:
  explicit NotNode(std::unique_ptr<Node> child) : child_(std::move(child)) {}
  void Evaluate(const EvalContext& ctx, Violations* out) const override {
    Violations inner(false);
    child_->Evaluate(ctx, &inner);
    if (!inner.not_evaluated().empty()) return out->NotEvaluated(inner.not_evaluated());
    if (inner.size() > 0) return;
    if (!out->collecting()) return out->Count();
    out->Push({{{"field", ""},
                {"value", ""},
                {"attribute", ""},
                {"attribute_value", ""},
                {"expected", "not (" + child_->Describe() + ")"},
                {"count", "0"}},
               "not|" + child_->Describe(),
               std::nullopt});
  }
  std::string Describe() const override { return "not (" + child_->Describe() + ")"; }

 private:
  std::unique_ptr<Node> child_;
};

// An all/any/not with its own message: its violations speak with it.
class MessageNode : public Node {
 public:
  MessageNode(std::unique_ptr<Node> child, std::string message)
      : child_(std::move(child)), message_(std::move(message)) {}
  void Evaluate(const EvalContext& ctx, Violations* out) const override {
    std::vector<Violation>& list = out->list();
    size_t first = list.size();
    child_->Evaluate(ctx, out);
    for (size_t i = first; i < list.size(); ++i) list[i].vars[kMessageOverride] = message_;
  }
  std::string Describe() const override { return child_->Describe(); }

 private:
  std::unique_ptr<Node> child_;
  std::string message_;
};

class Compiler {
 public:
  Compiler(ArtifactKind kind, const std::string& file, const ParamScope& scope,
           std::vector<std::pair<std::string, YAML::Node>>* messages)
      : kind_(kind), file_(file), scope_(scope), messages_(messages) {}

  std::unique_ptr<Node> Compile(const YAML::Node& node) {
    if (!node.IsMap()) ThrowAt(file_, node, "a check must be a map (all, any, not or field)");
    if (node["field"] || !node["message"]) return CompileBare(node);
    const YAML::Node message = node["message"];
    if (!message.IsScalar()) ThrowAt(file_, message, "message: expected a string");
    messages_->emplace_back(message.Scalar(), message);
    return std::make_unique<MessageNode>(CompileBare(node), message.Scalar());
  }

 private:
  std::unique_ptr<Node> CompileBare(const YAML::Node& node) {
    if (node["all"] || node["any"]) {
      const char* key = node["all"] ? "all" : "any";
      ExpectOnly(node, {key, "message"});
      const YAML::Node list = node[key];
      if (!list.IsSequence() || list.size() == 0) {
        ThrowAt(file_, list, std::string(key) + " needs a non-empty list");
      }
      std::vector<std::unique_ptr<Node>> children;
      for (const auto& child : list) children.push_back(Compile(child));
      if (node["all"]) return std::make_unique<AllNode>(std::move(children));
      return std::make_unique<AnyNode>(std::move(children));
    }
    if (node["not"]) {
      ExpectOnly(node, {"not", "message"});
      return std::make_unique<NotNode>(Compile(node["not"]));
    }
    if (node["field"]) return CompileField(node);
    ThrowAt(file_, node, "a check needs one of all, any, not or field");
  }

  void ExpectOnly(const YAML::Node& node, std::initializer_list<const char*> keys) {
    for (const auto& kv : node) {
      std::string k = kv.first.as<std::string>();
      if (std::none_of(keys.begin(), keys.end(), [&](const char* x) { return k == x; })) {
        ThrowAt(file_, kv.first, "unexpected key \"" + k + "\" here");
      }
    }
  }

  Value Typed(const YAML::Node& raw, const FieldDef& field, const std::string& op) {
    YAML::Node n = Resolve(raw, scope_, file_);
    if (!n.IsScalar()) ThrowAt(file_, raw, op + ": expected a single value");
    try {
      switch (field.type) {
        case ValueType::kBool:
          return n.as<bool>();
        case ValueType::kInt:
          return n.as<int64_t>();
        case ValueType::kString:
          return n.Scalar();
        case ValueType::kTime:
          if (auto t = ParseRfc3339(n.Scalar())) return int64_t{*t};
          ThrowAt(file_, raw,
                  fmt::format("{}: expected an RFC 3339 time (2026-01-01T00:00:00Z) for field {}",
                              op, field.path));
        case ValueType::kExtension:
          break;
      }
    } catch (const YAML::Exception&) {
    }
    ThrowAt(file_, raw,
            fmt::format("{}: expected a {} for field {}", op, ToString(field.type), field.path));
  }

  // `in: []` is allowed: no value may be there, and each one is a violation
  // of its own (der.violations[*], extensions.duplicates[*]).
  std::vector<Value> TypedList(const YAML::Node& raw, const FieldDef& field, const std::string& op,
                               bool allow_scalar, bool allow_empty = false) {
    YAML::Node n = Resolve(raw, scope_, file_);
    std::vector<Value> out;
    if (n.IsScalar() && allow_scalar) {
      out.push_back(Typed(n, field, op));
    } else if (n.IsSequence() && (n.size() > 0 || allow_empty)) {
      for (const auto& item : n) out.push_back(Typed(item, field, op));
    } else {
      ThrowAt(file_, raw, op + ": expected a non-empty list");
    }
    return out;
  }

  std::unique_ptr<Node> CompileField(const YAML::Node& node) {
    const YAML::Node path_node = node["field"];
    if (!path_node.IsScalar()) ThrowAt(file_, path_node, "field: expected a path");
    const std::string path = path_node.Scalar();
    const FieldDef* field = FindField(kind_, path);
    if (field == nullptr) {
      ThrowAt(file_, path_node,
              fmt::format("unknown field path \"{}\" for {} (see rules/FIELDS.md)", path,
                          ToString(kind_)));
    }
    std::vector<std::unique_ptr<Op>> ops;
    std::string message;
    for (const auto& kv : node) {
      const std::string op = kv.first.as<std::string>();
      const YAML::Node& arg = kv.second;
      if (op == "field") continue;
      if (op == "message") {
        if (!arg.IsScalar()) ThrowAt(file_, arg, "message: expected a string");
        message = arg.Scalar();
        messages_->emplace_back(message, arg);
        continue;
      }
      bool extension_op = op == "present" || op == "absent" || op == "count" || op == "critical";
      if (field->type == ValueType::kExtension && !extension_op) {
        ThrowAt(file_, kv.first,
                op + " does not apply to an extension; use present, absent or "
                     "critical (or a field inside the extension)");
      }
      if (auto kind = CompareKind(op)) {
        ops.push_back(CompileCompare(*kind, arg, *field, op));
      } else if (op == "in" || op == "not_in") {
        ops.push_back(std::make_unique<EachOp>(op == "in" ? EachOp::kIn : EachOp::kNotIn,
                                               field->type,
                                               TypedList(arg, *field, op, false, op == "in")));
      } else if (op == "contains") {
        ops.push_back(std::make_unique<ContainsOp>(field->type, TypedList(arg, *field, op, true)));
      } else if (op == "matches") {
        if (field->type != ValueType::kString) {
          ThrowAt(file_, kv.first, "matches applies to string fields only");
        }
        YAML::Node pattern = Resolve(arg, scope_, file_);
        if (!pattern.IsScalar()) ThrowAt(file_, arg, "matches: expected a pattern");
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_unique<RE2>(pattern.Scalar(), options);
        if (!re->ok()) ThrowAt(file_, arg, "matches: invalid regular expression: " + re->error());
        ops.push_back(std::make_unique<MatchesOp>(std::move(re)));
      } else if (op == "present" || op == "absent") {
        bool want = BoolArg(arg, op);
        bool must_exist = (op == "present") == want;
        ops.push_back(must_exist ? std::make_unique<CountOp>(1, INT64_MAX)
                                 : std::make_unique<CountOp>(0, 0));
      } else if (op == "count") {
        ops.push_back(CompileCount(arg));
      } else if (op == "critical") {
        if (field->type != ValueType::kExtension) {
          ThrowAt(file_, kv.first, "critical applies to extension fields (extensions.NAME)");
        }
        ops.push_back(std::make_unique<CriticalOp>(BoolArg(arg, op)));
      } else {
        ThrowAt(file_, kv.first,
                "unknown operator \"" + op +
                    "\" (equals, in, not_in, matches, contains, <, <=, >, >=, at_least, "
                    "at_most, present, absent, count, critical, message)");
      }
    }
    if (ops.empty()) ThrowAt(file_, node, "field " + path + " has no operator");
    return std::make_unique<FieldNode>(field, std::move(ops), std::move(message));
  }

  static std::optional<CompareOp::Kind> CompareKind(const std::string& op) {
    if (op == "<") return CompareOp::kLess;
    if (op == "<=" || op == "at_most") return CompareOp::kAtMost;
    if (op == ">") return CompareOp::kGreater;
    if (op == ">=" || op == "at_least") return CompareOp::kAtLeast;
    if (op == "equals") return CompareOp::kEqual;
    return std::nullopt;
  }

  // The operand of a comparison: a value of the field's type, or
  // `{field: PATH}`, a field of the same type (of this artifact, or
  // issuer_certificate.PATH of its issuing CA's certificate).
  std::unique_ptr<Op> CompileCompare(CompareOp::Kind kind, const YAML::Node& arg,
                                     const FieldDef& field, const std::string& op) {
    bool ordering = kind != CompareOp::kEqual;
    if (ordering && field.type != ValueType::kInt && field.type != ValueType::kTime) {
      ThrowAt(file_, arg,
              fmt::format("{} compares integer and time fields; {} is a {}", op, field.path,
                          ToString(field.type)));
    }
    if (!arg.IsMap()) {
      Value literal = Typed(arg, field, op);
      if (!ordering)
        return std::make_unique<EachOp>(EachOp::kEquals, field.type,
                                        std::vector<Value>{std::move(literal)});
      return std::make_unique<CompareOp>(kind, field.type, std::move(literal));
    }
    ExpectOnly(arg, {"field"});
    const YAML::Node path = arg["field"];
    if (!path || !path.IsScalar()) ThrowAt(file_, arg, op + ": expected a value or {field: PATH}");
    const FieldDef* operand = FindField(kind_, path.Scalar());
    if (operand == nullptr) {
      ThrowAt(file_, path,
              fmt::format("unknown field path \"{}\" for {} (see rules/FIELDS.md)", path.Scalar(),
                          ToString(kind_)));
    }
    if (operand->type != field.type) {
      ThrowAt(
          file_, path,
          fmt::format("{}: {} ({}) and {} ({}) differ in type; compare fields of one type", op,
                      field.path, ToString(field.type), operand->path, ToString(operand->type)));
    }
    return std::make_unique<CompareOp>(kind, field.type, operand);
  }

  bool BoolArg(const YAML::Node& raw, const std::string& op) {
    YAML::Node n = Resolve(raw, scope_, file_);
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      ThrowAt(file_, raw, op + ": expected true or false");
    }
  }

  std::unique_ptr<Op> CompileCount(const YAML::Node& raw) {
    YAML::Node n = Resolve(raw, scope_, file_);
    try {
      if (n.IsScalar()) {
        int64_t v = n.as<int64_t>();
        return std::make_unique<CountOp>(v, v);
      }
      if (n.IsMap()) {
        int64_t min = 0;
        int64_t max = INT64_MAX;
        for (const auto& kv : n) {
          std::string k = kv.first.as<std::string>();
          if (k == "min")
            min = kv.second.as<int64_t>();
          else if (k == "max")
            max = kv.second.as<int64_t>();
          else
            ThrowAt(file_, kv.first, "count: expected min or max, not \"" + k + "\"");
        }
        if (min > max) ThrowAt(file_, raw, "count: min is above max");
        return std::make_unique<CountOp>(min, max);
      }
    } catch (const YAML::Exception&) {
    }
    ThrowAt(file_, raw, "count: expected an integer or {min: N, max: M}");
  }

  ArtifactKind kind_;
  const std::string& file_;
  const ParamScope& scope_;
  std::vector<std::pair<std::string, YAML::Node>>* messages_;
};

class AssertionCheck : public Check {
 public:
  explicit AssertionCheck(std::unique_ptr<Node> root) : root_(std::move(root)) {}
  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    Violations found(true);
    root_->Evaluate(ctx, &found);
    std::vector<Violation>& violations = found.list();
    if (violations.empty()) {
      if (!found.not_evaluated().empty()) {
        out->status = Status::kNotEvaluated;
        out->reason = found.not_evaluated();
      }
      return;
    }
    std::unordered_set<std::string> seen;
    for (auto& v : violations) {
      if (seen.insert(v.key).second) Fail(out, std::move(v.vars), std::move(v.key));
    }
  }
  std::string Describe() const override { return root_->Describe(); }

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace

const std::vector<std::string>& AssertionPlaceholders() {
  static const std::vector<std::string> kNames = {"field",           "value",    "attribute",
                                                  "attribute_value", "expected", "count"};
  return kNames;
}

bool IsAssertionNode(const YAML::Node& node) {
  return node.IsMap() && (node["all"] || node["any"] || node["not"] || node["field"]);
}

std::unique_ptr<Check> CompileAssertion(const YAML::Node& node, ArtifactKind kind,
                                        const std::string& file, const ParamScope& scope,
                                        std::vector<std::pair<std::string, YAML::Node>>* messages) {
  Compiler compiler(kind, file, scope, messages);
  return std::make_unique<AssertionCheck>(compiler.Compile(node));
}

}  // namespace cpaudit
