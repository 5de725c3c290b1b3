// The fast paths of the X archive and Mastodon readers (json_tree.hpp, read without a nlohmann
// DOM) against their DOM paths. Every input is read twice: as it is, and with a key only nlohmann
// reads (an escaped one) opening each array element, which sends every element down the DOM path.
// Posts, skips, warnings and accounts must be the same; and the fast path must have read the plain
// records. The fixtures, then random mutations of a tweet and of a status: values of every type
// where each field is read, escapes, repeated keys.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "json_input.hpp"
#include "json_tree.hpp"
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using nlohmann::json;

struct Reading {
  std::vector<Post> posts;
  ReadSummary summary;
  std::string error;  // an InputError's message, if reading threw
};

Reading read(const std::string& input, InputFormat format) {
  Reading r;
  ReadOptions options;
  options.format = format;
  try {
    r.posts = read_all_posts(input, options, &r.summary);
  } catch (const InputError& e) {
    r.error = e.what();
  }
  return r;
}

bool same_post(const Post& a, const Post& b) {
  return a.id == b.id && a.id_generated == b.id_generated && a.author == b.author && a.text == b.text &&
         a.created_at == b.created_at && a.reply_to_id == b.reply_to_id && a.reply_to_author == b.reply_to_author &&
         a.likes == b.likes && a.reposts == b.reposts && a.replies == b.replies && a.quotes == b.quotes &&
         a.kind == b.kind && a.platform == b.platform && a.url == b.url && a.record == b.record;
}

// Issues compared by record and reason (the escaped key moves their columns).
void expect_same_issues(const std::vector<RecordIssue>& fast, const std::vector<RecordIssue>& dom, const std::string& what) {
  ASSERT_EQ(fast.size(), dom.size()) << what;
  for (std::size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i].where.record, dom[i].where.record) << what;
    EXPECT_EQ(fast[i].reason, dom[i].reason) << what;
  }
}

// The array of `elements` (JSON texts) after `prefix`, read both ways as `format`; returns how many
// elements the fast path read.
std::size_t check_both_ways(const std::vector<std::string>& elements, const std::string& prefix = "window.YTD.tweets.part0 = ",
                            InputFormat format = InputFormat::x_archive) {
  std::string plain = prefix + "[\n", forced = plain;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const std::string& e = elements[i];
    plain += (i ? ",\n" : "") + e;
    const std::size_t brace = e.find('{');
    forced += (i ? ",\n" : "") + (brace == std::string::npos ? e : e.substr(0, brace + 1) + R"("\u0078":0,)" + e.substr(brace + 1));
  }
  plain += "\n]\n";
  forced += "\n]\n";
  const std::size_t before = elements_read_without_dom();
  const Reading fast = read(plain, format);
  const std::size_t read_fast = elements_read_without_dom() - before;
  const Reading dom = read(forced, format);
  EXPECT_EQ(elements_read_without_dom() - before, read_fast) << "the escaped key must send every element to the DOM path";
  const std::string what = plain.substr(0, 2000);
  EXPECT_EQ(fast.error.empty(), dom.error.empty()) << what << "\n" << fast.error << dom.error;
  if (!fast.error.empty()) return read_fast;
  EXPECT_EQ(fast.posts.size(), dom.posts.size()) << what;
  for (std::size_t i = 0; i < std::min(fast.posts.size(), dom.posts.size()); ++i) {
    EXPECT_TRUE(same_post(fast.posts[i], dom.posts[i])) << what << "\npost " << i << ": " << fast.posts[i].text << " | "
                                                        << dom.posts[i].text;
  }
  EXPECT_EQ(fast.summary.records_read, dom.summary.records_read) << what;
  EXPECT_EQ(fast.summary.records_skipped, dom.summary.records_skipped) << what;
  EXPECT_EQ(fast.summary.warning_count, dom.summary.warning_count) << what;
  expect_same_issues(fast.summary.skipped, dom.summary.skipped, what);
  expect_same_issues(fast.summary.warnings, dom.summary.warnings, what);
  EXPECT_EQ(fast.summary.accounts.size(), dom.summary.accounts.size()) << what;
  for (std::size_t i = 0; i < std::min(fast.summary.accounts.size(), dom.summary.accounts.size()); ++i) {
    const AccountInfo &a = fast.summary.accounts[i], &b = dom.summary.accounts[i];
    EXPECT_TRUE(a.handle == b.handle && a.display_name == b.display_name && a.followers == b.followers &&
                a.following == b.following && a.posts == b.posts && a.platform == b.platform) << what;
  }
  return read_fast;
}

