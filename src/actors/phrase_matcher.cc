#include "actors/phrase_matcher.h"

#include <algorithm>

namespace annalist::actors {

namespace {

uint64_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return key;
}

// The hash of a word key: a cheap per-byte step (a shift and a subtraction, short latency on the hot path of
// Tokenize) and one mixing at the end. Tokenize computes the same while folding.
constexpr uint64_t kHashSeed = 5381;
inline uint64_t HashStep(uint64_t h, uint8_t c) { return ((h << 5) - h) ^ c; }
inline uint64_t HashFinish(uint64_t h) { return Mix(h) | 1; }  // never 0

uint64_t Hash(std::string_view key) {
  uint64_t h = kHashSeed;
  for (char c : key) h = HashStep(h, static_cast<uint8_t>(c));
  return HashFinish(h);
}

}  // namespace

uint32_t PhraseMatcher::FindWord(std::string_view key, uint64_t hash) const {
  const size_t mask = word_slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const WordSlot& slot = word_slots_[i];
    if (slot.id == kUnknownWord) return kUnknownWord;
    if (slot.tag != tag) continue;
    const WordKeyRef& ref = word_keys_[slot.id];
    if (std::string_view(words_).substr(ref.offset, ref.length) == key) return slot.id;
  }
}

uint32_t PhraseMatcher::FindAsciiWord(std::string_view word, uint64_t hash) const {
  const uint32_t bit = static_cast<uint32_t>(hash >> 48);
  if ((word_filter_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return kUnknownWord;
  const size_t mask = word_slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const WordSlot& slot = word_slots_[i];
    if (slot.id == kUnknownWord) return kUnknownWord;
    if (slot.tag != tag) continue;
    const WordKeyRef& ref = word_keys_[slot.id];
    if (ref.length != word.size()) continue;
    const char* key = words_.data() + ref.offset;
    size_t k = 0;
    while (k < word.size()) {
      const char c = word[k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != key[k]) break;
      ++k;
    }
    if (k == word.size()) return slot.id;
  }
}

void PhraseMatcher::GrowWords() {
  std::vector<WordSlot> old(word_slots_.size() * 2);
  old.swap(word_slots_);
  const size_t mask = word_slots_.size() - 1;
  for (const WordSlot& slot : old) {
    if (slot.id == kUnknownWord) continue;
    const WordKeyRef& ref = word_keys_[slot.id];
    size_t i = Hash(std::string_view(words_).substr(ref.offset, ref.length)) & mask;
    while (word_slots_[i].id != kUnknownWord) i = (i + 1) & mask;
    word_slots_[i] = slot;
  }
}

uint32_t PhraseMatcher::Intern(std::string_view key) {
  const uint64_t hash = Hash(key);
  if (const uint32_t id = FindWord(key, hash); id != kUnknownWord) return id;
  if (2 * (word_count_ + 1) > word_slots_.size()) GrowWords();
  const size_t mask = word_slots_.size() - 1;
  size_t i = hash & mask;
  while (word_slots_[i].id != kUnknownWord) i = (i + 1) & mask;
  word_slots_[i] = {static_cast<uint32_t>(hash >> 32), word_count_};
  const uint32_t bit = static_cast<uint32_t>(hash >> 48);
  word_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  word_keys_.push_back({static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(key.size())});
  words_.append(key);
  root_child_.push_back(0);
  root_rule_.push_back(static_cast<uint8_t>(CaseRule::kAllCaps));
  return word_count_++;
}

uint32_t PhraseMatcher::Child(uint32_t node, uint32_t word) const {
  if (node == 0) return root_child_[word];
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
  const size_t mask = edge_slots_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    const EdgeSlot& slot = edge_slots_[i];
    if (slot.child == 0) return 0;
    if (slot.key == key) return slot.child;
  }
}

