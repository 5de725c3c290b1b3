// The JSON Lines fast path (flat_json.hpp) against the DOM path it stands in for: whenever it
// reads a record, nlohmann must read it too and post_from_json must fill the very same Post with
// no skip and no warning. Hand-picked edge cases, then many random mutations of real records.
#include "flat_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "json_fields.hpp"
#include "json_stream.hpp"
#include "utf8.hpp"

namespace loopscore {
namespace {

bool same_post(const Post& a, const Post& b) {
  return a.id == b.id && a.id_generated == b.id_generated && a.author == b.author && a.text == b.text &&
         a.created_at == b.created_at && a.reply_to_id == b.reply_to_id && a.reply_to_author == b.reply_to_author &&
         a.likes == b.likes && a.reposts == b.reposts && a.replies == b.replies && a.quotes == b.quotes &&
         a.kind == b.kind && a.platform == b.platform && a.url == b.url && a.record == b.record;
}

// True when the fast path reads `line` (repaired as ReadContext repairs every input); then checks
// it agrees with the DOM path.
bool check_line(const std::string& raw, const FieldMapping& fields = {}) {
  std::string line;
  repair_utf8(raw, line);
  FlatObject flat;
  Post fast;
  if (!flat.parse(line) || !post_from_flat(flat, fields, fast)) return false;
  EXPECT_EQ(scan_json_nesting(line, 1), std::string_view::npos) << line;
  nlohmann::json dom;
  try {
    dom = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "the fast path read what nlohmann refuses (" << e.what() << "): " << line;
    return true;
  }
  Post slow;
  std::vector<std::string> warnings;
  const std::string problem = post_from_json(dom, fields, slow, warnings);
  EXPECT_EQ(problem, "") << line;
  EXPECT_TRUE(warnings.empty()) << line << ": " << (warnings.empty() ? "" : warnings[0]);
  EXPECT_TRUE(same_post(fast, slow)) << line << "\nfast text: " << fast.text << "\nslow text: " << slow.text;
  return true;
}

TEST(FlatJson, ReadsTheUsualRecord) {
  EXPECT_TRUE(check_line(R"({"id":"17","author":"ann","text":"Hi @bob 😀","created_at":"2024-01-01T00:00:46.042Z","likes":91,"reposts":0})"));
  EXPECT_TRUE(check_line(R"(  { "id" : 17 , "text" : "x" , "in_reply_to" : -0 , "kind" : "quote" }  )"));
  EXPECT_TRUE(check_line("{\"text\":\"x\"}\r"));
  EXPECT_TRUE(check_line(R"({"text":"tab\tnew\nquote\"slash\/back\\uni\u00e9\ud83d\ude00\u0000\b\f\r\u20AC","id":null,"id_str":"9"})"));
  EXPECT_TRUE(check_line(R"({"text":"x","created_at":1366044279,"likes":"12","quotes":"0"})"));
  EXPECT_TRUE(check_line(R"({"text":"x","created_at":1366044279000,"likes":"12","replies":9223372036854775807})"));
  EXPECT_TRUE(check_line(R"({"text":"x","score":1.25,"big":123456789012345678901234567890,"neg":-9223372036854775808,"ok":true,"no":false})"));
  EXPECT_TRUE(check_line(R"({"message":"x","user.name":"literal dotted key","url":5,"in_reply_to_author":true})"));
}

TEST(FlatJson, LeavesEverythingElseToTheDomPath) {
  for (const std::string line : {
           R"({"text":"x","user":{"screen_name":"ann"}})",   // nested
           R"({"text":"x","tags":["a"]})",                   // nested
           R"({"text":"x","n":1e5})",                        // exponent
           R"({"text":"x","n":01})",                         // invalid
           R"({"text":"x","n":-})",                          // invalid
           R"({"text":"x","n":1.})",                         // invalid
           R"({"te\u0078t":"x"})",                           // escaped key
           R"({"text":"x","text":"y"})",                     // repeated key
           R"({"text":"a\qb"})",                             // bad escape
           R"({"text":"\ud83d"})",                           // lone high surrogate
           R"({"text":"\ude00"})",                           // lone low surrogate
           "{\"text\":\"a\tb\"}",                            // raw control character
           "\xEF\xBB\xBF{\"text\":\"x\"}",                   // byte order mark
           R"({"text":"x"} {})",                             // trailing text
           R"({"text":"x",})",                               // trailing comma
           R"(["text"])", R"("text")", R"({})", "",          // not a post object
           R"({"text":"  "})",                               // blank text: skipped
           R"({"text":5})",                                  // not a string: skipped
           R"({"text":"x","likes":-3})",                     // warnings
           R"({"text":"x","likes":2.0})",
           R"({"text":"x","likes":"1e3"})",
           R"({"text":"x","created_at":"yesterday"})",
           R"({"text":"x","created_at":1366044279.5})",
           R"({"text":"x","created_at":-5})",
           R"({"text":"x","id":true})",
           R"({"text":"x","author":1.5})",
           R"({"text":"x","in_reply_to":false})",
           R"({"text":"x","kind":"boost"})",
           R"({"text":"x","id":18446744073709551616})",    // a double to nlohmann
           R"({"text":"x","quotes":18446744073709551615})",  // a count over 63 bits
       }) {
    EXPECT_FALSE(check_line(line)) << line;
  }
}

TEST(FlatJson, FollowsTheFieldMapping) {
  FieldMapping fields;
  fields.prefer("text", "body");
  fields.prefer("author", "user.screen_name");
  EXPECT_TRUE(check_line(R"({"text":"not this","body":"this","user":"ann","author":"bob"})", fields));
}

// FlatFields looks each member up once: the first non-null name in list order must still win,
// a name may stand for two fields, an empty name is a name, and a literal dotted key is no path.
TEST(FlatJson, FieldIndexPicksWhatFirstFieldPicks) {
  FieldMapping fields;
  fields.prefer("id", "user");
  fields.prefer("text", "");
  fields.prefer("url", "link");
  fields.prefer("likes", "a.b");
  EXPECT_TRUE(check_line(R"({"text":"t","user":"ann","id":"7","author":"bob"})", fields));
  EXPECT_TRUE(check_line(R"({"":"empty name","text":"t"})", fields));
  EXPECT_TRUE(check_line(R"({"text":"t","user":null,"id":"7","author":null,"username":"cy","kind":null})", fields));
  EXPECT_TRUE(check_line(R"({"url":"https://b","text":"t","link":"https://a","permalink":"https://c"})", fields));
  EXPECT_TRUE(check_line(R"({"text":"t","a.b":"5","likes":3,"like_count":4})", fields));
  EXPECT_TRUE(check_line(R"({"favourites_count":1,"favorite_count":2,"text":"t","like_count":null,"time":5,"date":"2024-01-01"})"));
  EXPECT_TRUE(check_line(R"({"kind":"repost","text":"t","in_reply_to_status_id_str":"1","parent_id":"2"})"));
  Post post;
  FlatObject flat;
  ASSERT_TRUE(flat.parse(R"({"text":"t","user":"ann","id":"7","like_count":null,"favorite_count":2,"likes":null})"));
  ASSERT_TRUE(post_from_flat(flat, FlatFields(fields), post));
  EXPECT_EQ(post.id, "ann");
  EXPECT_EQ(post.author, "ann");
  EXPECT_EQ(post.likes, 2);
}

// Random mutations of real records: whatever the fast path accepts, the DOM path reads alike.
TEST(FlatJson, AgreesWithTheDomPathOnMutatedRecords) {
  const std::vector<std::string> seeds = {
      R"({"id":"1750000000000000001","author":"user29125","text":"@northwind Hey can't stop using it?!","created_at":"2024-01-01T00:01:10.891Z","likes":8,"reposts":5})",
      R"({"id":42,"text":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/","in_reply_to":"41","in_reply_to_author":"ann","kind":"reply","url":"https://x.example/1"})",
      R"({"full_text":"x y","id_str":"7","timestamp":1700000000,"like_count":"3","retweet_count":0,"quote_count":null,"score":-0.5})",
  };
  const std::string alphabet = "{}[]\":,\\/ -+.0123456789eEtrufalsnbfdD\x01\t\r\xC3\xA9ux";
  std::mt19937 random(12345);
  int read = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string line = seeds[random() % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const std::size_t at = random() % line.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: line[at] = c; break;
        case 1: line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: line.erase(at, 1 + random() % 3); break;
      }
    }
    read += check_line(line);
  }
  EXPECT_GT(read, 1000);  // the mutations left many records readable: the comparison means something
}

}  // namespace
}  // namespace loopscore
