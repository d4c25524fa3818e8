// Status and Result<T>: how annalist reports failure across module boundaries.
//
// The core throws no exceptions. A function that can fail returns a Status (or a Result<T> carrying either a
// value or a Status). Both are [[nodiscard]]: a failure can be handled or passed on, never silently dropped.
// Messages say what failed and where (file, line, field, the offending text quoted).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace annalist {

class [[nodiscard]] Status {
 public:
  enum class Code : unsigned char {
    kOk,
    kInvalidInput,   // the caller's data is malformed (bad JSON line, bad date, bad flag value)
    kIOError,        // a file or stream could not be opened, read or written
    kCorruption,     // one of annalist's own data files is malformed
    kNotSupported,   // a valid request that this build cannot serve (e.g. an unknown compression)
  };

  // Creates an OK status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) { return Status(Code::kInvalidInput, std::move(message)); }
  static Status IOError(std::string message) { return Status(Code::kIOError, std::move(message)); }
  static Status Corruption(std::string message) { return Status(Code::kCorruption, std::move(message)); }
  static Status NotSupported(std::string message) { return Status(Code::kNotSupported, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or the category followed by the message, e.g. "IO error: cannot open 'x.jsonl': No such file".
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a failed Status. REQUIRES: a Status given to the constructor is not OK.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design, like absl::StatusOr
  Result(Status status) : state_(std::move(status)) {}    // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  // The failure; an OK Status when the result holds a value.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace annalist
