// CSV with a header row: columns found through the FieldMapping (names compared ignoring case),
// plus a few more usual names for the text.
#include <charconv>

#include "csv.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

// Text column names tried after the mapping's: what spreadsheets and exports tend to call it.
const std::vector<std::string> kMoreTextNames{"post", "tweet", "comment", "caption", "sharecommentary", "description"};

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "\"" : ", \"") + name + '"';
  return out;
}

std::optional<std::int64_t> parse_count(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

class GenericCsv : public CsvProfile {
 public:
  void header(ReadContext& context, const std::vector<std::string>& names, const SourceLocation& where) override {
    names_ = names;
    const FieldMapping& fields = context.options().fields;
    const std::vector<std::string> text_names = csv_text_names(fields);
    text_ = find(text_names);
    if (text_ == kNoColumn) {
      throw InputError("no text column in the CSV header (looked for " + quoted_list(text_names) +
                           "); name it with --field text=COLUMN",
                       where);
    }
    id_ = find(fields.id);
    author_ = find(fields.author);
    created_at_ = find(fields.created_at);
    in_reply_to_ = find(fields.in_reply_to);
    in_reply_to_author_ = find(fields.in_reply_to_author);
    likes_ = find(fields.likes);
    reposts_ = find(fields.reposts);
    replies_ = find(fields.replies);
    quotes_ = find(fields.quotes);
    url_ = find(fields.url);
  }

  void row(ReadContext& context, const std::vector<std::string>& cells, const SourceLocation& where) override {
    post_.clear();
    const auto cell = [&cells](std::size_t column) -> const std::string& {
      static const std::string kEmpty;
      return column < cells.size() ? cells[column] : kEmpty;
    };
    post_.text = cell(text_);
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      context.skip(where, "empty text in column \"" + names_[text_] + "\"");
      return;
    }
    if (cells.size() > names_.size()) {
      context.warn(where, "the row has " + std::to_string(cells.size()) + " cells and the header " +
                              std::to_string(names_.size()) + " names: the extra cells are ignored");
    }
    post_.id = cell(id_);
    post_.author = cell(author_);
    post_.url = cell(url_);
    post_.reply_to_author = cell(in_reply_to_author_);
    post_.reply_to_id = cell(in_reply_to_);
    if (!post_.reply_to_id.empty()) post_.kind = PostKind::reply;
    if (!cell(created_at_).empty()) {
      post_.created_at = parse_time(cell(created_at_));
      if (!post_.created_at) {
        context.warn(where, "column \"" + names_[created_at_] + "\" (\"" + cell(created_at_).substr(0, 60) +
                                "\") is not a date; time left unknown");
      }
    }
    count(context, where, cells, likes_, post_.likes);
    count(context, where, cells, reposts_, post_.reposts);
    count(context, where, cells, replies_, post_.replies);
    count(context, where, cells, quotes_, post_.quotes);
    context.use(post_, where);
  }

 private:
  std::size_t find(const std::vector<std::string>& candidates) const {
    for (const std::string& candidate : candidates) {
      for (std::size_t i = 0; i < names_.size(); ++i) {
        if (same_column_name(names_[i], candidate)) return i;
      }
    }
    return kNoColumn;
  }

  void count(ReadContext& context, const SourceLocation& where, const std::vector<std::string>& cells,
             std::size_t column, std::optional<std::int64_t>& target) const {
    if (column >= cells.size() || cells[column].empty()) return;
    target = parse_count(cells[column]);
    if (!target) {
      context.warn(where, "column \"" + names_[column] + "\" (\"" + cells[column].substr(0, 40) + "\") is not a count");
    }
  }

  std::vector<std::string> names_;
  std::size_t text_ = kNoColumn, id_ = kNoColumn, author_ = kNoColumn, created_at_ = kNoColumn;
  std::size_t in_reply_to_ = kNoColumn, in_reply_to_author_ = kNoColumn, url_ = kNoColumn;
  std::size_t likes_ = kNoColumn, reposts_ = kNoColumn, replies_ = kNoColumn, quotes_ = kNoColumn;
  Post post_;
};

}  // namespace

std::vector<std::string> csv_text_names(const FieldMapping& fields) {
  std::vector<std::string> names = fields.text;
  names.insert(names.end(), kMoreTextNames.begin(), kMoreTextNames.end());
  return names;
}

std::unique_ptr<FormatReader> make_csv_reader() { return make_csv_format_reader(std::make_unique<GenericCsv>()); }

}  // namespace loopscore
