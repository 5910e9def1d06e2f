// Fuzzes crl DER through the model and every per-crl rule of the pack.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  // A fixed evaluation time keeps runs reproducible.
  static const UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  fuzz::CheckResult(fuzz::DemoOracle().CheckCrl(ByteView(data, size), at));
  return 0;
}
