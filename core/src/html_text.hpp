#pragma once
// HTML as a reader sees it: the plain text of post bodies that platforms send as HTML
// (Mastodon, ActivityPub, RSS and Atom), and character references (internal to the core).

#include <string>
#include <string_view>

namespace loopscore {

/// The visible text of an HTML fragment: tags dropped, character references decoded, white
/// space collapsed; <br> a line break, paragraphs apart by a blank line, other blocks (div, li,
/// headings...) on their own lines; links as their visible text; images as their alt text
/// (custom emoji: ":shortcode:"); script and style dropped. Mastodon's hidden URL parts
/// (<span class="invisible">) are left out and its shortened ones (class "ellipsis") end in "…".
std::string html_to_text(std::string_view html);

/// Decodes HTML character references in plain text: numeric ones (&#39; &#x1F600;) and the
/// named ones of HTML 4 (&amp; &nbsp; &eacute; &hellip;...). Unknown names stay as written.
std::string decode_html_entities(std::string_view text);

/// Decodes only &amp;, &lt; and &gt;: the escaping X and Reddit apply to plain post text.
std::string decode_basic_entities(std::string_view text);

}  // namespace loopscore
