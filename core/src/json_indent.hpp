#pragma once
// Indenting compact JSON text without parsing it (internal to the core): the pretty report is the
// compact report indented, byte for byte what nlohmann's dump(2) would write for the same value,
// without a second JSON parser in the WebAssembly module.

#include <string>
#include <string_view>

namespace loopscore {

/// `compact` (JSON as dump() writes it: no space outside strings) indented by `indent` spaces a level.
std::string indent_json(std::string_view compact, int indent = 2);

}  // namespace loopscore
