#include "clause_marks.hpp"

namespace loopscore {
namespace {

// Non-ASCII marks that end a clause (ellipsis, dashes, CJK and fullwidth punctuation).
constexpr std::string_view kWideClauseBreaks[] = {"\u2026", "\u2013", "\u2014", "\u3001", "\u3002",
                                                  "\uFF01", "\uFF0C", "\uFF1A", "\uFF1B", "\uFF1F"};

}  // namespace

bool breaks_clause(std::string_view mark) {
  switch (mark[0]) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '-': return true;
    default: break;
  }
  if (static_cast<unsigned char>(mark[0]) < 0x80) return false;
  for (const std::string_view wide : kWideClauseBreaks) {
    if (mark.starts_with(wide)) return true;
  }
  return false;
}

bool ends_sentence(std::string_view mark) {
  if (static_cast<unsigned char>(mark[0]) < 0x80) return mark[0] == '.' || mark[0] == '!' || mark[0] == '?';
  return mark.starts_with("\u2026") || mark.starts_with("\u3002") || mark.starts_with("\uFF01") ||
         mark.starts_with("\uFF1F");
}

}  // namespace loopscore
