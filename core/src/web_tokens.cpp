#include "web_tokens.hpp"

#include <algorithm>

namespace loopscore {
namespace {

constexpr std::size_t kMaxCashtagLetters = 6;

bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_alnum(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }
bool is_user_char(char c) { return is_alnum(c) || c == '_'; }
bool is_host_char(char c) { return is_alnum(c) || c == '-'; }
bool is_local_part_char(char c) { return is_user_char(c) || c == '.' || c == '%' || c == '+' || c == '-'; }

// Byte at text[i], or NUL outside the text.
char at(std::string_view text, std::size_t i) { return i < text.size() ? text[i] : '\0'; }
char before(std::string_view text, std::size_t i) { return i == 0 ? '\0' : text[i - 1]; }

bool starts_with_ignoring_case(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if ((text[i + k] | 0x20) != prefix[k]) return false;
  }
  return true;
}

// A host name of two or more labels joined by single dots: "example.co.uk".
std::size_t host_length(std::string_view text, std::size_t i) {
  std::size_t k = i, labels = 0;
  while (is_host_char(at(text, k))) {
    while (is_host_char(at(text, k))) ++k;
    ++labels;
    if (at(text, k) != '.' || !is_host_char(at(text, k + 1))) break;
    ++k;
  }
  return labels >= 2 ? k - i : 0;
}

// Printable ASCII that may appear inside a URL in running text.
bool is_url_char(char c) { return c > ' ' && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '`'; }

// Sentence punctuation after a URL is not part of it; a closing bracket is unless it was opened inside.
std::size_t trim_url_end(std::string_view url, std::size_t min_size) {
  std::size_t n = url.size();
  while (n > min_size) {
    const char last = url[n - 1];
    const std::string_view kept = url.substr(0, n);
    const bool unopened = (last == ')' && std::count(kept.begin(), kept.end(), '(') < std::count(kept.begin(), kept.end(), ')')) ||
                          (last == ']' && std::count(kept.begin(), kept.end(), '[') < std::count(kept.begin(), kept.end(), ']'));
    if (std::string_view(".,;:!?'*").find(last) == std::string_view::npos && !unopened) break;
    --n;
  }
  return n;
}

}  // namespace

std::size_t url_length(std::string_view text, std::size_t i) {
  std::size_t scheme = 0;
  if (starts_with_ignoring_case(text, i, "https://")) {
    scheme = 8;
  } else if (starts_with_ignoring_case(text, i, "http://")) {
    scheme = 7;
  } else if (starts_with_ignoring_case(text, i, "www.") && is_host_char(at(text, i + 4))) {
    scheme = 4;
  }
  if (scheme == 0 || is_alnum(before(text, i))) return 0;
  std::size_t k = i + scheme;
  while (k < text.size() && is_url_char(text[k])) ++k;
  return trim_url_end(text.substr(i, k - i), scheme);
}

std::size_t email_length(std::string_view text, std::size_t i) {
  std::size_t k = i;
  while (is_local_part_char(at(text, k))) ++k;
  if (k == i || at(text, k) != '@' || text[k - 1] == '.') return 0;
  const std::size_t host = host_length(text, k + 1);
  return host == 0 ? 0 : k + 1 + host - i;
}

std::size_t mention_length(std::string_view text, std::size_t i) {
  if (is_user_char(before(text, i)) || !is_user_char(at(text, i + 1))) return 0;
  std::size_t k = i + 1;
  while (is_user_char(at(text, k)) || ((at(text, k) == '.' || at(text, k) == '-') && is_user_char(at(text, k + 1)))) {
    ++k;
  }
  if (at(text, k) == '@') {  // Mastodon: @user@instance.social
    if (const std::size_t host = host_length(text, k + 1)) k += 1 + host;
  }
  return k - i;
}

std::size_t cashtag_length(std::string_view text, std::size_t i) {
  if (is_alnum(before(text, i))) return 0;
  std::size_t k = i + 1;
  while (k - i <= kMaxCashtagLetters && is_letter(at(text, k))) ++k;
  const std::size_t letters = k - i - 1;
  if (letters == 0 || is_user_char(at(text, k))) return 0;
  return k - i;
}

}  // namespace loopscore