void PhraseMatcher::GrowEdges() {
  std::vector<EdgeSlot> old(edge_slots_.size() * 2);
  old.swap(edge_slots_);
  const size_t mask = edge_slots_.size() - 1;
  for (const EdgeSlot& slot : old) {
    if (slot.child == 0) continue;
    size_t i = Mix(slot.key) & mask;
    while (edge_slots_[i].child != 0) i = (i + 1) & mask;
    edge_slots_[i] = slot;
  }
}

void PhraseMatcher::SetChild(uint32_t node, uint32_t word, uint32_t child) {
  if (node == 0) {
    root_child_[word] = child;
    return;
  }
  if (2 * (edge_count_ + 1) > edge_slots_.size()) GrowEdges();
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
  const size_t mask = edge_slots_.size() - 1;
  size_t i = Mix(key) & mask;
  while (edge_slots_[i].child != 0) i = (i + 1) & mask;
  edge_slots_[i] = {key, child};
  ++edge_count_;
}

bool PhraseMatcher::Add(std::string_view phrase, uint32_t value, bool case_sensitive) {
  const std::vector<std::string_view> words = SplitPhrase(phrase);
  if (words.empty() || words.size() > kMaxPhraseWords) return false;
  std::string key;
  uint32_t node = 0;
  uint32_t rules = 0;
  bool named = false;  // a word before this one kept its capital
  for (size_t i = 0; i < words.size(); ++i) {
    WordKey(words[i], &key);
    CaseRule rule = case_sensitive ? RuleOf(words[i]) : CaseRule::kAnyCase;
    // Only the first word that is not a particle, and acronyms, constrain case (see the header): "The Times"
    // needs its capital T in "Times", "al-Qaida" its Q.
    if (named && rule == CaseRule::kCapitalized) rule = CaseRule::kAnyCase;
    if (rule == CaseRule::kCapitalized || !IsParticle(key)) named = true;
    rules |= static_cast<uint32_t>(rule) << (2 * i);
    const uint32_t word = Intern(key);
    if (i == 0) root_rule_[word] = std::min(root_rule_[word], static_cast<uint8_t>(rule));
    uint32_t child = Child(node, word);
    if (child == 0) {
      nodes_.emplace_back();
      child = static_cast<uint32_t>(nodes_.size() - 1);
      SetChild(node, word, child);
    }
    node = child;
  }
  for (uint32_t index : nodes_[node].payloads) {
    if (payloads_[index].value == value && payloads_[index].rules == rules) return true;  // a repeated alias
  }
  nodes_[node].payloads.push_back(static_cast<uint32_t>(payloads_.size()));
  payloads_.push_back({value, rules});
  return true;
}

