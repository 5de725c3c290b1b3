// HTML to plain text, character references, and the mojibake of Facebook exports.
#include <gtest/gtest.h>

#include "html_text.hpp"
#include "utf8.hpp"

namespace loopscore {
namespace {

TEST(HtmlToText, ParagraphsBreaksLinksAndEntities) {
  EXPECT_EQ(html_to_text("<p>One &amp; two</p><p>Three<br>four<br/>five</p>"), "One & two\n\nThree\nfour\nfive");
  EXPECT_EQ(html_to_text("<p>It&#39;s &#x1F600; &quot;fine&quot;&nbsp;&hellip;</p>"), "It's 😀 \"fine\" …");
  EXPECT_EQ(html_to_text("see <a href=\"https://x.example/a?b=1&amp;c=2\">the <b>docs</b></a>!"), "see the docs!");
  EXPECT_EQ(html_to_text("a   b\n\t c"), "a b c");
  EXPECT_EQ(html_to_text("<ul><li>one</li><li>two</li></ul>after"), "one\ntwo\nafter");
}

TEST(HtmlToText, MastodonMarkup) {
  EXPECT_EQ(html_to_text(
                "<p><span class=\"h-card\"><a href=\"https://m.example/@ann\" class=\"u-url mention\">@<span>ann</span>"
                "</a></span> hi <a href=\"https://m.example/tags/Tea\" class=\"mention hashtag\">#<span>Tea</span></a>"
                " :blobcat:</p>"),
            "@ann hi #Tea :blobcat:");
  EXPECT_EQ(
      html_to_text("<a href=\"https://example.org/very/long/path\"><span class=\"invisible\">https://</span>"
                   "<span class=\"ellipsis\">example.org/very</span><span class=\"invisible\">/long/path</span></a>"),
      "example.org/very…");
  EXPECT_EQ(html_to_text("party <img src=\"e.png\" alt=\":party:\" class=\"emojione\"> time"), "party :party: time");
}

TEST(HtmlToText, ScriptsCommentsAndBrokenMarkup) {
  EXPECT_EQ(html_to_text("a<script>alert('<p>x</p>')</script>b<style>p{}</style>c<!-- <p>hidden</p> -->d"), "abcd");
  EXPECT_EQ(html_to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
  EXPECT_EQ(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
  EXPECT_EQ(html_to_text("<a href=\"x"), "<a href=\"x");  // never a tag: kept as text
  EXPECT_EQ(html_to_text("&unknown; &#0; &#xD800; &amp"), "&unknown; \xEF\xBF\xBD \xEF\xBF\xBD &amp");
  EXPECT_EQ(html_to_text(""), "");
}

TEST(HtmlEntities, DecodingPlainText) {
  EXPECT_EQ(decode_html_entities("caf&eacute; &copy; &euro;5 &lt;3"), "café © €5 <3");
  EXPECT_EQ(decode_basic_entities("a &amp;lt; b &lt; c &gt; d &quot;"), "a &lt; b < c > d &quot;");
}

TEST(Mojibake, LatinOneReadBytesAreRepaired) {
  EXPECT_EQ(fix_latin1_mojibake("Worth reading \xC3\xB0\xC2\x9F\xC2\x98\xC2\x82"), "Worth reading 😂");
  EXPECT_EQ(fix_latin1_mojibake("D\xC3\x84\xC2\x9Bkuji"), "Děkuji");
  EXPECT_EQ(fix_latin1_mojibake("plain ascii"), "plain ascii");
  EXPECT_EQ(fix_latin1_mojibake("café"), "café");          // é alone is not UTF-8 bytes: left as is
  EXPECT_EQ(fix_latin1_mojibake("Děkuji 😀"), "Děkuji 😀");  // real UTF-8 above U+00FF: left as is
}

}  // namespace
}  // namespace loopscore
