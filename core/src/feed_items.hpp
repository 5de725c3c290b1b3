#pragma once
// What RSS and Atom items share once their fields are found: the text of a title and a body,
// the account a feed belongs to, and the platform its links point to (internal to the core).

#include <string>
#include <string_view>

#include "loopscore/post.hpp"

namespace loopscore {

/// The text of an item: its title and its body (plain text each), the title left out when the
/// body already starts with it.
std::string feed_item_text(const std::string& title, const std::string& body);

/// The platform a feed comes from, from its home page link and its generator: Bluesky and
/// Mastodon publish feeds of accounts; anything else is Platform::feed.
Platform feed_platform(std::string_view link, std::string_view generator);

/// The handle of the account a feed's home page belongs to ("brand" from
/// https://social.example/@brand, "brand.bsky.social" from https://bsky.app/profile/brand.bsky.social),
/// or "" for other pages.
std::string feed_handle(std::string_view link);

}  // namespace loopscore
