// The date that governs a clause: the API later stages (figures, events) use to date what a clause reports.
//
// Reads Document::times as the times stage left it; does not change the document. Thread-safe.
#pragma once

#include <optional>

#include "annalist/document.h"

namespace annalist {

// The time that governs `clause` (a byte span inside one sentence of doc.text, e.g. from an event trigger's
// clause): a time mention inside the clause (the one nearest `anchor`, a byte offset such as the trigger's
// begin; the first one when anchor is kNone); else the mention of the same sentence nearest the clause; else,
// when the clause is a present-tense report ("says", "is", "has killed") with no past or future auxiliary,
// the dateline; else nullopt ("nothing tells").
// REQUIRES: doc.times filled by TimeTagger::Process (in text order, disjoint), doc.sentences by the Segmenter.
std::optional<DayInterval> GoverningTime(const Document& doc, Span clause, uint32_t anchor = kNone);

// The byte span of the clause holding token `token` (see times/clause.h for what a clause is here).
// REQUIRES: token < doc.tokens.size().
Span ClauseSpanOfToken(const Document& doc, uint32_t token);

}  // namespace annalist
