#include "flat_json.hpp"

#include <algorithm>

#include "json_fields.hpp"
#include "json_plain_run.hpp"
#include "loopscore/time.hpp"
#include "utf8.hpp"

namespace loopscore {

namespace {

// A longer number is left to nlohmann: a fraction of fewer digits never overflows a double.
constexpr std::size_t kLongestNumber = 300;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Four hex digits at json[i..i+4) as a number; false if they are not.
bool hex4(std::string_view json, std::size_t i, char32_t& out) {
  if (i + 4 > json.size()) return false;
  out = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const char c = json[k];
    const int digit = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return false;
    out = out * 16 + static_cast<char32_t>(digit);
  }
  return true;
}

// The literal `word` at json[i]; moves past it.
bool literal(std::string_view json, std::size_t& i, std::string_view word) {
  if (json.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

// The string at json[i] (its opening quote), as parse_flat_scalar says.
bool parse_string(std::string_view json, std::size_t& i, std::string& unescaped, std::string_view& text,
                  std::size_t& unescaped_at) {
  const std::size_t start = ++i;  // past the opening quote
  i = plain_run_end(json, i);
  while (i < json.size()) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c == '"') {
      text = json.substr(start, i - start);
      unescaped_at = std::string::npos;
      ++i;
      return true;
    }
    if (c == '\\') break;
    if (c < 0x20) return false;  // a control character must be escaped
    ++i;
  }
  if (i == json.size()) return false;
  // Escapes: the string is unescaped into unescaped (its text is pointed there once parsing ends).
  const std::size_t at = unescaped.size();
  unescaped.append(json.substr(start, i - start));
  while (i < json.size()) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c == '"') {
      unescaped_at = at;
      text = std::string_view(unescaped).substr(at);  // the length; the place is fixed later
      ++i;
      return true;
    }
    if (c < 0x20) return false;
    if (c != '\\') {
      unescaped.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (++i == json.size()) return false;
    switch (json[i]) {
      case '"': unescaped.push_back('"'); break;
      case '\\': unescaped.push_back('\\'); break;
      case '/': unescaped.push_back('/'); break;
      case 'b': unescaped.push_back('\b'); break;
      case 'f': unescaped.push_back('\f'); break;
      case 'n': unescaped.push_back('\n'); break;
      case 'r': unescaped.push_back('\r'); break;
      case 't': unescaped.push_back('\t'); break;
      case 'u': {
        char32_t unit = 0;
        if (!hex4(json, i + 1, unit)) return false;
        i += 4;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low surrogate alone
        if (unit >= 0xD800 && unit <= 0xDBFF) {            // a high one: a low one must follow
          char32_t low = 0;
          if (json.substr(i + 1, 2) != "\\u" || !hex4(json, i + 3, low) || low < 0xDC00 || low > 0xDFFF) return false;
          i += 6;
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(unescaped, unit);
        break;
      }
      default: return false;
    }
    ++i;
  }
  return false;
}

// The number at json[i], as parse_flat_scalar says.
bool parse_number(std::string_view json, std::size_t& i, FlatValue& value) {
  const std::size_t start = i;
  const bool negative = json[i] == '-';
  if (negative) ++i;
  if (i == json.size() || !is_digit(json[i])) return false;
  const std::size_t digits_start = i;
  if (json[i] == '0') {
    ++i;
  } else {
    while (i < json.size() && is_digit(json[i])) ++i;
  }
  const std::size_t digits_end = i;
  bool fraction = false;
  if (i < json.size() && json[i] == '.') {
    ++i;
    if (i == json.size() || !is_digit(json[i])) return false;
    while (i < json.size() && is_digit(json[i])) ++i;
    fraction = true;
  }
  if (i < json.size() && (json[i] == 'e' || json[i] == 'E')) return false;  // may overflow: left to nlohmann
  if (i - start > kLongestNumber) return false;
  if (i < json.size() && is_digit(json[i])) return false;  // "01": invalid
  value.kind = FlatValue::Kind::other_number;
  if (fraction) return true;
  // An integer: nlohmann reads it as a double when it does not fit 64 bits.
  std::uint64_t magnitude = 0;
  for (std::size_t k = digits_start; k < digits_end; ++k) {
    const auto digit = static_cast<std::uint64_t>(json[k] - '0');
    if (magnitude > (UINT64_MAX - digit) / 10) return true;
    magnitude = magnitude * 10 + digit;
  }
  if (!negative) {
    value.kind = FlatValue::Kind::unsigned_integer;
    value.magnitude = magnitude;
  } else if (magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
    value.kind = FlatValue::Kind::signed_integer;
    value.integer = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(magnitude);
  }
  return true;
}

}  // namespace

