// Access to data files linked into the binary at build time (cmake/EmbedBlob.cmake). The bytes live in the
// executable's read-only data: valid for the life of the process, shared by every thread, never freed.
#pragma once

#include <string_view>

#define ANNALIST_EMBEDDED_BLOB(symbol)          \
  extern "C" const char symbol##_begin[];       \
  extern "C" const char symbol##_end[]

#define EmbeddedBlob(symbol) \
  std::string_view(symbol##_begin, static_cast<size_t>(symbol##_end - symbol##_begin))
