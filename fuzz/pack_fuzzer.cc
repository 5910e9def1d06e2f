// Fuzzes a rule file of a pack: loading either succeeds or throws PackError
// naming the file (and a line when it has one); no other exception escapes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.h"
#include "harness/pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  static const std::string manifest = [] {
    for (const PackFile& f : EmbeddedDefaultPack()) {
      if (f.name.ends_with("pack.yaml")) return f.text;
    }
    return std::string();
  }();
  std::string rules(reinterpret_cast<const char*>(data), size);
  try {
    auto pack = LoadPack({{"pack.yaml", manifest}, {"rules.yaml", rules}}, "fuzz");
    fuzz::Require(!pack->rules.empty(), "a pack loaded without rules");
  } catch (const PackError& e) {
    std::string what = e.what();
    fuzz::Require(what.rfind("rules.yaml", 0) == 0 || what.rfind("pack.yaml", 0) == 0 ||
                      what.rfind("fuzz", 0) == 0,
                  "a pack error that names no file");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
