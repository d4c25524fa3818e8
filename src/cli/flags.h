// Command-line flags declared once, in a table that drives both parsing and --help.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/status.h"

namespace annalist {

struct Flag {
  std::string_view name;      // without the dashes: "threads"
  std::string_view argument;  // placeholder for the value ("N"); empty for a switch
  std::string_view help;
  // Receives the value ("" for a switch); returns a message on a bad value.
  std::function<Status(std::string_view value)> apply;
};

// Parses `args` against `flags`: "--name value", "--name=value" and switches; "--" ends the flags; anything
// else is positional. Errors: InvalidInput for an unknown flag, a missing value, or a value `apply` refused.
Result<std::vector<std::string>> ParseFlags(const std::vector<std::string>& args, const std::vector<Flag>& flags);

// The "Options:" block of --help, one flag a line with its help text aligned.
std::string FlagsHelp(const std::vector<Flag>& flags);

}  // namespace annalist
