#include "actors/setting.h"

namespace annalist::actors {

CountryCode DominantCountry(const std::vector<CountryCount>& counts) {
  CountryCode dominant;
  uint32_t best = 0, second = 0;
  for (const CountryCount& c : counts) {
    if (c.n > best) {
      second = best;
      best = c.n;
      dominant = c.country;
    } else if (c.n > second) {
      second = c.n;
    }
  }
  if (best < 2 || best < 2 * second) return CountryCode();
  return dominant;
}

CountryCode NearestCountry(std::span<const std::pair<uint32_t, CountryCode>> places, uint32_t at, uint32_t begin,
                           uint32_t end) {
  CountryCode near;
  uint32_t distance = UINT32_MAX;
  for (const auto& [t, c] : places) {
    if (t < begin || t >= end) continue;
    const uint32_t d = t > at ? t - at : at - t;
    if (d < distance) {
      distance = d;
      near = c;
    }
  }
  return near;
}

}  // namespace annalist::actors
