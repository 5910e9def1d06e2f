// Fuzzes the PEM/DER splitter: it returns items or an error; a file without a
// PEM header is one DER item, byte for byte.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_common.h"
#include "harness/model/evidence.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cpaudit;
  std::string error;
  auto items = SplitEncoded(ByteView(data, size), &error);
  fuzz::Require(items.has_value() != !error.empty(), "items and error disagree");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 0 && text.find("-----BEGIN ") == std::string_view::npos) {
    fuzz::Require(items && items->size() == 1 && items->front().der == Bytes(data, data + size),
                  "a file without PEM is not one DER item");
  }
  if (items) {
    for (const EncodedItem& item : *items) {
      // Whatever the splitter found is safe to hand to every parser.
      std::string e;
      Certificate::Parse(item.der, Source{"x"}, &e);
      Crl::Parse(item.der, Source{"x"}, &e);
      Csr::Parse(item.der, Source{"x"}, &e);
    }
  }
  return 0;
}
