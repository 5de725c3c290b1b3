#include "json_stream.hpp"

namespace loopscore {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

[[noreturn]] void syntax_error(ReadContext& context, std::size_t offset, const std::string& message) {
  throw InputError("invalid JSON: " + message, context.at(offset));
}

std::string shown(char c) {
  if (static_cast<unsigned char>(c) < 0x20) return "a control character";
  return std::string{'\'', c, '\''};
}

}  // namespace

std::string nesting_message(std::size_t max_depth) {
  return "JSON nested deeper than " + std::to_string(max_depth) + " levels (max_depth)";
}

std::size_t scan_json_nesting(std::string_view json, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::size_t JsonArraySplitter::scan_element(std::string_view pending, std::size_t& i, std::size_t max_depth) {
  const char* const bytes = pending.data();
  const std::size_t size = pending.size();
  std::size_t depth = depth_;
  bool in_string = in_string_, escape = escape_;
  std::size_t end = std::string_view::npos;
  while (i < size) {
    if (in_string) {
      if (escape) {
        escape = false;
        ++i;
        continue;
      }
      while (i < size && bytes[i] != '"' && bytes[i] != '\\') ++i;
      if (i == size) break;
      if (bytes[i++] == '\\') {
        escape = true;
        continue;
      }
      in_string = false;
      if (depth == 0) {
        end = i;
        break;
      }
      continue;
    }
    const char c = bytes[i];
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth + 1 > max_depth) {
        end = kDeeper;  // i stays on the bracket, for the error's place
        break;
      }
    } else if (c == '}' || c == ']') {
      if (depth == 0) {
        end = i;  // the end of a number or literal
        break;
      }
      if (--depth == 0) {
        end = ++i;
        break;
      }
    } else if (depth == 0 && (c == ',' || is_space(c))) {
      end = i;  // the end of a number or literal
      break;
    }
    ++i;
  }
  depth_ = depth;
  in_string_ = in_string;
  escape_ = escape;
  return end;
}

JsonArraySplitter::Found JsonArraySplitter::next(ReadContext& context, std::string_view& text, std::size_t& offset) {
  const std::string_view pending = context.pending();
  const std::size_t base = context.pending_offset();
  const std::size_t max_depth = context.limits().max_depth;
  if (position_ < base) position_ = base;
  std::size_t i = position_ - base;
  const auto fail = [&](const std::string& message) { syntax_error(context, base + i, message); };
  const auto element_found = [&](std::size_t end) {
    context.check_record_size(start_, base + end, "an array element");
    text = pending.substr(start_ - base, end - (start_ - base));
    offset = start_;
    ++count_;
    phase_ = Phase::after;
    position_ = base + end;
    context.consume(end);
    return Found::element;
  };
  while (i < pending.size()) {
    const char c = pending[i];
    switch (phase_) {
      case Phase::before:
        if (c == '[') {
          array_offset_ = base + i;
          phase_ = Phase::first;
        } else if (!is_space(c)) {
          fail("expected '[' to begin an array, not " + shown(c));
        }
        ++i;
        break;
      case Phase::first:
      case Phase::comma:
        if (is_space(c)) {
          ++i;
        } else if (c == ']') {
          if (phase_ == Phase::comma) {
            fail("syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
          }
          phase_ = Phase::done;
          ++i;
        } else {
          phase_ = Phase::element;
          start_ = base + i;
          depth_ = 0;
          in_string_ = escape_ = false;
          if (max_depth < 1) fail(nesting_message(max_depth));
        }
        break;
      case Phase::element: {
        // The hot loop (every byte of an archive goes through it), on locals: members reached
        // through `this` went to memory at every byte. Inside a string only '"' and '\\' matter.
        const std::size_t end = scan_element(pending, i, max_depth);
        if (end == kDeeper) throw InputError(nesting_message(max_depth), context.at(base + i));
        if (end != std::string_view::npos) return element_found(end);
        break;
      }
      case Phase::after:
        if (c == ',') {
          phase_ = Phase::comma;
        } else if (c == ']') {
          phase_ = Phase::done;
        } else if (!is_space(c)) {
          fail("expected ',' or ']' after an array element, not " + shown(c));
        }
        ++i;
        break;
      case Phase::done:
        // White space may follow; so may the ';' some X archive files end with.
        if (!is_space(c) && c != ';') fail("unexpected " + shown(c) + " after the end of the array");
        ++i;
        break;
    }
  }
  position_ = base + i;
  if (phase_ == Phase::element) {
    if (context.at_end()) return element_found(i);  // cut short: the parser says how
    context.check_record_size(start_, position_, "an array element");
    context.consume(start_ - base);  // keep the element's text
    return Found::need_more;
  }
  context.consume(i);
  if (!context.at_end()) return Found::need_more;
  if (phase_ == Phase::done) return Found::end;
  if (phase_ == Phase::after) fail("syntax error while parsing array - unexpected end of input; expected ']'");
  fail("syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
  return Found::end;
}

}  // namespace loopscore
