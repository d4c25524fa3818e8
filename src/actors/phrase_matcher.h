// PhraseMatcher: the one multi-word dictionary matcher of the actors stage, shared by every dictionary it
// loads (countries, organisations, people, agents, PETRARCH imports).
//
// Phrases are sequences of word keys (word_key.h) stored in a trie whose edges are (node, word id) pairs;
// each phrase carries a caller's value and the case rule of each of its words. An article is turned once into
// a WordSequence (its tokens cut at hyphens, keyed and looked up in the matcher's vocabulary, or left to be looked
// up when a phrase reaches them), and matching then runs on integer ids only.
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
  // Word id in the matcher's vocabulary; PhraseMatcher::kUnknownWord when not in it; PhraseMatcher::kNotLookedUp
  // for a lower-case word no phrase starts with (PhraseMatcher::IdOf looks it up when a phrase reaches it).
  uint32_t id = 0;
  uint32_t token = 0;  // index into Document::tokens
  WordShape shape = WordShape::kLower;
  bool token_start = false;  // the first piece of its token
  bool token_end = false;    // the last piece of its token
  bool may_start = false;    // some phrase starts with this word in this case (PhraseMatcher::CanStart)
};

// The words of a whole document. Reused across documents by a caller that wants to avoid allocation.
struct WordSequence {
  // The document's words are the first word_count: words[t] is token t's first word (t < token_count), and the
  // later pieces of the tokens cut at hyphens follow, in token order (PhraseMatcher::NextWord walks them). The
  // vectors keep their size from one document to the next (only ever growing), so that Tokenize does not fill
  // them with values it overwrites.
  std::vector<TextWord> words;
  uint32_t word_count = 0;
  uint32_t token_count = 0;
  // The tokens, first words of their tokens, where MatchAt may find a phrase, in order: every token it finds one
  // at, and few others (a word that starts only longer phrases is kept only when the next word may follow it).
  std::vector<uint32_t> starts;
  std::vector<uint32_t> marked;  // the tokens whose first word was given to PhraseMatcher::Mark, in order
  std::string scratch;
  // Tokenize's own, per token: the tokens it looks up (the others keep the first pass's word), and the bit of
  // each one's first bytes in the filter of lower-case starts.
  std::vector<uint32_t> to_look_up;
  std::vector<uint16_t> lower_bits;
  // The document's text and tokens, for the words looked up late (TextWord::id); valid while it is unchanged.
  std::string_view text;
  const Token* tokens = nullptr;
};

struct PhraseMatch {
  uint32_t begin = 0;  // [begin, end): the tokens it covers; it starts at token begin's first word
  uint32_t end = 0;
  uint32_t value = 0;  // as given to Add()
};

class PhraseMatcher {
 public:
  static constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;
  static constexpr uint32_t kNotLookedUp = 0xFFFFFFFEu;  // see TextWord::id
  static constexpr size_t kMaxPhraseWords = 16;

  // Adds `phrase` with `value`. With `case_sensitive` false every word matches any case (used for imported
  // all-capitals dictionaries, whose writers could not say). Returns false, adding nothing, for a phrase with
  // no words or more than kMaxPhraseWords.
  bool Add(std::string_view phrase, uint32_t value, bool case_sensitive = true);

  // Lays the children of every node with two or more side by side, where Child finds them with a few reads
  // instead of a probe of the edge table, which is built for Add and, at 32,768 slots of 16 bytes for the
  // built-in dictionary, larger than the L2 cache: two in five of MatchAt's samples were its misses. Call it
  // after the last Add; an Add after it undoes it until the next Finish.
  void Finish();

  // Makes Tokenize list the tokens whose first word has `key` (word_key.h) in WordSequence::marked, whether or
  // not a phrase holds it: the grammar's pronouns, so that it visits them without testing every token.
  void Mark(std::string_view key);

  // The id of the word with `key`, or kUnknownWord.
  uint32_t WordId(std::string_view key) const {
    const WordSlot* slot = FindKey(key);
    return slot ? slot->id : kUnknownWord;
  }

  // Fills `seq` with the words of `doc` (its tokens cut at hyphens) and their starts. REQUIRES: doc.tokens
  // filled.
  void Tokenize(const Document& doc, WordSequence* seq) const;

  // The id of words[word]: TextWord::id, looked up now when Tokenize left it (kNotLookedUp).
  uint32_t IdOf(const WordSequence& seq, uint32_t word) const {
    const uint32_t id = seq.words[word].id;
    return id == kNotLookedUp ? LookUpLate(seq, seq.words[word].token) : id;
  }

