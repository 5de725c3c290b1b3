#pragma once
// The posts of one analysis with everything the dimensions share: who the owner is, which post
// answers which, and when each was made.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loopscore/loop/id_time.hpp"
#include "loopscore/loop/loop_options.hpp"
#include "loopscore/loop/post_store.hpp"
#include "loopscore/post.hpp"

namespace loopscore {

/// Whose account is analysed, and how we know.
struct Owner {
  std::string handle;          ///< as shown ("acme"); empty when there are no posts
  std::string source;          ///< "option", "account" (named by the input), "inferred" (most posts) or
                               ///< "assumed" (the input names no authors: every post is the owner's)
  std::size_t posts = 0;       ///< posts by the owner
};

/// What the corpus derives for each post, by index.
struct PostLinks {
  static constexpr std::int32_t kNone = -1;
  std::int32_t parent = kNone;             ///< the post it replies to, when present in the input
  std::int32_t root = kNone;               ///< top of its conversation (itself when it replies to nothing present)
  std::int32_t depth = 0;                  ///< replies above it that are present (0 for a top post)
  std::int32_t first_owner_reply = kNone;  ///< the owner's earliest reply to it
  std::int32_t owner_replies = 0;          ///< how many replies the owner wrote to it
  std::int32_t other_replies = 0;          ///< replies from anyone else
  std::optional<TimeMs> time;              ///< created_at, or decoded from the id
  std::optional<TimeMs> parent_time;       ///< the parent's time, from the input or from its id
  bool by_owner = false;
  bool addressed_to_owner = false;         ///< by someone else, replying to or mentioning the owner
};

/// The posts of one analysis, with owner, reply graph and times resolved.
class Corpus {
 public:
  /// Builds the corpus from posts with unique ids (the session drops repeats before).
  Corpus(PostStore posts, const LoopOptions& options, const std::vector<AccountInfo>& accounts);

  const PostStore& posts() const { return posts_; }
  const std::vector<PostLinks>& links() const { return links_; }
  const AnalyzedPost& post(std::size_t i) const { return posts_[i]; }
  const PostLinks& link(std::size_t i) const { return links_[i]; }
  std::size_t size() const { return posts_.size(); }

  const Owner& owner() const { return owner_; }
  const LoopOptions& options() const { return options_; }
  /// The id clock used to date posts and absent parents.
  IdClock id_clock() const { return id_clock_; }
  /// Follower count of the owner: the option, else the input's account, else unknown.
  std::optional<std::int64_t> followers() const { return followers_; }
  /// Posts whose reply-to id names a post not in the input (deleted, private or not exported).
  std::size_t replies_to_absent_posts() const { return replies_to_absent_; }
  /// Reply cycles found (A answers B answers A: only hostile or broken input); each is cut.
  std::size_t reply_cycles_broken() const { return cycles_broken_; }
  /// Number of distinct authors other than the owner.
  std::size_t audience_authors() const { return audience_authors_; }
  /// Number of distinct authors (handle keys), the owner included.
  std::size_t authors() const { return author_keys_.size(); }
  /// The author of post `i` as an index into author_keys(), or kNoAuthor when it names none.
  std::uint32_t author_of(std::size_t i) const { return author_of_[i]; }
  static constexpr std::uint32_t kNoAuthor = 0xffffffff;
  /// Each distinct author's handle key (handle_key), in order of first post.
  const std::vector<std::string>& author_keys() const { return author_keys_; }
  /// The handle key of post `i`'s author, "" when it names none.
  const std::string& author_key(std::size_t i) const;
  /// Local time (UTC + offset) of a UTC time, per the options.
  TimeMs local(TimeMs utc) const { return utc + static_cast<TimeMs>(options_.utc_offset_minutes) * 60000; }

  /// True when the author names the owner ("@Acme", "acme", "acme@mastodon.social" all match "acme").
  bool is_owner(std::string_view author) const;

 private:
  void resolve_owner(const std::vector<AccountInfo>& accounts);
  void index_authors();
  void resolve_times();
  void link_replies();

  PostStore posts_;
  std::vector<PostLinks> links_;
  LoopOptions options_;
  Owner owner_;
  std::string owner_key_;
  IdClock id_clock_ = IdClock::none;
  std::optional<std::int64_t> followers_;
  std::size_t replies_to_absent_ = 0;
  std::size_t cycles_broken_ = 0;
  std::size_t audience_authors_ = 0;
  std::vector<std::uint32_t> author_of_;  // by post
  std::vector<std::string> author_keys_;  // by author
};

/// A handle reduced for comparison: no leading '@', ASCII lower case ("@Acme" -> "acme").
std::string handle_key(std::string_view handle);

}  // namespace loopscore
