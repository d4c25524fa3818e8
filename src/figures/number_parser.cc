// Number parsing. A digit token is read by hand (no locale, no allocation): commas are separators, one period
// is a decimal point, one ASCII hyphen between digits a range ("24-26"); a token with ':' or '/' or two
// hyphens is a time or a date, not a count. A word token of digits with a suffix ("2.5m", "5bn", "10k") is a
// scaled number. Number words combine as English does: a unit or tens word, optionally hyphenated
// ("thirty-five"), then scale words ("two hundred", "six million"); "and"-compounds ("two hundred and fifty")
// stop at the hundreds, a known limit.
#include "figures/number_parser.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace annalist::figures {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "65.6 million" is 65600000, not 65599999.99999999.
double Tidy(double value) {
  const double r = std::round(value);
  return std::fabs(value - r) < 1e-6 * std::max(1.0, std::fabs(value)) ? r : value;
}


// Reads "20,000", "1.2", "24-26". Returns false for anything else.
bool ParseDigits(std::string_view text, double& value, std::optional<double>& high) {
  double whole = 0, frac = 0, scale = 1;
  bool seen_point = false, seen_digit = false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      seen_digit = true;
      if (seen_point) {
        scale /= 10;
        frac += (c - '0') * scale;
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else if (c == ',' && !seen_point) {
      continue;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return false;
  value = whole + frac;
  if (i == text.size()) return true;
  if (text[i] != '-' || seen_point) return false;
  double upper;
  std::optional<double> none;
  const std::string_view rest = text.substr(i + 1);
  if (rest.find('-') != std::string_view::npos || !ParseDigits(rest, upper, none)) return false;
  if (upper <= value) return false;  // "2023-12" and the like are not ranges
  high = upper;
  return true;
}

// "2.5m", "5bn", "10k", "1.2million".
bool ParseSuffixed(std::string_view text, double& value) {
  size_t i = 0;
  while (i < text.size() && (IsDigit(text[i]) || text[i] == '.' || text[i] == ',')) ++i;
  if (i == 0 || i == text.size()) return false;
  std::optional<double> high;
  if (!ParseDigits(text.substr(0, i), value, high) || high) return false;
  const std::string_view suffix = text.substr(i);
  if (suffix == "m" || suffix == "mn" || suffix == "million") {
    value *= 1e6;
  } else if (suffix == "bn" || suffix == "billion") {
    value *= 1e9;
  } else if (suffix == "k") {
    value *= 1e3;
  } else {
    return false;
  }
  value = Tidy(value);
  return true;
}

// A number word, also hyphenated ("thirty-five"): its value, or -1.
double WordValue(const FigureLexicon& lexicon, std::string_view text) {
  const size_t hyphen = text.find('-');
  if (hyphen == std::string_view::npos) {
    const WordEntry e = lexicon.Lookup(text);
    return e.has(kNumberWord) ? e.value : -1;
  }
  const WordEntry tens = lexicon.Lookup(text.substr(0, hyphen));
  const WordEntry unit = lexicon.Lookup(text.substr(hyphen + 1));
  if (tens.has(kNumberWord) && unit.has(kNumberWord) && tens.value >= 20 && unit.value < 10 && unit.value > 0) {
    return tens.value + unit.value;
  }
  return -1;
}

// Multiplies `value` by the scale words from token `j` on; returns the token after them.
uint32_t ApplyScales(const Document& doc, const FigureLexicon& lexicon, uint32_t j, uint32_t limit,
                     double& value, bool allow_dozen) {
  while (j < limit && doc.tokens[j].kind == TokenKind::kWord) {
    const WordEntry e = lexicon.Lookup(doc.token_text(j));
    if (!e.has(kScale) || (!allow_dozen && e.value == 12)) break;
    value = Tidy(value * e.value);
    ++j;
  }
  return j;
}

// One number without range: digits or words. Sets `word` when written in words.
std::optional<NumberMatch> ParseSingle(const Document& doc, const FigureLexicon& lexicon, uint32_t i,
                                       uint32_t limit) {
  if (i >= limit) return std::nullopt;
  const Token& t = doc.tokens[i];
  const std::string_view text = doc.token_text(i);
  NumberMatch m;
  m.first = i;
  if (t.kind == TokenKind::kNumber) {
    if (text.find_first_of(":/") != std::string_view::npos) return std::nullopt;
    if (!ParseDigits(text, m.value, m.high)) return std::nullopt;
    m.end = ApplyScales(doc, lexicon, i + 1, limit, m.value, /*allow_dozen=*/false);
  } else if (t.kind == TokenKind::kWord) {
    if (IsDigit(text[0])) {
      if (!ParseSuffixed(text, m.value)) return std::nullopt;
      m.end = i + 1;
    } else if ((TokenIs(doc, i, "a") || TokenIs(doc, i, "an")) && i + 1 < limit) {
      const WordEntry e = lexicon.Lookup(doc.token_text(i + 1));
      if (!e.has(kScale) || doc.tokens[i + 1].kind != TokenKind::kWord) return std::nullopt;
      m.value = 1;
      m.end = ApplyScales(doc, lexicon, i + 1, limit, m.value, /*allow_dozen=*/true);
      m.word = true;
    } else {
      const double v = WordValue(lexicon, text);
      if (v >= 0) {
        m.value = v;
        m.end = ApplyScales(doc, lexicon, i + 1, limit, m.value, /*allow_dozen=*/true);
        m.word = true;
      } else {
        const WordEntry e = lexicon.Lookup(text);
        if (!e.has(kVague)) return std::nullopt;
        m.value = e.value;
        m.vague = true;
        m.word = true;
        m.end = i + 1;
        // "tens of thousands", "hundreds of thousands", "tens of millions".
        if (i + 2 < limit && TokenIs(doc, i + 1, "of")) {
          const WordEntry next = lexicon.Lookup(doc.token_text(i + 2));
          if (next.has(kVague) && next.value >= 100 && next.value > e.value) {
            m.value *= next.value;
            m.end = i + 3;
          }
        }
        const bool of_follows = m.end < limit && TokenIs(doc, m.end, "of");
        // "tens", "scores" and "dozens" are numbers only before "of"; the others also alone ("thousands fled").
        if (!of_follows && (e.value == 10 || e.value == 20 || e.value == 12) && m.end == i + 1) {
          return std::nullopt;
        }
      }
    }
  } else {
    return std::nullopt;
  }
  m.next = m.end;
  return m;
}

}  // namespace

std::optional<NumberMatch> ParseNumber(const Document& doc, const FigureLexicon& lexicon, uint32_t i,
                                       uint32_t limit) {
  std::optional<NumberMatch> m = ParseSingle(doc, lexicon, i, limit);
  if (!m) return std::nullopt;
  // Ranges: "30 to 40", "30 – 40", "two or three", "between 30 and 40"; not "from 15 to 20" (a change).
  if (!m->high && !m->vague && m->end + 1 < limit) {
    const uint32_t j = m->end;
    const std::string_view link = doc.token_text(j);
    const bool between = i > 0 && TokenIs(doc, i - 1, "between");
    const bool from = i > 0 && TokenIs(doc, i - 1, "from");
    const bool dash = link == "-" || link == "\u2013";
    if ((between && TokenIs(doc, j, "and")) ||
        (!between && !from && (TokenIs(doc, j, "to") || TokenIs(doc, j, "or") || dash))) {
      std::optional<NumberMatch> upper = ParseSingle(doc, lexicon, j + 1, limit);
      if (upper && !upper->vague && !upper->high && upper->value > m->value && upper->word == m->word) {
        m->high = upper->value;
        m->end = upper->end;
      }
    }
  }
  m->next = m->end;
  if (m->vague && m->next < limit && TokenIs(doc, m->next, "of")) ++m->next;
  m->span = {doc.tokens[m->first].begin, doc.tokens[m->end - 1].end};
  return m;
}

QualifierMatch ParseQualifierBefore(const Document& doc, const FigureLexicon& lexicon, uint32_t first,
                                    uint32_t floor) {
  struct Phrase {
    std::string_view words[3];  // (not const char*: TokenIs would take each one's strlen)
    int size;
    Qualifier qualifier;
  };
  static constexpr Phrase kPhrases[] = {
      {{"more", "than", ""}, 2, Qualifier::kMoreThan},     {{"upwards", "of", ""}, 2, Qualifier::kMoreThan},
      {{"in", "excess", "of"}, 3, Qualifier::kMoreThan},   {{"just", "over", ""}, 2, Qualifier::kMoreThan},
      {{"well", "over", ""}, 2, Qualifier::kMoreThan},     {{"over", "", ""}, 1, Qualifier::kMoreThan},
      {{"above", "", ""}, 1, Qualifier::kMoreThan},        {{"at", "least", ""}, 2, Qualifier::kAtLeast},
      {{"a", "minimum", "of"}, 3, Qualifier::kAtLeast},    {{"an", "estimated", ""}, 2, Qualifier::kAbout},
      {{"the", "estimated", ""}, 2, Qualifier::kAbout},    {{"estimated", "", ""}, 1, Qualifier::kAbout},
      {{"around", "", ""}, 1, Qualifier::kAbout},          {{"about", "", ""}, 1, Qualifier::kAbout},
      {{"some", "", ""}, 1, Qualifier::kAbout},            {{"nearly", "", ""}, 1, Qualifier::kAbout},
      {{"almost", "", ""}, 1, Qualifier::kAbout},          {{"approximately", "", ""}, 1, Qualifier::kAbout},
      {{"roughly", "", ""}, 1, Qualifier::kAbout},         {{"close", "to", ""}, 2, Qualifier::kAbout},
      {{"an", "approximate", ""}, 2, Qualifier::kAbout},   {{"approx", "", ""}, 1, Qualifier::kAbout},
      {{"circa", "", ""}, 1, Qualifier::kAbout},           {{"up", "to", ""}, 2, Qualifier::kUpTo},
      {{"a", "maximum", "of"}, 3, Qualifier::kUpTo},       {{"as", "many", "as"}, 3, Qualifier::kUpTo},
      {{"as", "much", "as"}, 3, Qualifier::kUpTo},         {{"no", "more", "than"}, 3, Qualifier::kUpTo},
      {{"not", "more", "than"}, 3, Qualifier::kUpTo},      {{"at", "most", ""}, 2, Qualifier::kUpTo},
      {{"fewer", "than", ""}, 2, Qualifier::kLessThan},    {{"less", "than", ""}, 2, Qualifier::kLessThan},
      {{"just", "under", ""}, 2, Qualifier::kLessThan},    {{"under", "", ""}, 1, Qualifier::kLessThan},
      {{"below", "", ""}, 1, Qualifier::kLessThan},
  };
  QualifierMatch best{Qualifier::kExact, first};
  int best_size = 0;
  for (const Phrase& p : kPhrases) {
    if (p.size <= best_size || first < floor + static_cast<uint32_t>(p.size)) continue;
    const uint32_t start = first - static_cast<uint32_t>(p.size);
    bool ok = true;
    for (int k = 0; k < p.size && ok; ++k) ok = TokenIs(doc, start + static_cast<uint32_t>(k), p.words[k]);
    if (!ok) continue;
    // "handed over 105 captives", "took over 20 towns": a particle, not a qualifier.
    if (p.size == 1 && TokenIs(doc, start, "over") && start > floor &&
        lexicon.Lookup(doc.token_text(start - 1)).has(kParticleVerb)) {
      continue;
    }
    // "no more than" must not be read as "more than".
    if (p.qualifier == Qualifier::kMoreThan && p.size == 2 && start > floor &&
        (TokenIs(doc, start - 1, "no") || TokenIs(doc, start - 1, "not"))) {
      continue;
    }
    best = {p.qualifier, start};
    best_size = p.size;
  }
  return best;
}

}  // namespace annalist::figures
