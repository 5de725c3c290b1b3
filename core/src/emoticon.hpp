#pragma once
// Recognises ASCII emoticons: western ":-)" and reversed "(-:", hearts "<3", eastern "^_^",
// and "xD" (internal to the core; the tokenizer asks when a byte could start one).

#include <cstddef>
#include <string_view>

namespace loopscore {

/// Length in bytes of the emoticon starting at text[i], or 0 when there is none. The bytes
/// around it must not continue a word or a URL: "http://" and "Note:D" are not emoticons.
std::size_t match_emoticon(std::string_view text, std::size_t i);

}  // namespace loopscore
