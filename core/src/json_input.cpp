#include "json_input.hpp"

#include <atomic>

#include "json_fields.hpp"
#include "json_stream.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

std::atomic<std::size_t> g_fast_elements{0};  // elements_read_without_dom()

// Parses one JSON text that starts at input offset `offset`; InputError at the place of a
// syntax error.
json parse_json(ReadContext& context, std::string_view text, std::size_t offset) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    std::string message = "invalid JSON: " + clean_parse_error(e.what());
    // A second value after the first is what JSON Lines looks like when its first line was too
    // long to recognise from the first 64 KiB.
    if (message.find("; expected end of input") != std::string::npos) {
      message += "; if this is JSON Lines (one object a line), read it with --format jsonl";
    }
    throw InputError(message, context.at(offset + (e.byte == 0 ? 0 : e.byte - 1)));
  } catch (const json::exception& e) {  // a number too large for a double ("1e999") has no position
    throw InputError("invalid JSON: " + clean_parse_error(e.what()), context.at(offset));
  }
}

class JsonFormatReader : public FormatReader {
 public:
  explicit JsonFormatReader(std::unique_ptr<JsonFormat> format) : format_(std::move(format)) {}

  void read(ReadContext& context) override {
    if (!prefix_read_) {
      if (!format_->read_prefix(context)) return;
      prefix_read_ = true;
    }
    if (mode_ == Mode::undecided) {
      const std::string_view pending = context.pending();
      const std::size_t first = pending.find_first_not_of(" \t\r\n");
      if (first == std::string_view::npos) {
        if (context.at_end()) {
          throw InputError(
              "invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', "
              "'{', or a literal",
              context.at(context.pending_offset() + pending.size()));
        }
        return;
      }
      mode_ = pending[first] == '[' ? Mode::array : Mode::document;
    }
    if (mode_ == Mode::array) {
      read_array(context);
    } else {
      read_document(context);
    }
  }

 private:
  enum class Mode { undecided, array, document };

  void read_array(ReadContext& context) {
    JsonInput in(context);
    std::string_view text;
    std::size_t offset = 0;
    while (true) {
      const JsonArraySplitter::Found found = splitter_.next(context, text, offset);
      if (found == JsonArraySplitter::Found::need_more) return;
      if (found == JsonArraySplitter::Found::end) break;
      const std::string pointer = child_pointer("", splitter_.count() - 1);
      in.set_source(text, offset, pointer);
      if (format_->read_element_text(in, text, pointer)) {
        g_fast_elements.fetch_add(1, std::memory_order_relaxed);
        continue;
      }
      const json element = parse_json(context, text, offset);
      format_->read_element(in, element, pointer);
    }
    if (splitter_.count() == 0 && !context.posts_optional()) {
      throw InputError("the JSON array is empty: no posts", context.at(splitter_.array_offset()));
    }
    format_->finish(in);
  }

  void read_document(ReadContext& context) {
    const std::string_view text = context.pending();
    const std::size_t offset = context.pending_offset();
    if (text.size() > context.limits().max_document_bytes) {
      throw InputError("a " + std::string(format_name(context.summary().format)) +
                           " document is read whole, and this one is over the limit of " +
                           std::to_string(context.limits().max_document_bytes) + " bytes (max_document_bytes)",
                       context.at(offset));
    }
    if (!context.at_end()) return;
    if (const std::size_t deep = scan_json_nesting(text, context.limits().max_depth); deep != std::string_view::npos) {
      throw InputError(nesting_message(context.limits().max_depth), context.at(offset + deep));
    }
    const json document = parse_json(context, text, offset);
    JsonInput in(context);
    in.set_source(text, offset, "");
    if (const json* body = recorded_body(document); body != nullptr && body->is_array()) {
      if (body->empty() && !context.posts_optional()) {
        throw InputError("the JSON array is empty: no posts", in.place("/body"));
      }
      for (std::size_t i = 0; i < body->size(); ++i) {
        format_->read_element(in, (*body)[i], "/body/" + std::to_string(i));
      }
    } else if (body != nullptr) {
      format_->read_document(in, *body, "/body");
    } else {
      format_->read_document(in, document, "");
    }
    context.consume(text.size());
    format_->finish(in);
  }

  std::unique_ptr<JsonFormat> format_;
  bool prefix_read_ = false;
  Mode mode_ = Mode::undecided;
  JsonArraySplitter splitter_;
};

}  // namespace

std::size_t elements_read_without_dom() { return g_fast_elements.load(std::memory_order_relaxed); }

SourceLocation JsonInput::where(const std::string& pointer) {
  SourceLocation location = place(pointer);
  location.record = context.next_record();
  return location;
}

SourceLocation JsonInput::place(const std::string& pointer) {
  std::size_t found = 0;
  if (pointer.compare(0, pointer_.size(), pointer_) == 0) {
    if (!locator_) locator_.emplace(text_);
    found = locator_->find(std::string_view(pointer).substr(pointer_.size()));
    if (found == std::string_view::npos) found = 0;
  }
  SourceLocation location = context.at(offset_ + found);
  location.pointer = pointer;
  return location;
}

void JsonInput::use(Post& post, const std::string& pointer) { context.use(post, where(pointer)); }

void JsonInput::skip(const std::string& pointer, std::string reason) {
  context.skip(where(pointer), std::move(reason));
}

void JsonInput::warn(const std::string& pointer, std::string reason) {
  context.warn(where(pointer), std::move(reason));
}

void JsonInput::set_source(std::string_view text, std::size_t offset, std::string pointer) {
  text_ = text;
  offset_ = offset;
  pointer_ = std::move(pointer);
  locator_.reset();
}

std::unique_ptr<FormatReader> make_json_format_reader(std::unique_ptr<JsonFormat> format) {
  return std::make_unique<JsonFormatReader>(std::move(format));
}

const json* recorded_body(const json& value) {
  const json* body = member(value, "body");
  if (body == nullptr || !(body->is_object() || body->is_array())) return nullptr;
  for (const auto& [key, unused] : value.items()) {
    if (key != "body" && key != "_source" && key != "headers" && key != "response_headers" && key != "status" &&
        key != "status_code" && key != "request" && key != "url" && key != "recorded_at") {
      return nullptr;
    }
  }
  return body;
}

std::string child_pointer(const std::string& base, std::string_view token) {
  std::string pointer = base + '/';
  for (char c : token) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
  return pointer;
}

std::string child_pointer(const std::string& base, std::size_t index) { return base + '/' + std::to_string(index); }

}  // namespace loopscore
