// Build-time compiler of the event lexicon (data/events/*.tsv) into the blob linked into the binary.
//
// Usage: events_compile_lexicon OUT events.tsv cues.tsv combine.tsv irregular.tsv
//
// It validates every row (column count, PLOVER type names, position, flags) and reports file:line with the
// offending text, then writes a line-oriented blob the EventLexicon reads at start-up by splitting lines:
//   E <tab> pos <tab> type <tab> mode <tab> context <tab> cameo <tab> flags <tab> trigger   one per entry
//   F <tab> entry <tab> form <tab> words                                                     one per surface form
//   C <tab> words <tab> classes                                                              cue phrases
//   X <tab> governor <tab> embedded <tab> type <tab> mode <tab> cameo <tab> status           combinations
// The inflection of verbs (3sg, past, participle, gerund) and the plural of nouns happen here, with the
// irregular forms from irregular.tsv, so that the run-time lookup is a hash probe on the surface form.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

struct Irregular {
  std::string past, participle, gerund;
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Plural(const std::string& w) {
  if (w.empty()) return w;
  const char last = w.back();
  if (last == 's' || last == 'x' || last == 'z' || (w.size() > 1 && (w.ends_with("ch") || w.ends_with("sh")))) {
    return w + "es";
  }
  if (last == 'y' && w.size() > 1 && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  return w + "s";
}

std::string Past(const std::string& w) {
  if (w.ends_with("e")) return w + "d";
  if (w.ends_with("y") && w.size() > 1 && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ied";
  return w + "ed";
}

std::string Gerund(const std::string& w) {
  if (w.ends_with("ie")) return w.substr(0, w.size() - 2) + "ying";
  if (w.ends_with("e") && !w.ends_with("ee") && w.size() > 2) return w.substr(0, w.size() - 1) + "ing";
  return w + "ing";
}

bool Fail(const std::string& file, int line, const std::string& what, const std::string& text) {
  std::cerr << file << ":" << line << ": " << what << ": '" << text << "'\n";
  return false;
}

const std::set<std::string> kTypes = {"AGREE",   "CONSULT", "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
                                      "RETREAT", "REQUEST", "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
                                      "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
const std::set<std::string> kClasses = {"DET",  "POSS", "PRON", "BE",  "HAVE",  "DO",    "MODAL",
                                        "FUTURE", "NEG", "PREP", "COND", "REL",  "CONJ",  "LIGHT",
                                        "PLAN", "HEDGE", "QUESTION", "ADV", "IRREALIS"};
const std::set<std::string> kGovernors = {"REFUSE", "PROMISE", "THREAT", "CALL", "AGREE", "DENY", "ANNOUNCE", "ALLEGE"};
const std::set<std::string> kStatuses = {"occurred", "planned", "refused", "conditional", "denied"};

bool ReadLines(const std::string& path, std::vector<std::pair<int, std::string>>* lines) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open\n";
    return false;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines->push_back({n, line});
  }
  return true;
}

// Whether every flag of an events.tsv row is known.
bool ValidFlags(const std::string& flags) {
  if (flags == "-") return true;
  std::istringstream in(flags);
  std::string flag;
  while (in >> flag) {
    if (flag == "refusal" || flag == "reciprocal" || flag == "bare" || flag == "needs-recipient" || flag == "passive-only") continue;
    if (flag.starts_with("needs=") || flag.starts_with("needs-theme=") || flag.starts_with("not-before=")) continue;
    if (flag.starts_with("governor=") && kGovernors.count(flag.substr(9))) continue;
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: events_compile_lexicon OUT events.tsv cues.tsv combine.tsv irregular.tsv\n";
    return 2;
  }
  const std::string events_path = argv[2], cues_path = argv[3], combine_path = argv[4], irregular_path = argv[5];
  bool ok = true;

  std::map<std::string, Irregular> irregular;
  std::vector<std::pair<int, std::string>> lines;
  if (!ReadLines(irregular_path, &lines)) return 1;
  for (const auto& [n, line] : lines) {
    std::vector<std::string> c = Split(line, '\t');
    if (c.size() != 4) {
      ok = Fail(irregular_path, n, "expected 4 columns", line);
      continue;
    }
    irregular[c[0]] = {c[1], c[2], c[3] == "-" ? Gerund(c[0]) : c[3]};
  }

  std::ostringstream out;
  lines.clear();
  if (!ReadLines(events_path, &lines)) return 1;
  int entry = 0;
  for (const auto& [n, line] : lines) {
    std::vector<std::string> c = Split(line, '\t');
    if (c.size() != 8) {
      ok = Fail(events_path, n, "expected 8 tab-separated columns", line);
      continue;
    }
    const std::string& trigger = c[0];
    if (c[1] != "V" && c[1] != "N") ok = Fail(events_path, n, "pos must be V or N", c[1]);
    if (!kTypes.count(c[2])) ok = Fail(events_path, n, "unknown PLOVER type", c[2]);
    if (!ValidFlags(c[6])) ok = Fail(events_path, n, "unknown flag", c[6]);
    if (c[7].empty() || c[7] == "-") ok = Fail(events_path, n, "every row needs an example", line);
    out << "E\t" << c[1] << '\t' << c[2] << '\t' << c[3] << '\t' << c[4] << '\t' << c[5] << '\t' << c[6] << '\t'
        << trigger << '\n';
    std::vector<std::string> words = Split(trigger, ' ');
    auto emit = [&](const std::string& form, const std::vector<std::string>& ws) {
      out << "F\t" << entry << '\t' << form;
      for (const std::string& w : ws) out << '\t' << w;
      out << '\n';
    };
    if (c[1] == "V") {
      const std::string& base = words[0];
      auto it = irregular.find(base);
      const std::string past = it != irregular.end() ? it->second.past : Past(base);
      const std::string participle = it != irregular.end() ? it->second.participle : Past(base);
      const std::string gerund = it != irregular.end() ? it->second.gerund : Gerund(base);
      std::vector<std::string> ws = words;
      emit("B", ws);
      ws[0] = Plural(base);
      emit("S", ws);
      ws[0] = past;
      emit("D", ws);
      if (participle != past) {
        ws[0] = participle;
        emit("N", ws);
      }
      ws[0] = gerund;
      emit("G", ws);
      // British spelling doubles a final l after a single vowel: travelled, cancelled, labelled.
      if (it == irregular.end() && base.size() > 3 && base.back() == 'l' && IsVowel(base[base.size() - 2]) &&
          !IsVowel(base[base.size() - 3])) {
        ws[0] = base + "led";
        emit("D", ws);
        ws[0] = base + "ling";
        emit("G", ws);
      }
    } else {
      std::vector<std::string> ws = words;
      emit("O", ws);
      if (!ws.back().ends_with("s")) {
        ws.back() = Plural(ws.back());
        emit("P", ws);
      }
    }
    ++entry;
  }

  lines.clear();
  if (!ReadLines(cues_path, &lines)) return 1;
  for (const auto& [n, line] : lines) {
    std::vector<std::string> c = Split(line, '\t');
    if (c.size() != 2) {
      ok = Fail(cues_path, n, "expected 2 tab-separated columns", line);
      continue;
    }
    for (const std::string& cls : Split(c[1], ',')) {
      if (!kClasses.count(cls) && !cls.starts_with("&")) ok = Fail(cues_path, n, "unknown class", cls);
    }
    out << "C\t" << c[0] << '\t' << c[1] << '\n';
  }

  lines.clear();
  if (!ReadLines(combine_path, &lines)) return 1;
  for (const auto& [n, line] : lines) {
    std::vector<std::string> c = Split(line, '\t');
    if (c.size() != 6) {
      ok = Fail(combine_path, n, "expected 6 tab-separated columns", line);
      continue;
    }
    if (!kGovernors.count(c[0])) ok = Fail(combine_path, n, "unknown governor", c[0]);
    if (c[1] != "*" && !kTypes.count(c[1])) ok = Fail(combine_path, n, "unknown embedded type", c[1]);
    if (c[2] != "-" && !kTypes.count(c[2])) ok = Fail(combine_path, n, "unknown type", c[2]);
    if (!kStatuses.count(c[5])) ok = Fail(combine_path, n, "unknown status", c[5]);
    out << "X\t" << line << '\n';
  }
  if (!ok) return 1;

  std::ofstream file(argv[1], std::ios::binary);
  file << out.str();
  return file ? 0 : 1;
}
