// The SECOM pack against ../shared/cp/CLAUSES.md, the CP clause by clause: every
// rule id it names is a rule of the pack with the severity it gives, and every
// section's coverage status is the one it gives. CLAUSES.md is the contract;
// this test reads it, so a correction there fails here until the pack follows.

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>

#include "harness/pack.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

std::vector<std::string> Lines() {
  std::istringstream in(testing::ReadFile(testing::SharedDir() / "cp/CLAUSES.md"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<int> Numbers(const std::string& section) {
  std::vector<int> out;
  std::istringstream in(section);
  for (std::string part; std::getline(in, part, '.');) out.push_back(std::stoi(part));
  return out;
}

// "9.7-9.9" -> 9.7, 9.8, 9.9; "1.3.1-1.3.4" -> four; "4.6" -> itself.
std::vector<std::string> Expand(const std::string& token) {
  size_t dash = token.find('-');
  if (dash == std::string::npos) return {token};
  std::string first = token.substr(0, dash), last = token.substr(dash + 1);
  std::string prefix = first.substr(0, first.rfind('.') + 1);
  std::vector<std::string> out;
  for (int n = Numbers(first).back(); n <= Numbers(last).back(); ++n) {
    out.push_back(prefix + std::to_string(n));
  }
  return out;
}

std::vector<std::string> Sections(const std::string& text) {
  static const std::regex kSection(R"(\b\d+(?:\.\d+)+(?:-\d+(?:\.\d+)+)?\b)");
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), kSection), end; it != end; ++it) {
    for (const std::string& s : Expand(it->str())) out.push_back(s);
  }
  return out;
}

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::istringstream in(row.substr(1));
  for (std::string cell; std::getline(in, cell, '|');) {
    size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
  }
  return cells;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// Section -> status, as CLAUSES.md gives them; a status given to a section
// covers its subsections.
struct Clauses {
  std::map<std::string, std::string> status;
  std::vector<std::string> checklist_beside_rules;  // automated sections with a manual item
};

Clauses ReadClauses() {
  Clauses c;
  std::vector<std::string> lines = Lines();
  static const std::regex kDelegatedChapter(R"(^## Chapter (\d+),.*: delegated \(([^)]*)\))");
  static const std::regex kStatusIs(
      R"((\d+(?:\.\d+)+)[^.]*?coverage status is (automated|manual|delegated|informative))");
  static const std::regex kAlsoManual(R"(^Also manual: (\d+(?:\.\d+)+))");
  static const std::regex kChecklist(R"(\b(\d+(?:\.\d+)+)'s [a-z ]+check\b)");
  static const std::regex kManualItems(R"(((?:\d+(?:\.\d+)+(?:, | and )?)+) are manual items)");
  std::string chapter_default, paragraph, bullet;
  bool also_manual = false;
  for (const std::string& line : lines) {
    std::smatch m;
    if (StartsWith(line, "## Chapter")) {
      chapter_default = line.find("(informative") != std::string::npos ? "informative" : "";
      if (std::regex_search(line, m, kDelegatedChapter)) {
        c.status[m[1]] = "delegated";
        for (const auto& s : Sections(m[2])) c.status[s] = "delegated";
      }
    }
    // Chapter 1's bullets, each with its continuation lines.
    if (StartsWith(line, "- ") || !StartsWith(line, "  ")) bullet.clear();
    if (StartsWith(line, "- ") || (StartsWith(line, "  ") && !bullet.empty())) {
      bullet += line + " ";
    }
    if (!bullet.empty() && chapter_default == "informative") {
      std::vector<std::string> secs = Sections(bullet.substr(2, bullet.find(' ', 2) - 2));
      std::string st = bullet.find("automated") != std::string::npos ? "automated"
                       : bullet.find("manual") != std::string::npos  ? "manual"
                                                                     : chapter_default;
      for (const auto& s : secs) c.status[s] = st;
    }
    if (StartsWith(line, "| ") && !StartsWith(line, "| §")) {
      std::vector<std::string> cells = Cells(line);
      if (cells.size() < 4 || !std::isdigit(static_cast<unsigned char>(cells[0][0]))) continue;
      std::vector<std::string> secs = Sections(cells[0]);
      // Chapter 3/4 tables: the status column is the 4th; chapter 7's the 3rd (rule ids).
      const std::string& what = cells.size() >= 5 ? cells[3] : cells[2];
      std::string st = StartsWith(what, "manual")               ? "manual"
                       : StartsWith(what, "informative")        ? "informative"
                       : what.find("`cp-") != std::string::npos ? "automated"
                                                                : "";
      if (StartsWith(what, "as ")) st = "automated";  // as 3.2: that section's rules
      std::smatch items;
      std::set<std::string> manual_items;
      if (std::regex_search(what, items, kManualItems)) {
        for (const auto& s : Sections(items[1])) manual_items.insert(s);
      }
      if (st.empty() && manual_items.empty()) continue;
      for (const auto& s : secs) {
        c.status[s] = manual_items.count(s) ? "manual" : st.empty() ? "automated" : st;
      }
    }
    // Prose: "... 9.6.3 ... so its coverage status is informative", "Also manual: 1.5.4".
    paragraph = line.empty() ? "" : paragraph + " " + line;
    for (std::sregex_iterator it(paragraph.begin(), paragraph.end(), kStatusIs), end; it != end;
         ++it) {
      c.status[(*it)[1]] = (*it)[2];
    }
    if (std::regex_search(line, m, kAlsoManual)) {
      c.status[m[1]] = "manual";
      also_manual = true;
    }
    if (also_manual && std::regex_search(paragraph, m, kChecklist)) {
      c.checklist_beside_rules.push_back(m[1]);
      also_manual = false;
    }
    if (StartsWith(line, "informative (")) {
      static const std::regex kList(R"((informative|manual) \(([^)]*)\))");
      for (std::sregex_iterator it(line.begin(), line.end(), kList), end; it != end; ++it) {
        std::string list = (*it)[2];
        for (const auto& s : Sections(list.substr(0, list.find(':')))) c.status[s] = (*it)[1];
      }
    }
  }
  // The chapter 9 list wraps onto a second line: read it joined.
  std::string all;
  bool in9 = false;
  for (const std::string& line : lines) {
    if (StartsWith(line, "## Chapter")) in9 = StartsWith(line, "## Chapter 9");
    if (in9) all += line + " ";
  }
  std::smatch m;
  static const std::regex kManualList(R"(manual \(([^)]*)\))");
  if (std::regex_search(all, m, kManualList)) {
    std::string list = m[1];
    for (const auto& s : Sections(list.substr(0, list.find(':')))) {
      if (!c.status.count(s)) c.status[s] = "manual";
    }
  }
  return c;
}

