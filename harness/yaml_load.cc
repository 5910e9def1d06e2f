#include "harness/yaml_load.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "harness/params.h"

namespace cpaudit {
namespace {

// Counts the nodes of the document as it would be with every alias expanded,
// from the parser's events (the node tree shares aliased nodes, so its size
// says nothing; a walk over it would take the expanded time).
class ExpandedSize : public YAML::EventHandler {
 public:
  explicit ExpandedSize(std::string file) : file_(std::move(file)) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Leaf(mark, anchor, 1); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Leaf(mark, 0, sizes_[anchor]);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    Leaf(mark, anchor, 1);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back({mark, anchor, 1});
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back({mark, anchor, 1});
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open {
    YAML::Mark mark;
    YAML::anchor_t anchor;
    uint64_t size;
  };

  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, uint64_t size) {
    if (anchor != 0) sizes_[anchor] = size;
    Add(mark, size);
  }
  void Close() {
    Open done = open_.back();
    open_.pop_back();
    if (done.anchor != 0) sizes_[done.anchor] = done.size;
    Add(done.mark, done.size);
  }
  void Add(const YAML::Mark& mark, uint64_t size) {
    uint64_t& total = open_.empty() ? document_ : open_.back().size;
    total += size;
    if (total > kMaxYamlNodes) {
      throw PackError(
          fmt::format("{}:{}: YAML aliases expand the document past {} nodes "
                      "(an alias bomb?): refused",
                      file_, mark.line + 1, kMaxYamlNodes));
    }
  }

  std::string file_;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, uint64_t> sizes_;
  uint64_t document_ = 0;
};

}  // namespace

YAML::Node LoadYaml(const std::string& text, const std::string& file) {
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    ExpandedSize counter(file);
    while (parser.HandleNextDocument(counter)) continue;
    return YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    throw PackError(fmt::format("{}:{}: YAML nested {} levels deep: refused", file, e.mark.line + 1,
                                e.depth()));
  } catch (const YAML::ParserException& e) {
    throw PackError(fmt::format("{}:{}: invalid YAML: {}", file, e.mark.line + 1, e.msg));
  }
}

YAML::Node LoadYamlFile(const std::filesystem::path& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in) throw PackError(path.string() + ": cannot read the " + what);
  return LoadYaml(text.str(), path.string());
}

}  // namespace cpaudit
