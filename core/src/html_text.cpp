#include "html_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include "utf8.hpp"

namespace loopscore {

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// HTML 4's named character references beyond Latin-1 that posts actually use.
constexpr std::array<NamedEntity, 36> kNamedEntities{{
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},      {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"bull", 0x2022},   {"middot", 0x00B7}, {"trade", 0x2122}, {"euro", 0x20AC},  {"dagger", 0x2020},
    {"prime", 0x2032},  {"larr", 0x2190},   {"rarr", 0x2192},  {"uarr", 0x2191},  {"darr", 0x2193},
    {"hearts", 0x2665}, {"spades", 0x2660}, {"clubs", 0x2663}, {"diams", 0x2666}, {"thinsp", 0x2009},
    {"ensp", 0x2002},   {"emsp", 0x2003},   {"zwj", 0x200D},   {"zwnj", 0x200C},  {"lrm", 0x200E},
    {"rlm", 0x200F},
}};

// Latin-1's named references, U+00A1 to U+00FF in order (nbsp, U+00A0, is above).
constexpr std::array<std::string_view, 95> kLatin1Names{
    "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",   "laquo",
    "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",
    "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute",
    "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",
    "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute",
    "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash",
    "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// The code point a reference's name (between '&' and ';') stands for, or 0.
char32_t entity_code_point(std::string_view name) {
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    std::uint32_t value = 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return 0;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    return value == 0 || value > 0x10FFFF ? 0xFFFD : static_cast<char32_t>(value);
  }
  for (const NamedEntity& entity : kNamedEntities) {
    if (entity.name == name) return entity.code_point;
  }
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i) {
    if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA1 + i);
  }
  return 0;
}

// Decodes the reference at text[i] == '&' into `out`; returns its length, or 0 when there is none.
std::size_t decode_entity(std::string_view text, std::size_t i, std::string& out) {
  const std::size_t semicolon = text.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 12) return 0;
  const char32_t cp = entity_code_point(text.substr(i + 1, semicolon - i - 1));
  if (cp == 0) return 0;
  if (cp == 0xAD) return semicolon - i + 1;  // a soft hyphen is invisible
  append_utf8(out, cp);
  return semicolon - i + 1;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// One parsed tag.
struct Tag {
  std::string name;  // lower case, without '/'
  bool closing = false;
  bool self_closing = false;
  std::string_view attributes;  // the raw text after the name
};

// Parses the tag at html[i] == '<'; returns its end (after '>'), or 0 when it is not a tag.
std::size_t parse_tag(std::string_view html, std::size_t i, Tag& tag) {
  std::size_t j = i + 1;
  tag = Tag{};
  if (j < html.size() && html[j] == '/') {
    tag.closing = true;
    ++j;
  }
  const std::size_t name_start = j;
  while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-' || html[j] == ':')) {
    tag.name += lower(html[j]);
    ++j;
  }
  if (j == name_start) return 0;
  const std::size_t attributes_start = j;
  char quote = 0;
  for (; j < html.size(); ++j) {
    const char c = html[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.attributes = html.substr(attributes_start, j - attributes_start);
      tag.self_closing = j > attributes_start && html[j - 1] == '/';
      return j + 1;
    }
  }
  return 0;
}

// The value of attribute `name` in a tag's raw attribute text, entities decoded.
std::string attribute(std::string_view attributes, std::string_view name) {
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (is_space(attributes[i]) || attributes[i] == '/')) ++i;
    const std::size_t start = i;
    while (i < attributes.size() && !is_space(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    std::string key;
    for (char c : attributes.substr(start, i - start)) key += lower(c);
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    std::string_view value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && is_space(attributes[i])) ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        const char quote = attributes[i++];
        const std::size_t end = std::min(attributes.find(quote, i), attributes.size());
        value = attributes.substr(i, end - i);
        i = end + 1;
      } else {
        const std::size_t value_start = i;
        while (i < attributes.size() && !is_space(attributes[i])) ++i;
        value = attributes.substr(value_start, i - value_start);
      }
    }
    if (key == name) return decode_html_entities(value);
    if (i == start) ++i;
  }
  return "";
}