namespace {

// Where a hyphen (ASCII, U+2010 or U+2011) starts at text[i], its length in bytes; else 0.
inline size_t HyphenAt(std::string_view text, size_t i) {
  if (text[i] == '-') return 1;
  if (text[i] != '\xE2' || i + 2 >= text.size() || text[i + 1] != '\x80') return 0;
  return text[i + 2] == '\x90' || text[i + 2] == '\x91' ? 3 : 0;
}

// Per byte, what the fast path of Tokenize needs: its lower-case fold and its class bits.
struct ByteClass {
  static constexpr uint8_t kLetter = 1, kLowerLetter = 2, kUpperLetter = 4, kSlow = 8;  // kSlow: non-ASCII or '-'
  uint8_t fold[256];
  uint8_t bits[256];
  constexpr ByteClass() : fold(), bits() {
    for (int c = 0; c < 256; ++c) {
      fold[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      uint8_t b = 0;
      if (c >= 'A' && c <= 'Z') b = kLetter | kUpperLetter;
      if (c >= 'a' && c <= 'z') b = kLetter | kLowerLetter;
      if (c >= 0x80 || c == '-') b = kSlow;
      bits[c] = b;
    }
  }
};
constexpr ByteClass kByteClass;

}  // namespace

void PhraseMatcher::Tokenize(const Document& doc, WordSequence* seq) const {
  const size_t token_count = doc.tokens.size();
  seq->first_word.resize(token_count);
  seq->words.clear();
  seq->words.reserve(token_count + token_count / 8 + 1);
  const char* const base = doc.text.data();
  uint32_t* const first_word = seq->first_word.data();
  for (uint32_t t = 0; t < token_count; ++t) {
    const Token& token = doc.tokens[t];
    first_word[t] = static_cast<uint32_t>(seq->words.size());
    TextWord word;
    word.token = t;
    word.token_start = true;
    word.token_end = true;
    if (token.kind == TokenKind::kPunct) {
      word.id = kUnknownWord;  // punctuation is in no phrase
      seq->words.push_back(word);
      continue;
    }
    // Fast path, nearly every token of English news: ASCII with no hyphen. One pass folds, hashes and shapes,
    // reading each byte's fold and class from one table.
    const uint8_t* const p = reinterpret_cast<const uint8_t*>(base + token.begin);
    const uint8_t* const end = reinterpret_cast<const uint8_t*>(base + token.end);
    uint64_t hash = kHashSeed;
    uint32_t letters = 0;
    uint32_t seen = 0;   // OR of the class bits of every byte
    uint32_t first_letter = 0;  // the class bits of the first letter
    for (const uint8_t* q = p; q < end; ++q) {
      const uint8_t c = *q;
      const uint32_t bits = kByteClass.bits[c];
      seen |= bits;
      if (first_letter == 0) first_letter = bits & ByteClass::kLetter ? bits : 0;
      letters += bits & ByteClass::kLetter;
      hash = HashStep(hash, kByteClass.fold[c]);
    }
    if ((seen & ByteClass::kSlow) == 0) {
      word.shape = (first_letter & ByteClass::kUpperLetter) == 0 ? WordShape::kLower
                   : (letters >= 2 && (seen & ByteClass::kLowerLetter) == 0) ? WordShape::kAllCaps
                                                                             : WordShape::kCapitalized;
      word.id = FindAsciiWord(std::string_view(base + token.begin, token.end - token.begin), HashFinish(hash));
      seq->words.push_back(word);
      continue;
    }
    // Slow path: cut at hyphens (words only), fold with WordKey.
    const std::string_view text(base + token.begin, token.end - token.begin);
    const auto emit = [&](std::string_view piece, bool first) {
      TextWord w;
      w.token = t;
      w.token_start = first;
      WordKey(piece, &seq->scratch);
      w.shape = ShapeOf(piece);
      w.id = FindWord(seq->scratch, Hash(seq->scratch));
      seq->words.push_back(w);
    };
    size_t start = 0;
    bool first = true;
    if (token.kind == TokenKind::kWord) {
      for (size_t i = 0; i < text.size();) {
        if (const size_t hyphen = HyphenAt(text, i); hyphen > 0) {
          if (i > start) {
            emit(text.substr(start, i - start), first);
            first = false;
          }
          start = i += hyphen;
        } else {
          ++i;
        }
      }
    }
    if (start < text.size() || first) emit(text.substr(start), first);
    seq->words.back().token_end = true;
  }
}

void PhraseMatcher::MatchAt(const WordSequence& seq, uint32_t begin, std::vector<PhraseMatch>* out) const {
  uint32_t node = 0;
  for (uint32_t end = begin; end < seq.words.size() && end - begin < kMaxPhraseWords; ++end) {
    const TextWord& word = seq.words[end];
    if (word.id == kUnknownWord) return;
    node = Child(node, word.id);
    if (node == 0) return;
    if (!word.token_end || nodes_[node].payloads.empty()) continue;
    for (uint32_t index : nodes_[node].payloads) {
      const Payload& payload = payloads_[index];
      bool ok = true;
      for (uint32_t i = begin; i <= end && ok; ++i) {
        const auto rule = static_cast<CaseRule>((payload.rules >> (2 * (i - begin))) & 3);
        ok = Satisfies(rule, seq.words[i].shape);
      }
      if (ok) out->push_back({begin, end + 1, payload.value});
    }
  }
}

}  // namespace annalist::actors
