#pragma once
// Creation times hidden in post ids: X snowflakes, Mastodon ids and Bluesky TIDs carry the
// moment they were made, so a reply's delay can be computed from its parent's id alone.

#include <optional>
#include <string_view>

#include "loopscore/post.hpp"

namespace loopscore {

/// How a platform encodes time in its ids.
enum class IdClock { none, x_snowflake, mastodon, bluesky_tid };

/// The id clock a platform uses (none for platforms without one).
IdClock id_clock_of(Platform platform);

/// Name used in reports ("none", "x_snowflake", "mastodon", "bluesky_tid").
std::string_view id_clock_name(IdClock clock);

/// The creation time encoded in `id` under `clock`, or nullopt when the id is not of that form
/// or decodes to a time outside 2006..2100. Bluesky ids may be AT URIs: the record key is used.
std::optional<TimeMs> time_from_id(std::string_view id, IdClock clock);

}  // namespace loopscore
