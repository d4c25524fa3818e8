// GDELT 2.0 event-table rows: 61 tab-separated columns an event, no header, for users with GDELT tooling.
//
// What annalist knows fills its columns; what it does not compute is left empty rather than invented:
//   GLOBALEVENTID  a 63-bit hash of the article id and the event's index (stable whatever --threads is)
//   SQLDATE …      the event's date when it is one day (else its first day), else the article's date
//   ActorNCode     CAMEO-style country + type ("ISRGOV"); Name is the words of the text; CountryCode ISO-3
//   IsRootEvent    1 when the event is in the article's first sentence
//   EventCode      the CAMEO code; Base and Root codes are its first three and two digits
//   QuadClass      from the root code (01-05 verbal cooperation … 14-20 material conflict)
//   GoldsteinScale the Goldstein (1992) weight of the root code, as CAMEO lists it for root codes
//   NumMentions, NumSources, NumArticles  1 (one article, one mention: restatements are merged)
//   AvgTone, ActorNGeo_*, KnownGroup, Ethnic, Religion  empty (not computed)
//   ActionGeo_*    the event's place: type 1 country, 4 city, 5 region (2 and 3 for US states and cities),
//                  its name, its country as ISO 3166 alpha-3 (GDELT writes FIPS 10-4 there), lat, lon
//   DATEADDED      the article's date at 00:00:00; SOURCEURL the article's url, else its id
// An error document has no row (GDELT has no error rows); the CLI reports how many there were.
#include "io/gdelt_writer.h"

#include <cstdio>
#include <string>

#include "annalist/date.h"
#include "io/record_names.h"

namespace annalist {
namespace {

// Goldstein weights of the CAMEO root codes 01..20.
constexpr double kGoldstein[21] = {0,    0.0,  3.0,  4.0,  1.0,  3.5,  6.0,  7.0,  5.0,  -2.0, -5.0,
                                   -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};

int RootCode(std::string_view cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9') return 0;
  const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  return root >= 1 && root <= 20 ? root : 0;
}

int QuadClass(int root) {
  if (root == 0) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

// Tabs and line breaks inside a field would break the row.
void AppendField(std::string_view text, std::string& out) {
  for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

void AppendDate(const CivilDate& d, bool with_day, std::string& out) {
  char buf[16];
  if (with_day) std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  else std::snprintf(buf, sizeof buf, "%04d%02d", d.year, d.month);
  out += buf;
}

// Columns 6-15 (or 16-25), each ended by a tab: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void AppendActor(const Document& doc, uint32_t index, std::string& out) {
  if (index == kNone || index >= doc.actors.size()) {
    out += "\t\t\t\t\t\t\t\t\t\t";
    return;
  }
  const ActorMention& actor = doc.actors[index];
  out.append(actor.country.view());
  out.append(SectorName(actor.sector));
  out += '\t';
  AppendField(doc.slice(actor.span), out);
  out += '\t';
  out.append(actor.country.view());
  out += "\t\t\t\t\t";
  out.append(SectorName(actor.sector));
  out += "\t\t\t";
}

// Columns 52-59, each ended by a tab: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
void AppendPlace(const Document& doc, uint32_t index, std::string& out) {
  if (index == kNone || index >= doc.places.size()) {
    out += "\t\t\t\t\t\t\t\t";
    return;
  }
  const PlaceMention& place = doc.places[index];
  const bool us = place.country.view() == "USA";
  int type = 4;
  if (place.kind == PlaceKind::kCountry) type = 1;
  else if (place.kind == PlaceKind::kAdmin || place.kind == PlaceKind::kArea) type = us ? 2 : 5;
  else if (us) type = 3;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d\t", type);
  out += buf;
  AppendField(place.name, out);
  out += '\t';
  out.append(place.country.view());
  std::snprintf(buf, sizeof buf, "\t\t\t%.4f\t%.4f\t\t", place.lat, place.lon);  // ADM1, ADM2, FeatureID empty
  out += buf;
}

uint64_t EventId(std::string_view id, size_t index) {
  uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h = (h ^ index) * 1099511628211ull;
  return h & 0x7FFFFFFFFFFFFFFFull;
}

class GdeltFormatter final : public RecordFormatter {
 public:
  std::string Header() const override { return {}; }  // GDELT files have none

  void Format(const Document& doc, std::string& out) const override {
    if (doc.is_error()) return;
    const uint32_t lead_end = doc.sentences.empty() || doc.tokens.empty()
                                  ? 0
                                  : doc.tokens[doc.sentences.front().token_end - 1].end;
    char buf[96];
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& event = doc.events[i];
      std::optional<CivilDate> day = doc.date;
      if (event.date) day = event.date->first;
      std::snprintf(buf, sizeof buf, "%llu\t", static_cast<unsigned long long>(EventId(doc.id, i)));
      out += buf;
      if (day) {
        AppendDate(*day, true, out);
        out += '\t';
        AppendDate(*day, false, out);
        const int32_t day_of_year = static_cast<int32_t>(ToDayNumber(*day) - ToDayNumber({day->year, 1, 1})) + 1;
        std::snprintf(buf, sizeof buf, "\t%04d\t%.4f\t", day->year, day->year + day_of_year / 365.0);
        out += buf;
      } else {
        out += "\t\t\t\t";
      }
      AppendActor(doc, event.actor, out);
      AppendActor(doc, event.recipient, out);
      const int root = RootCode(event.cameo);
      out += event.trigger.begin < lead_end ? "1\t" : "0\t";
      AppendField(event.cameo, out);
      out += '\t';
      AppendField(event.cameo.substr(0, std::min<size_t>(3, event.cameo.size())), out);
      out += '\t';
      AppendField(event.cameo.substr(0, std::min<size_t>(2, event.cameo.size())), out);
      out += '\t';
      if (root != 0) {
        std::snprintf(buf, sizeof buf, "%d\t%.1f\t", QuadClass(root), kGoldstein[root]);
        out += buf;
      } else {
        out += "\t\t";
      }
      out += "1\t1\t1\t\t";                      // NumMentions, NumSources, NumArticles, AvgTone
      out += "\t\t\t\t\t\t\t\t";                 // Actor1Geo_*
      out += "\t\t\t\t\t\t\t\t";                 // Actor2Geo_*
      AppendPlace(doc, event.place, out);        // ActionGeo_*
      if (doc.date) {
        AppendDate(*doc.date, true, out);
        out += "000000";
      }
      out += '\t';
      AppendField(doc.url ? std::string_view(*doc.url) : std::string_view(doc.id), out);
      out += '\n';
    }
  }
};

}  // namespace

std::unique_ptr<RecordFormatter> MakeGdeltFormatter() { return std::make_unique<GdeltFormatter>(); }

}  // namespace annalist
