#pragma once

#include <string>

namespace cpaudit {

// Where an artifact came from, relative to the evidence directory.
struct Source {
  std::string path;  // "certs/a.pem"
  int index = 0;     // 1-based item within a bundle; 0 when the file holds one item
  int line = 0;      // line of a log; 0 otherwise

  std::string Display() const {
    std::string out = path;
    if (index > 0) out += "#" + std::to_string(index);
    if (line > 0) out += ":" + std::to_string(line);
    return out;
  }
};

}  // namespace cpaudit