bool has_class(std::string_view attributes, std::string_view name) {
  const std::string classes = attribute(attributes, "class");
  std::size_t i = 0;
  while (i < classes.size()) {
    const std::size_t end = std::min(classes.find(' ', i), classes.size());
    if (std::string_view(classes).substr(i, end - i) == name) return true;
    i = end + 1;
  }
  return false;
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 20> kBlocks{
      "div", "li",  "ul", "ol",    "blockquote", "h1",      "h2",     "h3",     "h4", "h5",
      "h6",  "pre", "tr", "table", "section",    "article", "header", "footer", "dd", "dt"};
  for (std::string_view block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

// Collects visible text: collapses white space and turns block boundaries into line breaks.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c) && !preformatted_) {
        space_ = true;
        continue;
      }
      flush();
      if (c == '\r') continue;
      out_ += c;
    }
  }
  void word(std::string_view s) {  // text that is never white space (a decoded reference, alt text)
    if (s.empty()) return;
    flush();
    out_ += s;
  }
  void line_break(int count) {  // 1: a new line, 2: a new paragraph
    space_ = false;
    if (!out_.empty()) breaks_ = std::max(breaks_, count);
  }
  void hard_break() {  // <br>: one more line break
    space_ = false;
    if (!out_.empty()) ++breaks_;
  }
  void set_preformatted(bool on) { preformatted_ = on; }
  std::string finish() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  void flush() {
    if (breaks_ > 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_.append(static_cast<std::size_t>(breaks_), '\n');
      breaks_ = 0;
      space_ = false;
    } else if (space_ && !out_.empty() && out_.back() != '\n') {
      out_ += ' ';
    }
    space_ = false;
  }

  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
  bool preformatted_ = false;
};

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (const std::size_t n = decode_entity(text, i, out); n != 0) {
        i += n - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string decode_basic_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (text.compare(i, 5, "&amp;") == 0) {
        out += '&';
        i += 4;
        continue;
      }
      if (text.compare(i, 4, "&lt;") == 0 || text.compare(i, 4, "&gt;") == 0) {
        out += text[i + 1] == 'l' ? '<' : '>';
        i += 3;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  TextBuilder builder;
  struct Span {
    bool hidden;
    bool ellipsis;
  };
  std::vector<Span> spans;  // open <span>s, for Mastodon's hidden and shortened URL parts
  std::size_t hidden = 0;   // how many open spans hide their content
  std::string decoded;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        const std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      if (html.compare(i, 2, "<!") == 0 || html.compare(i, 2, "<?") == 0) {
        const std::size_t end = html.find('>', i);
        i = end == std::string_view::npos ? html.size() : end + 1;
        continue;
      }
      Tag tag;
      if (const std::size_t end = parse_tag(html, i, tag); end != 0) {
        i = end;
        if ((tag.name == "script" || tag.name == "style") && !tag.closing && !tag.self_closing) {
          const std::string close = "</" + tag.name;
          std::size_t stop = i;
          while (stop < html.size() && !(html.compare(stop, close.size(), close) == 0)) {
            stop = html.find('<', stop + 1);
            if (stop == std::string_view::npos) stop = html.size();
          }
          const std::size_t after = html.find('>', stop);
          i = after == std::string_view::npos ? html.size() : after + 1;
        } else if (tag.name == "span" && !tag.self_closing) {
          if (!tag.closing) {
            const bool hide = has_class(tag.attributes, "invisible");
            spans.push_back({hide, has_class(tag.attributes, "ellipsis")});
            hidden += hide;
          } else if (!spans.empty()) {
            if (spans.back().ellipsis && hidden == 0) builder.word("…");
            hidden -= spans.back().hidden;
            spans.pop_back();
          }
        } else if (hidden > 0) {
          // inside hidden text: nothing shows
        } else if (tag.name == "br") {
          builder.hard_break();
        } else if (tag.name == "p") {
          builder.line_break(2);
        } else if (is_block(tag.name)) {
          builder.line_break(1);
          if (tag.name == "pre") builder.set_preformatted(!tag.closing);
        } else if (tag.name == "img" && !tag.closing) {
          builder.word(attribute(tag.attributes, "alt"));
        }
        continue;
      }
    }
    if (hidden > 0) {  // inside a hidden span: skip to the next tag
      i = std::min(html.find('<', i + 1), html.size());
      continue;
    }
    if (c == '&') {
      decoded.clear();
      if (const std::size_t n = decode_entity(html, i, decoded); n != 0) {
        if (decoded == " ") builder.text(" ");
        else builder.word(decoded);
        i += n;
        continue;
      }
    }
    const std::size_t next = std::min(html.find_first_of("<&", i + 1), html.size());
    builder.text(html.substr(i, next - i));
    i = next;
  }
  return builder.finish();
}

}  // namespace loopscore
