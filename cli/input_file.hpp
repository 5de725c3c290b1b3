#pragma once
// Reading a file (or standard input) in pieces, so large inputs never sit whole in memory.

#include <functional>
#include <string>
#include <string_view>

namespace loopscore::cli {

/// Calls `piece` with successive chunks of the file ("-" for standard input). Returns an empty
/// string on success, else what went wrong ("cannot open x: No such file or directory").
std::string read_in_pieces(const std::string& path, const std::function<void(std::string_view)>& piece);

/// "<stdin>" for "-", else the path: for messages.
std::string display_name(const std::string& path);

/// "<stdin>" for "-", else the file name without its folders: how reports name an input.
std::string input_name(const std::string& path);

}  // namespace loopscore::cli