  // Appends to `out` every phrase that starts at token `begin`'s first word and ends at a token's end, shortest
  // first.
  void MatchAt(const WordSequence& seq, uint32_t begin, std::vector<PhraseMatch>* out) const;

  // The index in seq.words of the word after words[word], or kNoWord at the document's end.
  static constexpr uint32_t kNoWord = 0xFFFFFFFFu;
  uint32_t NextWord(const WordSequence& seq, uint32_t word) const;

  // False when no phrase can start at `word` (none starts with it, or none in its case: "who" is not "WHO"):
  // a cheap test before MatchAt.
  bool CanStart(const TextWord& word) const { return word.may_start; }

  size_t phrase_count() const { return payloads_.size(); }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  struct Payload {
    uint32_t value;
    uint32_t rules;  // 2 bits per word, CaseRule
    uint32_t next;   // after a node's second payload: the next one (in the order added), or kNone
  };
  // Flat, so that MatchAt reads one small record a step: the node's first payload inline (most nodes have at
  // most one), and its child when it has only one (most nodes of a name trie), which spares the edge table a
  // probe.
  struct Node {
    uint32_t value = 0;  // the first payload, when has_payload
    uint32_t rules = 0;
    uint32_t second_payload = kNone;  // index into payloads_ of the second payload, or kNone
    // When children == 1: the word and the child. When children == 2 once finished_: only_child is where the
    // node's children start in multi_children_ and only_word how many there are.
    uint32_t only_word = 0;
    uint32_t only_child = 0;
    uint8_t has_payload = 0;
    uint8_t children = 0;  // 0, 1, or 2 for two or more (then in the edge table and, once finished_, side by side)
  };
  struct ChildEdge {
    uint32_t word = 0;
    uint32_t child = 0;
  };
  // Open-addressing hash tables: the matcher's lookups run once per word of every article, so they avoid
  // std::unordered_map's node chasing and string hashing (a measured 3x on the Guardian sample). A word slot
  // holds the first 16 bytes of its key, so that a word of up to 16 bytes (nearly all) is found with one
  // probe of one slot, and what the word needs to start a phrase, so that Tokenize decides that too.
  static constexpr uint8_t kNoStart = 3;  // WordSlot::start_rule of a word that starts no phrase
  struct WordSlot {
    uint64_t lo = 0;             // the key's first 8 bytes, zero-padded, little-endian (the next 8: word_hi_)
    uint32_t id = kUnknownWord;  // kUnknownWord marks an empty slot
    uint16_t length = 0;         // the key's length (saturated: keys over 16 bytes are compared in words_)
    uint8_t start_rule = kNoStart;  // the least demanding CaseRule of the phrases this word starts
    uint8_t flags = 0;              // kSingle, kMarked, kLowerLongStart, kAfterLowerStart
  };
  static constexpr uint8_t kSingle = 1;  // the word is a phrase of its own
  static constexpr uint8_t kMarked = 2;  // given to Mark()
  // The first word of a longer phrase, any case fitting it ("the" of "The Times", "a" of "A Just Russia"). Unless
  // it also starts a phrase of its own, is marked, or has a particle second ("chief of staff"), Tokenize leaves
  // it unkeyed ("the" and "a" alone are a twentieth of all tokens), and the next word, if it may be the phrase's
  // second (kAfterLowerStart), looks back for it and lists its start (LookBack).
  static constexpr uint8_t kLowerLongStart = 4;
  static constexpr uint8_t kAfterLowerStart = 8;
  static_assert(sizeof(WordSlot) == 16, "four slots a cache line");
  struct WordKeyRef {
    uint32_t offset = 0;  // of the key in words_
    uint32_t length = 0;
  };
  struct EdgeSlot {
    uint64_t key = 0;    // node << 32 | word
    uint32_t child = 0;  // 0 marks an empty slot (the root is never a child)
  };

