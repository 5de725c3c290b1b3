#pragma once
// The Post model: one social post, whatever platform or file it came from.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopscore {

/// Milliseconds since the Unix epoch, UTC.
using TimeMs = std::int64_t;

/// Where a post came from, when the input says. Ids of X, Mastodon and Bluesky encode their
/// creation time, each in its own way, so the platform matters beyond display.
enum class Platform : std::uint8_t { unknown, x, mastodon, bluesky, reddit, feed, facebook, instagram, linkedin };

/// Name used in reports ("unknown", "x", "mastodon", "bluesky", "reddit", "feed", ...).
std::string_view platform_name(Platform platform);

/// What a post is in its conversation.
enum class PostKind : std::uint8_t { original, reply, repost, quote };

/// Name used in reports ("original", "reply", "repost", "quote").
std::string_view kind_name(PostKind kind);

/// The fields of a post, its texts held as `Text`: std::string in a Post, std::string_view in a
/// PostView. Unknown values stay empty (texts) or std::nullopt (numbers, times).
/// (Texts first and one-byte fields last: no padding, for the million kept in a large analysis.)
template <typename Text>
struct PostFields {
  Text id;                      ///< platform id, or the 1-based record number when the input has none
  Text author;                  ///< handle or name, as the input gives it
  Text text;                    ///< plain text, valid UTF-8
  Text reply_to_id;             ///< id of the post this one answers
  Text reply_to_author;         ///< author of that post, when known
  Text url;                     ///< link to the original post, when known
  std::optional<TimeMs> created_at;
  std::optional<std::int64_t> likes;
  std::optional<std::int64_t> reposts;
  std::optional<std::int64_t> replies;
  std::optional<std::int64_t> quotes;
  std::size_t record = 0;       ///< 1-based index of the input record it came from
  bool id_generated = false;    ///< true when `id` is the record number, not the input's
  PostKind kind = PostKind::original;
  Platform platform = Platform::unknown;
};

/// One post, as a reader makes it.
struct Post : PostFields<std::string> {
  /// Resets every field so a reader can reuse the object (and its string buffers).
  void clear();
};

/// A post's fields with its texts viewed where they live: a Post's own strings (view_of) or the
/// copies a PostStore keeps, packed together, for a whole analysis.
using PostView = PostFields<std::string_view>;

/// The fields of `post`, viewing its strings (valid while `post` is unchanged).
PostView view_of(const Post& post);

/// An account described by the input (a profile, an archive's account file, a status's author),
/// for follower counts and display names. Unknown numbers stay std::nullopt.
struct AccountInfo {
  std::string handle;
  std::string display_name;
  std::optional<std::int64_t> followers;
  std::optional<std::int64_t> following;
  std::optional<std::int64_t> posts;
  Platform platform = Platform::unknown;
};

}  // namespace loopscore
