#pragma once
// The shared reader of every JSON-based format: top-level arrays element by element as they
// arrive, anything else whole; formats supply what to do with each value (internal to the core).

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "format_reader.hpp"
#include "json_locator.hpp"

namespace loopscore {

/// The side of a JSON read that formats see: the context, and where a JSON pointer's value is.
class JsonInput {
 public:
  explicit JsonInput(ReadContext& context) : context(context) {}

  ReadContext& context;

  /// Location of the value at `pointer` (from the root of the input), as the next record.
  SourceLocation where(const std::string& pointer);

  /// Location of the value at `pointer`, not as a record (for errors about the whole input).
  SourceLocation place(const std::string& pointer);

  /// Hands `post` over as the record at `pointer` (see ReadContext::use).
  void use(Post& post, const std::string& pointer);

  /// Skips the record at `pointer` with the reason.
  void skip(const std::string& pointer, std::string reason);

  /// Warns about a field of the record at `pointer`, which is still used.
  void warn(const std::string& pointer, std::string reason);

  /// Sets the JSON text being read: `text` starts at input offset `offset` and holds the value
  /// at JSON pointer `pointer` (driver only).
  void set_source(std::string_view text, std::size_t offset, std::string pointer);

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::string pointer_;
  std::optional<JsonLocator> locator_;
};

/// What one JSON-based format does with the values it is given.
class JsonFormat {
 public:
  virtual ~JsonFormat() = default;

  /// Reads anything before the JSON (X archives' `window.YTD.tweets.part0 =`) and consumes it;
  /// false while more input is needed.
  virtual bool read_prefix(ReadContext& /*context*/) { return true; }

  /// The fast path: reads one element of a top-level array from its text, without a DOM, and
  /// returns true; or returns false having used, skipped and warned nothing, and read_element
  /// reads it. (The elements of an HTTP recording's "body" always take read_element.)
  virtual bool read_element_text(JsonInput& /*in*/, std::string_view /*text*/, const std::string& /*pointer*/) {
    return false;
  }

  /// Reads one element of a top-level array (or of the array in an HTTP recording's "body").
  virtual void read_element(JsonInput& in, const nlohmann::json& element, const std::string& pointer) = 0;

  /// Reads a top-level value that is not an array.
  virtual void read_document(JsonInput& in, const nlohmann::json& document, const std::string& pointer) = 0;

  /// Called once, after the last value.
  virtual void finish(JsonInput& /*in*/) {}
};

/// The reader of a JSON-based format.
std::unique_ptr<FormatReader> make_json_format_reader(std::unique_ptr<JsonFormat> format);

/// How many array elements every reader of this process has read on the fast path
/// (JsonFormat::read_element_text): for the tests that pin the fast path to the DOM path.
std::size_t elements_read_without_dom();

/// The response inside an HTTP recording (`{"body": ..., "_source"|"headers"|"status": ...}`,
/// as recording tools save API responses), or null when `value` is not one.
const nlohmann::json* recorded_body(const nlohmann::json& value);

/// Pointer `base` extended by one token (escaped as RFC 6901 says).
std::string child_pointer(const std::string& base, std::string_view token);

/// Pointer `base` extended by an array index.
std::string child_pointer(const std::string& base, std::size_t index);

}  // namespace loopscore