  WordSlot* Intern(std::string_view key);
  // Lets a lower-case word with `key` through Tokenize's filter (lower_start_filter_).
  void LetLowerCaseStart(std::string_view key);
  uint32_t LookUpLate(const WordSequence& seq, uint32_t token) const;
  const WordSlot* FindKey(std::string_view key) const;
  // Inlined into Tokenize's fast path: one call a token otherwise.
  __attribute__((always_inline)) const WordSlot* FindShort(uint64_t lo, uint64_t hi, size_t length,
                                                           uint64_t hash) const;
  const WordSlot* FindLong(std::string_view key, uint64_t hash) const;
  // Writes the words of an ASCII token of at most 16 bytes cut at `hyphens` (bit i: byte i is '-'; not all
  // bytes), as the slow path would: the first at the token's index, the later ones from index *later on;
  // `readable` bytes from p on may be read.
  void EmitAsciiPieces(const char* p, size_t length, uint32_t hyphens, size_t readable, uint32_t token,
                       WordSequence* seq, uint32_t* later) const;
  // Writes the words of token `t` of `doc`, one that Tokenize's fast paths do not take (cut at hyphens, longer
  // than 16 bytes, or not ASCII), the later pieces from index *later on, growing seq->words as needed.
  void EmitOtherToken(const Document& doc, uint32_t t, WordSequence* seq, uint32_t* later) const;
  // Writes a word into `words` (WordSequence::words): a token's first at the token's index, a later piece at
  // index *later, which it advances; and its start if a phrase may start there. Returns true when that start is
  // of longer phrases only, so waits for the next word to be kept or dropped.
  bool Emit(const WordSlot* slot, uint32_t token, WordShape shape, bool first, bool last, TextWord* words,
            WordSequence* seq, uint32_t* later) const;
  // Lists the start of the word before token `token` if Tokenize left it unkeyed and it is a kLowerLongStart
  // whose phrase may go on with `second`, the first word of `token`.
  void LookBack(const WordSlot& second, uint32_t token, TextWord* words, WordSequence* seq) const;
  static size_t PairBit(uint32_t first, uint32_t second);
  uint32_t Child(uint32_t node, uint32_t word) const;
  void SetChild(uint32_t node, uint32_t word, uint32_t child);
  void GrowWords();
  void GrowEdges();

  std::vector<WordSlot> word_slots_ = std::vector<WordSlot>(1024);
  std::vector<uint64_t> word_hi_;  // per word id: bytes 8 to 15 of its key, zero-padded
  // Two bits per key in one of 1024 words (a blocked Bloom filter, from the high bits of the hash): most words
  // of an article are in no phrase, and this small filter, which stays in the L1 cache, turns most of them
  // away before a probe.
  std::vector<uint64_t> word_filter_ = std::vector<uint64_t>(1024);
  // One bit per hash of (first word, second word) of the phrases of two words or more: a word that starts only
  // longer phrases ("The Times", "Abu Mohammad al-Jolani") is listed as a start only where the next word passes
  // it with the first (Tokenize, LookBack), which spares MatchAt nearly every "The" and "Abu" of an article.
  std::vector<uint64_t> pair_filter_ = std::vector<uint64_t>(2048);
  // One bit per hash of (length, first three bytes, last byte) of the words that start a phrase of their own in
  // lower case ("troops") or are marked ("he"), and of second words that look back (kAfterLowerStart, "former"
  // of "the former Yugoslav Republic of Macedonia"), and of first words that wait instead: most lower-case
  // words of an article fail it, and Tokenize leaves them unkeyed (TextWord::id) instead of hashing them and
  // probing the word table; few are ever reached by a phrase. 8 KB.
  std::vector<uint64_t> lower_start_filter_ = std::vector<uint64_t>(1024);
  // One bit per hash of (first word, LowerStartBit of the second word) of the phrases whose second word may be
  // written in lower case: Tokenize drops a start waiting before a lower-case word it left unkeyed ("secretary
  // of state" before "secretary said") without keying that word when no such phrase could go on with it. 16 KB,
  // as pair_filter_.
  std::vector<uint64_t> lower_pair_filter_ = std::vector<uint64_t>(2048);
  // The words of up to three bytes ("he", "its", "war": a sixth of the lower-case words Tokenize looks up in the
  // Guardian sample), by their LowerStartBit, which Tokenize has computed for the filter: such a word's first
  // three bytes are its key, so it is found with one read, without hashing it. The first word of
  // each bit only; the others, and words not in the vocabulary, are looked up in the word table. 32 KB, of
  // which an article reads a few lines.
  struct ShortWord {
    uint32_t key = 0;   // the key's bytes, little-endian, | length << 24; 0: no word
    uint32_t slot = 0;  // index into word_slots_
  };
  static constexpr size_t kShortWords = 4096;
  void NoteShortWord(std::string_view key, uint32_t slot);
  std::vector<ShortWord> short_words_ = std::vector<ShortWord>(kShortWords);
  std::string words_;  // the keys, back to back
  std::vector<WordKeyRef> word_keys_;  // per word id
  uint32_t word_count_ = 0;
  std::vector<EdgeSlot> edge_slots_ = std::vector<EdgeSlot>(1024);
  uint32_t edge_count_ = 0;
  std::vector<ChildEdge> multi_children_;  // by Finish: the children of each node with two or more, by word
  bool finished_ = false;
  std::vector<uint32_t> root_child_;  // per word id: its child of the root, 0 when no phrase starts with it
  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  std::vector<Payload> payloads_;
};

}  // namespace annalist::actors