// The elements of an archive fixture, as their JSON texts.
std::vector<std::string> fixture_elements(const std::string& name) {
  const std::string text = testing::read_file(testing::fixture_path(name));
  const json array = json::parse(text.substr(text.find('[')));
  std::vector<std::string> out;
  for (const json& element : array) out.push_back(element.dump(2));
  return out;
}

TEST(XArchiveFastPath, ReadsTheFixturesAsTheDomPathDoes) {
  const std::vector<std::string> tweets = fixture_elements("x-archive/tweets.js");
  EXPECT_EQ(check_both_ways(tweets), tweets.size()) << "every tweet of the fixture takes the fast path";
  // The older format: the unwrapped tweet reads fast; a bad date and count (warnings) and a tweet
  // with only a photo (skipped) are the DOM path's to word.
  EXPECT_EQ(check_both_ways(fixture_elements("x-archive/tweet-older-format.js")), 1u);
  std::vector<std::string> compact;
  for (const std::string& e : tweets) compact.push_back(json::parse(e).dump(-1, ' ', true));  // \u escapes
  EXPECT_EQ(check_both_ways(compact), compact.size());
}

TEST(XArchiveFastPath, GivesUpWhereOnlyTheDomPathCanSay) {
  const std::string base = R"({"tweet":{"id_str":"5","full_text":"hi there","created_at":"Mon Mar 04 08:15:00 +0000 2024"}})";
  EXPECT_EQ(check_both_ways({base}), 1u);
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","full_text":"hi","created_at":"not a date"}})"}), 0u);  // a warning
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","full_text":"hi","favorite_count":"many"}})"}), 0u);
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","full_text":"  "}})"}), 0u);  // skipped: no text
  EXPECT_EQ(check_both_ways({R"({"tweet":"not an object"})"}), 0u);
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","id_str":"6","full_text":"hi"}})"}), 0u);  // repeated key
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","full_text":"hi","favorite_count":1e2}})"}), 0u);
  std::string wide = R"({"tweet":{"id_str":"5","full_text":"hi")";
  for (std::size_t k = 0; k < JsonTree::kMaxMembers; ++k) wide += ",\"k" + std::to_string(k) + "\":" + std::to_string(k);
  EXPECT_EQ(check_both_ways({wide + "}}"}), 0u) << "an object wider than kMaxMembers is left to nlohmann";
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id":5,"full_text":"RT @ann: hi","retweeted":true,"user":{"screen_name":"bo"}}})"}), 1u);
  EXPECT_EQ(check_both_ways({R"({"tweet":{"id_str":"5","full_text":"hi"}})"}, "window.YTD.account.part0 = "), 0u);
}

// Sets 1 to 4 of `keys` of `object` to values from `pick()`, or erases them.
template <typename Pick>
void mutate(json& object, const std::vector<std::string>& keys, std::mt19937& random, Pick pick) {
  for (int changes = 1 + static_cast<int>(random() % 4); changes > 0; --changes) {
    const std::string& key = keys[random() % keys.size()];
    if (random() % 5 == 0) object.erase(key);
    else object[key] = pick();
  }
}

