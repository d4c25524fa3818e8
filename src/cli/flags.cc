#include "cli/flags.h"

#include <algorithm>

namespace annalist {

Result<std::vector<std::string>> ParseFlags(const std::vector<std::string>& args, const std::vector<Flag>& flags) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional.insert(positional.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg.size() < 3 || arg[0] != '-' || arg[1] != '-') {
      positional.push_back(arg);  // includes "-" (standard input)
      continue;
    }
    std::string_view name = std::string_view(arg).substr(2);
    std::string_view value;
    bool has_inline_value = false;
    if (const size_t equals = name.find('='); equals != std::string_view::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
      has_inline_value = true;
    }
    const auto flag = std::find_if(flags.begin(), flags.end(), [&](const Flag& f) { return f.name == name; });
    if (flag == flags.end()) return Status::InvalidInput("unknown option '--" + std::string(name) + "'");
    if (flag->argument.empty()) {
      if (has_inline_value) return Status::InvalidInput("option '--" + std::string(name) + "' takes no value");
    } else if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        return Status::InvalidInput("option '--" + std::string(name) + "' needs a value (" +
                                    std::string(flag->argument) + ")");
      }
      value = args[++i];
    }
    Status status = flag->apply(value);
    if (!status.ok()) return Status::InvalidInput("--" + std::string(name) + ": " + status.message());
  }
  return positional;
}

std::string FlagsHelp(const std::vector<Flag>& flags) {
  size_t width = 0;
  for (const Flag& flag : flags) width = std::max(width, flag.name.size() + flag.argument.size() + 3);
  std::string help = "Options:\n";
  for (const Flag& flag : flags) {
    std::string left = "  --" + std::string(flag.name);
    if (!flag.argument.empty()) left += " " + std::string(flag.argument);
    left.resize(std::max(left.size() + 2, width + 4), ' ');
    help += left;
    help += flag.help;
    help += '\n';
  }
  return help;
}

}  // namespace annalist
