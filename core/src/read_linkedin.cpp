// LinkedIn's data export: Shares.csv (your posts), Comments.csv (your comments) and
// Reactions.csv (your likes, which carry no text: listed as skipped).
#include <algorithm>

#include "csv.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

namespace {

enum class LinkedInFile { shares, comments, reactions };

bool has_name(const std::vector<std::string>& names, std::string_view name) {
  return std::any_of(names.begin(), names.end(), [name](const std::string& n) { return same_column_name(n, name); });
}

// "urn:li:ugcPost:7458..." from ".../feed/update/urn%3Ali%3AugcPost%3A7458...".
std::string urn_from_link(std::string_view link) {
  const std::size_t start = link.find("urn%3A") != std::string_view::npos ? link.find("urn%3A") : link.find("urn:");
  if (start == std::string_view::npos) return "";
  std::string urn;
  for (std::size_t i = start; i < link.size() && link[i] != '/' && link[i] != '?'; ++i) {
    if (link.compare(i, 3, "%3A") == 0 || link.compare(i, 3, "%3a") == 0) {
      urn += ':';
      i += 2;
    } else {
      urn += link[i];
    }
  }
  return urn;
}

class LinkedInCsv : public CsvProfile {
 public:
  void header(ReadContext& context, const std::vector<std::string>& names, const SourceLocation& where) override {
    names_ = names;
    if (has_name(names, "ShareCommentary")) {
      file_ = LinkedInFile::shares;
      text_ = column("ShareCommentary");
      link_ = column("ShareLink");
    } else if (has_name(names, "Message")) {
      file_ = LinkedInFile::comments;
      text_ = column("Message");
      link_ = column("Link");
    } else if (has_name(names, "Type")) {
      file_ = LinkedInFile::reactions;
      type_ = column("Type");
      link_ = column("Link");
      context.allow_no_posts();
    } else {
      throw InputError(
          "not a LinkedIn Shares.csv, Comments.csv or Reactions.csv header (no ShareCommentary, "
          "Message or Type column)",
          where);
    }
    date_ = column("Date");
  }

  void row(ReadContext& context, const std::vector<std::string>& cells, const SourceLocation& where) override {
    const auto cell = [&cells](std::size_t column) -> std::string {
      return column < cells.size() ? cells[column] : std::string();
    };
    if (file_ == LinkedInFile::reactions) {
      context.skip(where, "a " + cell(type_) + " reaction to " + cell(link_) + ": reactions carry no text");
      return;
    }
    post_.clear();
    post_.platform = Platform::linkedin;
    post_.text = cell(text_);
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      context.skip(where, file_ == LinkedInFile::shares ? "a share without commentary" : "an empty comment");
      return;
    }
    const std::string link = cell(link_);
    const std::string urn = urn_from_link(link);
    if (file_ == LinkedInFile::shares) {
      post_.id = urn;
      post_.url = link;
    } else {  // a comment on the post at Link
      post_.kind = PostKind::reply;
      post_.reply_to_id = urn;
      post_.url = link;
    }
    if (const std::string date = cell(date_); !date.empty()) {
      post_.created_at = parse_time(date);
      if (!post_.created_at) context.warn(where, "column \"Date\" (\"" + date.substr(0, 60) + "\") is not a date");
    }
    context.use(post_, where);
  }

 private:
  std::size_t column(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (same_column_name(names_[i], name)) return i;
    }
    return names_.size();
  }

  std::vector<std::string> names_;
  LinkedInFile file_ = LinkedInFile::shares;
  std::size_t text_ = 0, link_ = 0, date_ = 0, type_ = 0;
  Post post_;
};

}  // namespace

bool is_linkedin_header(const std::vector<std::string>& names) {
  if (has_name(names, "ShareCommentary") || has_name(names, "ShareLink")) return true;
  const bool date_link = names.size() == 3 && has_name(names, "Date") && has_name(names, "Link");
  return date_link && (has_name(names, "Message") || has_name(names, "Type"));
}

std::unique_ptr<FormatReader> make_linkedin_reader() { return make_csv_format_reader(std::make_unique<LinkedInCsv>()); }

}  // namespace loopscore
