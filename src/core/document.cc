#include "annalist/document.h"

namespace annalist {

CountryCode CountryCode::FromString(std::string_view alpha3) {
  CountryCode country;
  for (size_t i = 0; i < 3 && i < alpha3.size(); ++i) country.code[i] = alpha3[i];
  return country;
}

void Document::Clear() {
  id.clear();
  date.reset();
  date_text.clear();
  text.clear();
  title.reset();
  source.reset();
  url.reset();
  input_number = 0;
  error.clear();
  warnings.clear();
  tokens.clear();
  sentences.clear();
  times.clear();
  places.clear();
  actors.clear();
  quantities.clear();
  events.clear();
  claim_sources.clear();
}

}  // namespace annalist
