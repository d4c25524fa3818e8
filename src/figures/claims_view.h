// The claims view: every figure of a set of coded documents, grouped by category and counted group, with its
// date, source and article, so that disagreements between sources and changes over time show at a glance.
// The `annalist claims FILE…` subcommand prints it; this is the library half, with no I/O.
#pragma once

#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

// Appends to `out` one row per figure of `documents` (error documents are skipped), sorted by category, then
// group (the counted noun as written, lower-cased, without a leading determiner; "(none)" when the figure
// names none), then date, then article id and position. Columns: category, group, figure (qualifier and
// value, "more than 20,000", "30–40"), date (a Time value or empty), source (the claimant's canonical name,
// else its words; empty when the article states the figure on its own authority), country of the source,
// article id, and the figure's words in context. With csv = false the rows form a table aligned for a
// terminal, with a header and a blank line between categories; with csv = true, RFC 4180 CSV with a header
// line. Returns InvalidInput when a document's quantity refers to an actor or quantity that does not exist.
// Thread-safe (reads only).
Status WriteClaimsView(const std::vector<const Document*>& documents, bool csv, std::string& out);

}  // namespace annalist