// scalar_to_string (json_fields.hpp) for a flat value.
bool scalar_text(const FlatValue& value, std::string& out) {
  switch (value.kind) {
    case FlatValue::Kind::string: out.assign(value.text); return true;
    case FlatValue::Kind::unsigned_integer: out = std::to_string(value.magnitude); return true;
    case FlatValue::Kind::signed_integer: out = std::to_string(value.integer); return true;
    default: return false;
  }
}

// to_count (json_fields.hpp) for a flat value.
std::optional<std::int64_t> count_of(const FlatValue& value) {
  switch (value.kind) {
    case FlatValue::Kind::unsigned_integer:
      if (value.magnitude <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(value.magnitude);
      return std::nullopt;
    case FlatValue::Kind::signed_integer: return value.integer >= 0 ? std::optional(value.integer) : std::nullopt;
    case FlatValue::Kind::string: return count_from_string(value.text);
    default: return std::nullopt;
  }
}

// to_time (json_fields.hpp) for a flat value; fractions are left to the DOM path.
std::optional<TimeMs> time_of(const FlatValue& value) {
  switch (value.kind) {
    case FlatValue::Kind::string: return parse_time(value.text);
    case FlatValue::Kind::unsigned_integer:
      if (value.magnitude > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
      return time_from_unix(static_cast<std::int64_t>(value.magnitude));
    case FlatValue::Kind::signed_integer: return time_from_unix(value.integer);
    default: return std::nullopt;
  }
}

bool parse_flat_scalar(std::string_view json, std::size_t& i, std::string& unescaped, FlatValue& value,
                       std::size_t& unescaped_at) {
  if (i == json.size()) return false;
  const char c = json[i];
  if (c == '"') {
    if (!parse_string(json, i, unescaped, value.text, unescaped_at)) return false;
    value.kind = FlatValue::Kind::string;
  } else if (c == '-' || is_digit(c)) {
    if (!parse_number(json, i, value)) return false;
  } else if (literal(json, i, "true")) {
    value.kind = FlatValue::Kind::boolean;
    value.magnitude = 1;
  } else if (literal(json, i, "false")) {
    value.kind = FlatValue::Kind::boolean;
    value.magnitude = 0;
  } else if (literal(json, i, "null")) {
    value.kind = FlatValue::Kind::null;
  } else {
    return false;  // an object or array, or not JSON
  }
  return true;
}

bool FlatObject::parse(std::string_view json) {
  members_.clear();
  unescaped_.clear();
  std::size_t i = 0;
  skip_json_space(json, i);
  if (i == json.size() || json[i] != '{') return false;
  ++i;
  skip_json_space(json, i);
  if (i < json.size() && json[i] == '}') {
    ++i;
  } else {
    while (true) {
      Member member;
      if (!parse_plain_key(json, i, member.key)) return false;
      skip_json_space(json, i);
      if (i == json.size() || json[i] != ':') return false;
      ++i;
      skip_json_space(json, i);
      if (i == json.size()) return false;
      if (!parse_flat_scalar(json, i, unescaped_, member.value, member.unescaped_at)) {
        return false;  // a nested object or array, or not JSON
      }
      for (const Member& other : members_) {
        if (other.key == member.key) return false;  // nlohmann keeps the last: left to it
      }
      members_.push_back(member);
      skip_json_space(json, i);
      if (i == json.size()) return false;
      if (json[i] == '}') {
        ++i;
        break;
      }
      if (json[i] != ',') return false;
      ++i;
      skip_json_space(json, i);
    }
  }
  skip_json_space(json, i);
  if (i != json.size()) return false;
  point_into_unescaped(members_, unescaped_);
  return true;
}

const FlatValue* FlatObject::find(std::string_view key) const {
  for (const Member& member : members_) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

FlatFields::FlatFields(const FieldMapping& fields) {
  const std::pair<Field, const std::vector<std::string>*> lists[] = {
      {text, &fields.text},
      {id, &fields.id},
      {author, &fields.author},
      {created_at, &fields.created_at},
      {in_reply_to, &fields.in_reply_to},
      {in_reply_to_author, &fields.in_reply_to_author},
      {url, &fields.url},
      {likes, &fields.likes},
      {reposts, &fields.reposts},
      {replies, &fields.replies},
      {quotes, &fields.quotes}};
  for (const auto& [field, names] : lists) {
    for (std::size_t rank = 0; rank < names->size(); ++rank) {
      const std::string& name = (*names)[rank];
      // A dotted path ("user.screen_name") needs a nested object, which a flat record does not have.
      if (name.find('.') == std::string::npos) names_.push_back({name, field, static_cast<std::uint32_t>(rank)});
    }
  }
  names_.push_back({"kind", kind, 0});
  std::stable_sort(names_.begin(), names_.end(),
                   [](const Name& a, const Name& b) { return bucket(a.name) < bucket(b.name); });
  bucket_start_.assign(kBuckets + 1, 0);
  for (const Name& name : names_) ++bucket_start_[bucket(name.name) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b) bucket_start_[b + 1] += bucket_start_[b];
}

std::size_t FlatFields::bucket(std::string_view key) {
  if (key.empty()) return 0;
  const auto first = static_cast<unsigned char>(key.front()), last = static_cast<unsigned char>(key.back());
  return (key.size() * 7 + first * 3 + last) % kBuckets;
}

void FlatFields::find(const FlatObject& record, const FlatValue* (&found)[kCount]) const {
  std::uint32_t best[kCount];
  for (std::size_t f = 0; f < kCount; ++f) {
    found[f] = nullptr;
    best[f] = UINT32_MAX;
  }
  for (const FlatObject::Member& member : record.members()) {
    if (member.value.kind == FlatValue::Kind::null) continue;  // as if absent
    const std::size_t b = bucket(member.key);
    for (std::size_t i = bucket_start_[b]; i < bucket_start_[b + 1]; ++i) {
      const Name& name = names_[i];
      if (name.name == member.key && name.rank < best[name.field]) {
        best[name.field] = name.rank;
        found[name.field] = &member.value;
      }
    }
  }
}

bool post_from_flat(const FlatObject& record, const FlatFields& fields, Post& post) {
  post.clear();
  const FlatValue* found[FlatFields::kCount];
  fields.find(record, found);
  const FlatValue* text = found[FlatFields::text];
  if (text == nullptr || text->kind != FlatValue::Kind::string || is_blank(text->text)) return false;
  post.text.assign(text->text);
  if (const FlatValue* v = found[FlatFields::id]; v != nullptr && !scalar_text(*v, post.id)) return false;
  if (const FlatValue* v = found[FlatFields::author]; v != nullptr && !scalar_text(*v, post.author)) return false;
  if (const FlatValue* v = found[FlatFields::created_at]; v != nullptr) {
    post.created_at = time_of(*v);
    if (!post.created_at) return false;
  }
  if (const FlatValue* v = found[FlatFields::in_reply_to]; v != nullptr) {
    if (!scalar_text(*v, post.reply_to_id)) return false;
    post.kind = PostKind::reply;
  }
  if (const FlatValue* v = found[FlatFields::in_reply_to_author]; v != nullptr) {
    scalar_text(*v, post.reply_to_author);  // no warning when it is no name, as in post_from_json
  }
  if (const FlatValue* v = found[FlatFields::url]; v != nullptr && v->kind == FlatValue::Kind::string) {
    post.url.assign(v->text);
  }
  const auto count = [&](FlatFields::Field field, std::optional<std::int64_t>& target) {
    if (const FlatValue* v = found[field]; v != nullptr) {
      target = count_of(*v);
      return target.has_value();
    }
    return true;
  };
  if (!count(FlatFields::likes, post.likes) || !count(FlatFields::reposts, post.reposts) ||
      !count(FlatFields::replies, post.replies) || !count(FlatFields::quotes, post.quotes)) {
    return false;
  }
  if (const FlatValue* kind = found[FlatFields::kind]; kind != nullptr && kind->kind == FlatValue::Kind::string) {
    if (kind->text == "repost") post.kind = PostKind::repost;
    else if (kind->text == "quote") post.kind = PostKind::quote;
    else if (kind->text == "reply") post.kind = PostKind::reply;
    else if (kind->text == "original") post.kind = PostKind::original;
    else return false;
  }
  return true;
}

bool post_from_flat(const FlatObject& record, const FieldMapping& fields, Post& post) {
  return post_from_flat(record, FlatFields(fields), post);
}

}  // namespace loopscore
