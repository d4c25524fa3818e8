#include "annalist/status.h"

namespace annalist {

std::string Status::ToString() const {
  const char* category = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidInput: category = "invalid input"; break;
    case Code::kIOError: category = "IO error"; break;
    case Code::kCorruption: category = "corrupt data"; break;
    case Code::kNotSupported: category = "not supported"; break;
  }
  return std::string(category) + ": " + message_;
}

}  // namespace annalist
