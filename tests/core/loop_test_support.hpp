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
    post_.id = std::move(id);
    post_.author = std::move(author);
    post_.text = "text of " + post_.id;
    score_.sentiment.neutral = 1;
  }
  PostBuilder& at(const std::string& iso) {
    post_.created_at = parse_time(iso);
    return *this;
  }
  PostBuilder& replying_to(std::string id, std::string author = "") {
    post_.reply_to_id = std::move(id);
    post_.reply_to_author = std::move(author);
    post_.kind = PostKind::reply;
    return *this;
  }
  PostBuilder& text(std::string t) {
    post_.text = std::move(t);
    return *this;
  }
  PostBuilder& with(Signal s) {
    score_.signals[s] = 1.0;
    return *this;
  }
  PostBuilder& question() { return with(Signal::question); }
  PostBuilder& complaint() { return with(Signal::complaint); }
  PostBuilder& promo() { return with(Signal::promo); }
  PostBuilder& stage(Stage s) {
    score_.signals.stage = s;
    return *this;
  }
  PostBuilder& voice(double v) {
    score_.signals.voice = v;
    return *this;
  }
  PostBuilder& shouting(double v, std::uint8_t marks) {
    score_.signals.shouting = v;
    score_.signals.shout_marks = marks;
    return *this;
  }
  PostBuilder& useful() {
    score_.signals.useful = true;
    return *this;
  }
  PostBuilder& credit() {
    score_.signals.credit = true;
    return *this;
  }
  PostBuilder& label(SentimentLabel l, double compound) {
    score_.sentiment.label = l;
    score_.sentiment.compound = compound;
    return *this;
  }
  PostBuilder& fingerprint(std::uint64_t exact, std::uint64_t simhash) {
    score_.text_hash = exact;
    score_.fingerprint = simhash;
    return *this;
  }
  PostBuilder& counts(std::int64_t likes, std::int64_t reposts, std::int64_t replies) {
    post_.likes = likes;
    post_.reposts = reposts;
    post_.replies = replies;
    return *this;
  }
  PostBuilder& kind(PostKind k) {
    post_.kind = k;
    return *this;
  }
  PostBuilder& platform(Platform pl) {
    post_.platform = pl;
    return *this;
  }
  /// Adds the post and its score to `store`.
  void add_to(PostStore& store) const { store.add(post_).score = score_; }

 private:
  Post post_;
  PostScore score_;
};

/// A store of the given posts, in order.
inline PostStore store_of(const std::vector<PostBuilder>& builders) {
  PostStore store;
  for (const PostBuilder& builder : builders) builder.add_to(store);
  return store;
}

/// A corpus of the given posts; the owner is "acme" unless the options say otherwise.
inline Corpus make_corpus(const std::vector<PostBuilder>& builders, LoopOptions options = {},
                          const std::vector<AccountInfo>& accounts = {}) {
  if (options.owner.empty()) options.owner = "acme";
  return Corpus(store_of(builders), options, accounts);
}

/// Index of the post with this id.
inline std::int32_t index_of(const Corpus& corpus, const std::string& id) {
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (corpus.post(i).post.id == id) return static_cast<std::int32_t>(i);
  }
  return -1;
}

}  // namespace loopscore::testing
