#include "checks/unique.h"

#include <map>
#include <numeric>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

enum class Key { kSerial, kSubject, kPublicKey };

class Unique : public Check {
 public:
  Unique(Key key, bool except_replaced) : key_(key), except_replaced_(except_replaced) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    auto groups =
        SharedKeyGroups(ctx.artifacts.size(), [&](size_t i) -> std::optional<std::string> {
          const Certificate* cert = ctx.artifacts[i].certificate;
          return cert != nullptr ? std::optional(KeyOf(*cert)) : std::nullopt;
        });
    // Per artifact that shares its key, the others it may not share it with.
    std::map<size_t, std::vector<size_t>> conflicts;
    for (const auto& group : groups) {
      std::vector<size_t> lineage = Lineages(ctx, group);
      for (size_t a = 0; a < group.size(); ++a) {
        std::vector<size_t> against = {group[a]};
        for (size_t b = 0; b < group.size(); ++b) {
          if (lineage[b] != lineage[a]) against.push_back(group[b]);
        }
        if (against.size() > 1) conflicts.emplace(group[a], std::move(against));
      }
    }
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].certificate == nullptr) continue;
      Outcome outcome;
      if (auto it = conflicts.find(i); it != conflicts.end()) {
        Fail(&outcome, {{"value", Display(*ctx.artifacts[i].certificate)},
                        {"others", OtherArtifacts(it->second, i, ctx.artifacts)}});
      }
      out->emplace_back(i, std::move(outcome));
    }
  }

  std::string Describe() const override {
    switch (key_) {
      case Key::kSerial:
        return "no two certificates of one issuer share a serial number";
      case Key::kSubject:
        return "no two certificates share a subject DN";
      case Key::kPublicKey:
        return except_replaced_
                   ? "no two certificates share a public key, except a certificate and the "
                     "ones its certificate_issued event `replaces` (a re-issue for a change "
                     "of content), and so on down that line"
                   : "no two certificates share a public key";
    }
    return "";
  }

 private:
  // For each member of a group, a label equal for the members linked by
  // `replaces` (directly or through others in the group); without
  // except_replaced every member is its own.
  std::vector<size_t> Lineages(const CorpusContext& ctx, const std::vector<size_t>& group) const {
    std::vector<size_t> parent(group.size());
    std::iota(parent.begin(), parent.end(), 0);
    if (!except_replaced_) return parent;
    auto root = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (size_t a = 0; a < group.size(); ++a) {
      const Certificate& cert = *ctx.artifacts[group[a]].certificate;
      const Event* issued = ctx.index->IssuanceOf(cert);
      std::string replaced = issued != nullptr ? issued->Str("replaces") : "";  // normalised
      if (replaced.empty()) continue;
      for (size_t b = 0; b < group.size(); ++b) {
        const Certificate& other = *ctx.artifacts[group[b]].certificate;
        if (other.serial_hex() == replaced &&
            other.issuer().comparison_key == cert.issuer().comparison_key) {
          parent[root(a)] = root(b);
        }
      }
    }
    for (size_t a = 0; a < group.size(); ++a) parent[a] = root(a);
    return parent;
  }

  std::string KeyOf(const Certificate& c) const {
    switch (key_) {
      case Key::kSerial:
        return c.issuer().comparison_key + "|" + c.serial_hex();
      case Key::kSubject:
        return c.subject().comparison_key;
      case Key::kPublicKey:
        return HexEncode(c.public_key().key_sha1);
    }
    return "";
  }
  std::string Display(const Certificate& c) const {
    switch (key_) {
      case Key::kSerial:
        return c.serial_hex();
      case Key::kSubject:
        return c.subject().text;
      case Key::kPublicKey:
        return HexEncode(c.public_key().key_sha1);
    }
    return "";
  }
  const Key key_;
  const bool except_replaced_;
};

}  // namespace

PrimitiveInfo UniquePrimitive() {
  return {"unique",
          "a value is unique across all certificates in the evidence",
          {"corpus"},
          {"value", "others"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            std::string key = options.RequiredString("key");
            Key k = key == "serial"       ? Key::kSerial
                    : key == "subject"    ? Key::kSubject
                    : key == "public_key" ? Key::kPublicKey
                                          : (options.Fail("key",
                                                          "expected serial, subject or "
                                                          "public_key"),
                                             Key::kSerial);
            bool except_replaced = options.Bool("except_replaced", false);
            if (except_replaced && k != Key::kPublicKey) {
              options.Fail("except_replaced", "applies to key: public_key only");
            }
            options.RejectUnknown();
            return std::make_unique<Unique>(k, except_replaced);
          }};
}

}  // namespace cpaudit
