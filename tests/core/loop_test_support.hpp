#pragma once
// Building corpora by hand for the loop metric tests: each post states exactly the signals,
// times and replies a test needs, so expectations can be computed by hand.

#include <string>
#include <vector>

#include "loopscore/loop/corpus.hpp"
#include "loopscore/time.hpp"

namespace loopscore::testing {

/// A post under construction: PostBuilder("q1", "ann").at("2024-03-04T10:00:00Z").replying_to("p1").question()
class PostBuilder {
 public:
  PostBuilder(std::string id, std::string author) {
    p_.post.id = std::move(id);
    p_.post.author = std::move(author);
    p_.post.text = "text of " + p_.post.id;
    p_.score.sentiment.neutral = 1;
  }
  PostBuilder& at(const std::string& iso) {
    p_.post.created_at = parse_time(iso);
    return *this;
  }
  PostBuilder& replying_to(std::string id, std::string author = "") {
    p_.post.reply_to_id = std::move(id);
    p_.post.reply_to_author = std::move(author);
    p_.post.kind = PostKind::reply;
    return *this;
  }
  PostBuilder& text(std::string t) {
    p_.post.text = std::move(t);
    return *this;
  }
  PostBuilder& with(Signal s) {
    p_.score.signals[s] = 1.0;
    return *this;
  }
  PostBuilder& question() { return with(Signal::question); }
  PostBuilder& complaint() { return with(Signal::complaint); }
  PostBuilder& promo() { return with(Signal::promo); }
  PostBuilder& stage(Stage s) {
    p_.score.signals.stage = s;
    return *this;
  }
  PostBuilder& voice(double v) {
    p_.score.signals.voice = v;
    return *this;
  }
  PostBuilder& shouting(double v, std::uint8_t marks) {
    p_.score.signals.shouting = v;
    p_.score.signals.shout_marks = marks;
    return *this;
  }
  PostBuilder& useful() {
    p_.score.signals.useful = true;
    return *this;
  }
  PostBuilder& credit() {
    p_.score.signals.credit = true;
    return *this;
  }
  PostBuilder& label(SentimentLabel l, double compound) {
    p_.score.sentiment.label = l;
    p_.score.sentiment.compound = compound;
    return *this;
  }
  PostBuilder& fingerprint(std::uint64_t exact, std::uint64_t simhash) {
    p_.score.text_hash = exact;
    p_.score.fingerprint = simhash;
    return *this;
  }
  PostBuilder& counts(std::int64_t likes, std::int64_t reposts, std::int64_t replies) {
    p_.post.likes = likes;
    p_.post.reposts = reposts;
    p_.post.replies = replies;
    return *this;
  }
  PostBuilder& kind(PostKind k) {
    p_.post.kind = k;
    return *this;
  }
  PostBuilder& platform(Platform pl) {
    p_.post.platform = pl;
    return *this;
  }
  operator AnalyzedPost() const { return p_; }

 private:
  AnalyzedPost p_;
};

/// A corpus of the given posts; the owner is "acme" unless the options say otherwise.
inline Corpus make_corpus(const std::vector<PostBuilder>& builders, LoopOptions options = {},
                          const std::vector<AccountInfo>& accounts = {}) {
  if (options.owner.empty()) options.owner = "acme";
  std::vector<AnalyzedPost> posts(builders.begin(), builders.end());
  return Corpus(std::move(posts), options, accounts);
}

/// Index of the post with this id.
inline std::int32_t index_of(const Corpus& corpus, const std::string& id) {
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (corpus.post(i).post.id == id) return static_cast<std::int32_t>(i);
  }
  return -1;
}

}  // namespace loopscore::testing
