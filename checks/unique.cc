#include "checks/unique.h"

#include <map>

namespace cpaudit {
namespace {

enum class Key { kSerial, kSubject, kPublicKey };

class Unique : public Check {
 public:
  explicit Unique(Key key) : key_(key) {}

  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    auto groups =
        SharedKeyGroups(ctx.artifacts.size(), [&](size_t i) -> std::optional<std::string> {
          const Certificate* cert = ctx.artifacts[i].certificate;
          return cert != nullptr ? std::optional(KeyOf(*cert)) : std::nullopt;
        });
    std::map<size_t, const std::vector<size_t>*> shared;  // only the artifacts that share
    for (const auto& group : groups) {
      for (size_t i : group) shared.emplace(i, &group);
    }
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      if (ctx.artifacts[i].certificate == nullptr) continue;
      Outcome outcome;
      if (auto it = shared.find(i); it != shared.end()) {
        Fail(&outcome, {{"value", Display(*ctx.artifacts[i].certificate)},
                        {"others", OtherArtifacts(*it->second, i, ctx.artifacts)}});
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
        return "no two certificates share a public key";
    }
    return "";
  }

 private:
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
            options.RejectUnknown();
            return std::make_unique<Unique>(k);
          }};
}

}  // namespace cpaudit
