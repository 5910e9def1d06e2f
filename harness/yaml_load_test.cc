#include "harness/yaml_load.h"

#include <gtest/gtest.h>

#include "harness/params.h"

namespace cpaudit {
namespace {

// Nine levels of nine aliases each: 9^9 nodes once expanded.
std::string BillionLaughs() {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) text += (j ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  return text;
}

std::string ErrorOf(const std::string& text) {
  try {
    LoadYaml(text, "bomb.yaml");
  } catch (const PackError& e) {
    return e.what();
  }
  return "";
}

TEST(YamlLoad, AnAliasBombIsAFileLineError) {
  EXPECT_EQ(ErrorOf(BillionLaughs()),
            "bomb.yaml:7: YAML aliases expand the document past 1000000 nodes (an alias bomb?): "
            "refused");
}

TEST(YamlLoad, DeepNestingIsAFileLineError) {
  std::string error = ErrorOf("a: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  EXPECT_EQ(error.rfind("bomb.yaml:1: YAML nested ", 0), 0u) << error;
}

TEST(YamlLoad, OrdinaryAliasesAndErrorsStillWork) {
  YAML::Node node = LoadYaml("base: &b {x: 1}\nuse: *b\n", "ok.yaml");
  EXPECT_EQ(node["use"]["x"].as<int>(), 1);
  EXPECT_EQ(ErrorOf("a: [\n"), "bomb.yaml:2: invalid YAML: end of sequence flow not found");
  EXPECT_THROW(LoadYamlFile("/nonexistent/x.yaml", "waivers file"), PackError);
}

}  // namespace
}  // namespace cpaudit
