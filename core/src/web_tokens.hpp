#pragma once
// Recognises the ASCII tokens of the web inside social text: URLs, e-mail addresses, mentions
// (Twitter "@user", Mastodon "@user@host", Bluesky "@alice.bsky.social") and cashtags.
// Each function returns the token's length in bytes from text[i], or 0 when there is none.

#include <cstddef>
#include <string_view>

namespace loopscore {

/// A URL starting with "http://", "https://" or "www." (any case), without trailing punctuation.
std::size_t url_length(std::string_view text, std::size_t i);

/// An e-mail address "local@domain.tld" starting at text[i].
std::size_t email_length(std::string_view text, std::size_t i);

/// A mention starting at text[i] == '@', not preceded by a letter or digit.
std::size_t mention_length(std::string_view text, std::size_t i);

/// A cashtag "$TSLA" (one to six letters) starting at text[i] == '$'.
std::size_t cashtag_length(std::string_view text, std::size_t i);

}  // namespace loopscore