// 300 arrays of 8 elements from `make()`, each read both ways; the fast path must have read many
// of them but not all.
template <typename Make>
void expect_mutations_agree(Make make, const std::string& prefix, InputFormat format) {
  std::size_t fast_total = 0, elements_total = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> elements;
    for (int e = 0; e < 8; ++e) elements.push_back(make());
    fast_total += check_both_ways(elements, prefix, format);
    elements_total += elements.size();
  }
  EXPECT_GT(fast_total, elements_total / 4) << "the mutations must leave many records to the fast path";
  EXPECT_LT(fast_total, elements_total) << "and some to the DOM path";
}

// A random value of any JSON type, among those the reader meets and those it must refuse.
json random_value(std::mt19937& random) {
  static const std::vector<json> values = {
      nullptr, true, false, 0, -1, 42, 1.5, 9007199254740993.0, json::parse("123456789012345678901234567890"), "",
      " ", "12", "-3", "abc", "Mon Mar 04 08:15:00 +0000 2024", "2024-01-01T00:00:00Z", "1709540100",
      "RT @ann: quoted", "tab\tquote\"back\\slash", "caf\u00e9 \U0001F600 &amp; &lt;3", json::object(), json::array(),
      json{{"screen_name", "ann"}}, json{{"screen_name", 7}},
      json{{"urls", json::array({json{{"url", "https://t.co/a"}, {"expanded_url", "https://x.com/bo/status/99"}}})}},
      json{{"urls", json::array({json{{"url", "https://t.co/a"}, {"expanded_url", nullptr}}, 3})},
           {"media", json::array({json{{"url", "https://t.co/m"}}, "x"})}},
      json{{"urls", "not an array"}, {"media", json::object()}}};
  return values[random() % values.size()];
}

TEST(XArchiveFastPath, AgreesOnRandomMutationsOfATweet) {
  const std::vector<std::string> keys = {"id_str", "id", "user", "full_text", "text", "created_at", "favorite_count",
                                         "retweet_count", "reply_count", "quote_count", "entities",
                                         "in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to_screen_name",
                                         "retweeted"};
  const json seed = json::parse(R"({"tweet":{"id_str":"1765001000000000001","full_text":"Hi https://t.co/a &amp; more https://t.co/m",
    "created_at":"Mon Mar 04 08:15:00 +0000 2024","favorite_count":"3","user":{"screen_name":"acme"},
    "entities":{"urls":[{"url":"https://t.co/a","expanded_url":"https://acme.example/x"}],"media":[{"url":"https://t.co/m"}]}}})");
  std::mt19937 random(20261123);
  expect_mutations_agree([&] {
    json element = seed;
    mutate(element["tweet"], keys, random, [&] { return random_value(random); });
    if (random() % 10 == 0) element = json(element["tweet"]);  // the older format: the tweet itself
    std::string text = element.dump(random() % 2 ? 2 : -1, ' ', random() % 2 == 0);
    if (random() % 15 == 0) text.insert(text.rfind('}'), R"(,"full_text":"again")");  // a repeated key, maybe
    return text;
  }, "window.YTD.tweets.part0 = ", InputFormat::x_archive);
}

TEST(MastodonFastPath, ReadsTheFixturesAsTheDomPathDoes) {
  const std::string text = testing::read_file(testing::fixture_path("mastodon/statuses.json"));
  std::vector<std::string> statuses;
  for (const json& status : json::parse(text)) statuses.push_back(status.dump(2, ' ', statuses.size() % 2 == 0));
  EXPECT_EQ(check_both_ways(statuses, "", InputFormat::mastodon), statuses.size()) << "every status takes the fast path";
}

