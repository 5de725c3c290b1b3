// Plain text: one post a line, or, when blank lines separate them, one post a block of lines.
#include <vector>

#include "read_context.hpp"

namespace loopscore {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

struct Line {
  std::size_t offset;
  std::string_view text;  // without the line break, trimmed of trailing spaces and '\r'
  bool blank() const { return trim(text).empty(); }
};

std::vector<Line> split_lines(std::string_view input) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view text = input.substr(start, end - start);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    lines.push_back({start, text});
    if (end == input.size()) break;
    start = end + 1;
  }
  return lines;
}

// True when some blank line lies between two non-blank ones: the input is in blocks.
bool has_block_separators(const std::vector<Line>& lines) {
  bool seen_text = false, blank_after_text = false;
  for (const Line& line : lines) {
    if (line.blank()) {
      blank_after_text = seen_text;
    } else {
      if (blank_after_text) return true;
      seen_text = true;
    }
  }
  return false;
}

}  // namespace

void read_text(ReadContext& context) {
  const std::vector<Line> lines = split_lines(context.input());
  const bool blocks = has_block_separators(lines);
  Post post;
  std::size_t record = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    post.clear();
    const std::size_t first = i;
    if (blocks) {
      while (i < lines.size() && !lines[i].blank()) {
        if (i > first) post.text += '\n';
        post.text += trim(lines[i].text);
        ++i;
      }
    } else {
      post.text = trim(lines[i].text);
    }
    ++record;
    const std::size_t leading = lines[first].text.find_first_not_of(" \t\f\v");
    context.use(post, context.at(lines[first].offset + leading, record));
  }
}

}  // namespace loopscore
