// PhraseMatcher: the one multi-word dictionary matcher of the actors stage, shared by every dictionary it
// loads (countries, organisations, people, agents, PETRARCH imports).
//
// Phrases are sequences of word keys (word_key.h) stored in a trie whose edges are (node, word id) pairs;
// each phrase carries a caller's value and the case rule of each of its words. An article is turned once into
// a WordSequence (its tokens cut at hyphens, keyed and looked up in the matcher's vocabulary), and matching then
// runs on integer ids only.
//
// Case: an acronym ("UN", "US") only ever matches an all-caps word; the first capitalized word that is not a
// particle must be capitalized in the article ("Hamas", not "hamas"; the "Q" of "al-Qaida"); later capitalized
// words match any case, because newspapers such as the Guardian write "the UN security council". Lower-case
// dictionary words and particles ("al", "of", "the") match any case.
//
// Thread-safety: Add() and Finish() build; after Finish() the matcher is immutable and shared by all threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/word_key.h"
#include "annalist/document.h"

namespace annalist::actors {

// One word of an article as the matcher sees it: a token, or a hyphen-separated piece of one.
struct TextWord {
  uint32_t id = 0;  // word id in the matcher's vocabulary; PhraseMatcher::kUnknownWord when not in it
  uint32_t token = 0;  // index into Document::tokens
  WordShape shape = WordShape::kLower;
  bool token_start = false;  // the first piece of its token
  bool token_end = false;    // the last piece of its token
};

// The words of a whole document. Reused across documents by a caller that wants to avoid allocation.
struct WordSequence {
  std::vector<TextWord> words;
  std::vector<uint32_t> first_word;  // per token: index of its first word
  std::string scratch;
};

struct PhraseMatch {
  uint32_t begin = 0;  // [begin, end) indexes WordSequence::words
  uint32_t end = 0;
  uint32_t value = 0;  // as given to Add()
};

class PhraseMatcher {
 public:
  static constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;
  static constexpr size_t kMaxPhraseWords = 16;

  // Adds `phrase` with `value`. With `case_sensitive` false every word matches any case (used for imported
  // all-capitals dictionaries, whose writers could not say). Returns false, adding nothing, for a phrase with
  // no words or more than kMaxPhraseWords.
  bool Add(std::string_view phrase, uint32_t value, bool case_sensitive = true);

  // Fills `seq` with the words of `doc` (its tokens cut at hyphens). REQUIRES: doc.tokens filled.
  void Tokenize(const Document& doc, WordSequence* seq) const;

  // Appends to `out` every phrase that starts at word `begin` and ends at a token's end, shortest first.
  // REQUIRES: seq.words[begin].token_start.
  void MatchAt(const WordSequence& seq, uint32_t begin, std::vector<PhraseMatch>* out) const;

  // False when no phrase can start at `word` (none starts with it, or none in its case: "who" is not "WHO"):
  // a cheap test before MatchAt.
  bool CanStart(const TextWord& word) const {
    return word.id != kUnknownWord && root_child_[word.id] != 0 &&
           Satisfies(static_cast<CaseRule>(root_rule_[word.id]), word.shape);
  }

  size_t phrase_count() const { return payloads_.size(); }

 private:
  struct Payload {
    uint32_t value;
    uint32_t rules;  // 2 bits per word, CaseRule
  };
  struct Node {
    std::vector<uint32_t> payloads;  // indexes payloads_
  };

  // Open-addressing hash tables: the matcher's lookups run once per word of every article, so they avoid
  // std::unordered_map's node chasing and string hashing (a measured 3x on the Guardian sample).
  struct WordSlot {
    uint32_t tag = 0;            // high bits of the key's hash
    uint32_t id = kUnknownWord;  // kUnknownWord marks an empty slot
  };
  struct WordKeyRef {
    uint32_t offset = 0;  // of the key in words_
    uint32_t length = 0;
  };
  struct EdgeSlot {
    uint64_t key = 0;    // node << 32 | word
    uint32_t child = 0;  // 0 marks an empty slot (the root is never a child)
  };

  uint32_t Intern(std::string_view key);
  uint32_t FindWord(std::string_view key, uint64_t hash) const;
  // As FindWord, for an ASCII word not yet folded to lower case; `hash` is that of its key.
  uint32_t FindAsciiWord(std::string_view word, uint64_t hash) const;
  uint32_t Child(uint32_t node, uint32_t word) const;
  void SetChild(uint32_t node, uint32_t word, uint32_t child);
  void GrowWords();
  void GrowEdges();

  std::vector<WordSlot> word_slots_ = std::vector<WordSlot>(1024);
  // One bit per hash value (low 16 bits of the high half): most words of an article are in no phrase, and
  // this small filter, which stays in the L1 cache, turns most of them away before a probe.
  std::vector<uint64_t> word_filter_ = std::vector<uint64_t>(1024);
  std::string words_;  // the keys, back to back
  std::vector<WordKeyRef> word_keys_;  // per word id
  uint32_t word_count_ = 0;
  std::vector<EdgeSlot> edge_slots_ = std::vector<EdgeSlot>(1024);
  uint32_t edge_count_ = 0;
  std::vector<uint32_t> root_child_;  // per word id: its child of the root, 0 when no phrase starts with it
  std::vector<uint8_t> root_rule_;    // per word id: the least demanding CaseRule of the phrases it starts
  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  std::vector<Payload> payloads_;
};

}  // namespace annalist::actors