// The most specific section CLAUSES.md classifies that is `section` or holds it.
const std::string* Classified(const Clauses& c, const std::string& section) {
  for (std::string s = section;;) {
    auto it = c.status.find(s);
    if (it != c.status.end()) return &it->second;
    size_t dot = s.rfind('.');
    if (dot == std::string::npos) return nullptr;
    s = s.substr(0, dot);
  }
}

TEST(Clauses, EveryRuleIdIsInThePackWithItsSeverity) {
  auto pack = LoadPackDir(testing::SourceDir() / "rules/secom-rootca1-tsa");
  static const std::regex kId(R"(`(cp-\d+(?:\.\d+)*-[a-z0-9-]*[a-z0-9])`)");
  static const std::regex kSeverity(R"(\b(error|warning|notice)\b)");
  size_t ids = 0, severities = 0;
  for (const std::string& line : Lines()) {
    for (std::sregex_iterator it(line.begin(), line.end(), kId), end; it != end; ++it) {
      ++ids;
      std::string id = (*it)[1];
      const Rule* rule = pack->FindRule(id);
      ASSERT_NE(rule, nullptr) << id << " (CLAUSES.md) is not a rule of the pack";
      // The severity CLAUSES.md gives is the first one after the id on its line.
      std::string rest = line.substr(it->position() + it->length());
      std::smatch sev;
      if (!std::regex_search(rest, sev, kSeverity)) continue;
      ++severities;
      EXPECT_EQ(std::string(ToString(rule->severity)), sev[1].str()) << id << ": " << line;
    }
  }
  EXPECT_GT(ids, 60u);
  EXPECT_GT(severities, 50u);
}

TEST(Clauses, EverySectionHasTheCoverageStatusClausesGives) {
  Clauses clauses = ReadClauses();
  ASSERT_GT(clauses.status.size(), 80u);
  auto pack = LoadPackDir(testing::SourceDir() / "rules/secom-rootca1-tsa");
  std::set<std::string> in_pack;
  for (const CoverageEntry& c : pack->coverage) in_pack.insert(c.section);
  for (const auto& [section, status] : clauses.status) {
    EXPECT_TRUE(in_pack.count(section)) << section << " (CLAUSES.md) is not in the coverage";
  }
  for (const CoverageEntry& c : pack->coverage) {
    bool heading =
        std::any_of(pack->coverage.begin(), pack->coverage.end(),
                    [&](const CoverageEntry& x) { return StartsWith(x.section, c.section + "."); });
    const std::string* expected = Classified(clauses, c.section);
    if (expected == nullptr || (heading && clauses.status.count(c.section) == 0)) {
      // A chapter or section heading CLAUSES.md does not classify: informative or delegated.
      if (heading && c.status != "automated") {
        EXPECT_TRUE(c.status == "informative" || c.status == "delegated") << c.section;
      }
      EXPECT_TRUE(heading || c.section == "10") << c.section << " is classified nowhere";
      continue;
    }
    if (heading && c.status == "informative" && *expected != "automated") continue;
    EXPECT_EQ(c.status, *expected) << "section " << c.section;
  }
  // A manual item beside automated rules: 3.2.1's fingerprint check.
  ASSERT_FALSE(clauses.checklist_beside_rules.empty());
  for (const std::string& section : clauses.checklist_beside_rules) {
    auto it = std::find_if(pack->coverage.begin(), pack->coverage.end(),
                           [&](const CoverageEntry& c) { return c.section == section; });
    ASSERT_NE(it, pack->coverage.end()) << section;
    EXPECT_EQ(it->status, "automated") << section;
    EXPECT_TRUE(it->HasChecklistItem()) << section;
  }
}

// The "same as" sections of 4.7 and 4.8 that are manual name the clause they take over.
TEST(Clauses, SameAsSectionsNameTheClauseTheyReferTo) {
  auto pack = LoadPackDir(testing::SourceDir() / "rules/secom-rootca1-tsa");
  for (const CoverageEntry& c : pack->coverage) {
    if (c.text.In("ja").find("と同様とする") == std::string::npos || c.status != "manual") continue;
    EXPECT_TRUE(StartsWith(c.text.In("en"), "As ")) << c.section << ": " << c.text.In("en");
  }
}

}  // namespace
}  // namespace cpaudit
