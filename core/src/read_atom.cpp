// Atom feeds: each <entry> a post, from its title and content (or summary), published (or
// updated), link rel="alternate", id and author.
#include "feed_items.hpp"
#include "html_text.hpp"
#include "loopscore/time.hpp"
#include "xml_document.hpp"

namespace loopscore {

namespace {

// The plain text of an Atom text construct (type "text", "html" or "xhtml").
std::string text_construct(const XmlNode* node) {
  if (node == nullptr) return "";
  const std::string_view type = xml_attribute(node, "type");
  if (type == "html" || type == "text/html") return html_to_text(xml_text(node));
  if (type == "xhtml") return html_to_text(xml_inner_markup(node));
  // Plain text: the XML parser has decoded it already; only its white space needs tidying.
  return html_to_text(xml_text(node));
}

// The href of the entry's rel="alternate" link (a link without rel is one).
std::string alternate_link(const XmlNode* entry) {
  for (const XmlNode* link = xml_child(entry, "link"); link != nullptr; link = xml_next(link)) {
    const std::string_view rel = xml_attribute(link, "rel");
    if (rel.empty() || rel == "alternate") return std::string(xml_attribute(link, "href"));
  }
  return "";
}

class AtomReader : public XmlFormatReader {
 protected:
  void read_document(ReadContext& context, const XmlDocument& document) override {
    const XmlNode* feed = document.root();
    std::string_view name(feed->name(), feed->name_size());
    if (name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1) != "feed") {
      throw InputError("not an Atom feed: the root element is <" + std::string(name) + ">, not <feed>",
                       context.at(document.offset_of(feed)));
    }
    const std::string link = alternate_link(feed);
    const Platform platform = feed_platform(link, xml_child_text(feed, "generator"));
    AccountInfo account;
    account.platform = platform;
    account.handle = feed_handle(link);
    account.display_name = text_construct(xml_child(feed, "title"));
    if (!account.handle.empty() || !account.display_name.empty()) context.add_account(account);
    const std::string feed_author = xml_child_text(xml_child(feed, "author"), "name");
    for (const XmlNode* entry = xml_child(feed, "entry"); entry != nullptr; entry = xml_next(entry)) {
      read_entry(context, document, entry, platform, feed_author);
    }
  }

 private:
  void read_entry(ReadContext& context, const XmlDocument& document, const XmlNode* entry, Platform platform,
                  const std::string& feed_author) {
    const SourceLocation where = context.at(document.offset_of(entry), context.next_record());
    post_.clear();
    post_.platform = platform;
    post_.id = xml_child_text(entry, "id");
    post_.url = alternate_link(entry);
    post_.author = xml_child_text(xml_child(entry, "author"), "name");
    if (post_.author.empty()) post_.author = feed_author;
    const XmlNode* content = xml_child(entry, "content");
    std::string body = content != nullptr && xml_attribute(content, "src").empty() ? text_construct(content) : "";
    if (body.empty()) body = text_construct(xml_child(entry, "summary"));
    post_.text = feed_item_text(text_construct(xml_child(entry, "title")), body);
    std::string date = xml_child_text(entry, "published");
    if (date.empty()) date = xml_child_text(entry, "updated");
    if (!date.empty()) {
      post_.created_at = parse_time(date);
      if (!post_.created_at) {
        context.warn(where, "<published> (\"" + date.substr(0, 60) + "\") is not a date; time left unknown");
      }
    }
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      context.skip(where, "an entry without a title, content or summary");
      return;
    }
    context.use(post_, where);
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_atom_reader() { return std::make_unique<AtomReader>(); }

}  // namespace loopscore
