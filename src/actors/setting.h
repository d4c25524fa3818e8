// The setting of an article: the country it happens in, which mentions that name none ("the rebels",
// "residents", "the army") take from the places around them (ActorRecognizer's inheritance). Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "annalist/document.h"

namespace annalist::actors {

// How often the article names `country` as a place (a state in a locative, a region, "the Syrian town of").
struct CountryCount {
  CountryCode country;
  uint32_t n = 0;
};

// The country named as a place at least twice and at least twice as often as any other; empty when none is.
CountryCode DominantCountry(const std::vector<CountryCount>& counts);

// The country of the place nearest token `at` among `places` ((token, country) pairs) whose token lies in
// [begin, end) (the sentence); empty when none does. The first of two equally near places wins.
CountryCode NearestCountry(std::span<const std::pair<uint32_t, CountryCode>> places, uint32_t at, uint32_t begin,
                           uint32_t end);

}  // namespace annalist::actors