TEST(MastodonFastPath, AgreesOnRandomMutationsOfAStatus) {
  const std::vector<std::string> keys = {"id", "account", "visibility", "created_at", "url", "uri", "reblog", "content",
                                         "spoiler_text", "in_reply_to_id", "in_reply_to_account_id", "mentions", "quote",
                                         "favourites_count", "reblogs_count", "replies_count", "quotes_count"};
  const json seed = json::parse(R"({"id":"112034000000000002","created_at":"2024-03-04T09:02:10.500Z",
    "in_reply_to_id":"112033999000000000","in_reply_to_account_id":"109111111111111111","spoiler_text":"",
    "visibility":"unlisted","url":"https://coffee.example/@acme/2","replies_count":0,"reblogs_count":"3",
    "favourites_count":1,"content":"<p>So sorry, Jules &amp; friends!</p>","reblog":null,
    "account":{"id":"109000000000000001","username":"acme","acct":"acme","display_name":"Acme","followers_count":2481},
    "mentions":[{"id":"109111111111111111","acct":"jules@other.example"}]})");
  const std::vector<json> values = {
      nullptr, true, 7, -2, 2.5, "", "direct", "public", "2024-03-04T09:02:10Z", "not a date", "<p>hi</p>", "12",
      json::object(), json::array(), json{{"id", "109000000000000001"}, {"acct", "acme@coffee.example"}},
      json{{"content", "<p>boosted</p>"}, {"url", "https://b"}, {"spoiler_text", "cw"}},
      json::array({json{{"id", 109111111111111111ULL}, {"acct", "jules"}}, "x", json{{"id", "1"}}}),
      json{{"username", "bo"}, {"followers_count", "many"}, {"statuses_count", 3}}};
  std::mt19937 random(20261124);
  expect_mutations_agree([&] {
    json status = seed;
    mutate(status, keys, random, [&] { return values[random() % values.size()]; });
    return status.dump(random() % 2 ? 2 : -1, ' ', random() % 2 == 0);
  }, "", InputFormat::mastodon);
}

}  // namespace
}  // namespace loopscore

namespace loopscore {
namespace {

// The tree never reads what nlohmann refuses: invalid texts, then random byte edits of a tweet.
TEST(JsonTree, RefusesWhatNlohmannRefuses) {
  JsonTree tree;
  for (const char* invalid : {R"({"a":1,})", R"({"a":[1,]})", R"({"a":})", R"({"a" 1})", R"({"a":1)", R"({"a":"x)",
                              "{\"a\":\"tab\there\"}", R"({"a":01})", R"({"a":tru})", R"({"a":[1 2]})", R"({a:1})",
                              R"({"a":1}})", R"({"a":"\x"})", R"({"a":"\ud800"})", R"([1])", R"({"a":-})"}) {
    EXPECT_FALSE(tree.parse(invalid, 64)) << invalid;
    EXPECT_FALSE(json::accept(invalid) && !std::string_view(invalid).starts_with("[")) << "not invalid: " << invalid;
  }
  EXPECT_TRUE(tree.parse(R"( {"a" : [ 1 , {"b" : null} , [] ] , "c" : {} } )", 64));
  EXPECT_FALSE(tree.parse(R"({"a":{"b":{"c":1}}})", 2)) << "nested deeper than allowed";
  EXPECT_TRUE(tree.parse(R"({"a":{"b":{"c":1}}})", 3));

  const std::string seed = R"({"tweet":{"id_str":"17","full_text":"caf\u00e9 \"quoted\" \\ done","favorite_count":"3",)"
                           R"("entities":{"urls":[{"url":"https://t.co/a","expanded_url":"https://x"}],"media":[]},)"
                           R"("retweeted":false,"n":-12.5,"z":null}})";
  const std::string alphabet = "{}[]\",:\\ u0123456789.-+eEtrufalsn\x01";
  std::mt19937 random(7);
  std::size_t accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = seed;
    for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(at, 1, c); break;
        default: text.erase(at, 1); break;
      }
    }
    if (tree.parse(text, 64)) {
      ++accepted;
      EXPECT_TRUE(json::accept(text)) << "the tree read what nlohmann refuses: " << text;
    }
  }
  EXPECT_GT(accepted, 1000u) << "the edits must leave many texts valid for the test to mean anything";
}

}  // namespace
}  // namespace loopscore
