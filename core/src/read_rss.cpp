// RSS 2.0 (and RSS 1.0/RDF) feeds: each <item> a post, from its title and description
// (or content:encoded), pubDate, link and guid. Mastodon's and Bluesky's account feeds too.
#include "feed_items.hpp"
#include "html_text.hpp"
#include "loopscore/time.hpp"
#include "xml_document.hpp"

namespace loopscore {

namespace {

bool is_space_only(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

class RssReader : public XmlFormatReader {
 protected:
  void read_document(ReadContext& context, const XmlDocument& document) override {
    const XmlNode* root = document.root();
    const std::string_view root_name(root->name(), root->name_size());
    if (root_name != "rss" && root_name != "rdf:RDF") {
      throw InputError("not an RSS feed: the root element is <" + std::string(root_name) + ">, not <rss>",
                       context.at(document.offset_of(root)));
    }
    const XmlNode* channel = xml_child(root, "channel");
    if (channel == nullptr) throw InputError("not an RSS feed: no <channel>", context.at(document.offset_of(root)));
    const std::string link = xml_child_text(channel, "link");
    const Platform platform = feed_platform(link, xml_child_text(channel, "generator"));
    AccountInfo account;
    account.platform = platform;
    account.handle = feed_handle(link);
    account.display_name = html_to_text(xml_child_text(channel, "title"));
    if (!account.handle.empty() || !account.display_name.empty()) context.add_account(account);
    // RSS 2.0 puts the items in the channel, RSS 1.0 next to it.
    const XmlNode* item = xml_child(channel, "item");
    if (item == nullptr) item = xml_child(root, "item");
    for (; item != nullptr; item = xml_next(item)) read_item(context, document, item, platform);
  }

 private:
  void read_item(ReadContext& context, const XmlDocument& document, const XmlNode* item, Platform platform) {
    const SourceLocation where = context.at(document.offset_of(item), context.next_record());
    post_.clear();
    post_.platform = platform;
    post_.url = xml_child_text(item, "link");
    post_.id = xml_child_text(item, "guid");
    if (post_.id.empty()) post_.id = post_.url;
    if (post_.url.empty() && xml_attribute(xml_child(item, "guid"), "isPermaLink") != "false") post_.url = post_.id;
    post_.author = xml_child_text(item, "author");
    if (post_.author.empty()) post_.author = xml_child_text(item, "dc:creator");
    std::string body = xml_child_text(item, "content:encoded");
    if (is_space_only(body)) body = xml_child_text(item, "description");
    std::string title = html_to_text(xml_child_text(item, "title"));
    // Bluesky titles every item "@handle post": a label, not words of the post.
    if (platform == Platform::bluesky && title.size() > 5 && title.compare(title.size() - 5, 5, " post") == 0) {
      title.clear();
    }
    post_.text = feed_item_text(title, html_to_text(body));
    std::string date = xml_child_text(item, "pubDate");
    if (date.empty()) date = xml_child_text(item, "dc:date");
    if (!date.empty()) {
      post_.created_at = parse_time(date);
      if (!post_.created_at) {
        context.warn(where, "<pubDate> (\"" + date.substr(0, 60) + "\") is not a date; time left unknown");
      }
    }
    if (is_space_only(post_.text)) {
      context.skip(where, "an item without a title or description");
      return;
    }
    context.use(post_, where);
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_rss_reader() { return std::make_unique<RssReader>(); }

}  // namespace loopscore
