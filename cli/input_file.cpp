#include "input_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>
#include <vector>

namespace loopscore::cli {

namespace {
constexpr std::size_t kPieceBytes = std::size_t{1} << 20;
}  // namespace

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string input_name(const std::string& path) {
  if (path == "-") return "<stdin>";
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string read_in_pieces(const std::string& path, const std::function<void(std::string_view)>& piece) {
  FILE* file = stdin;
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, &std::fclose);
  if (path != "-") {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) return "cannot read " + path + ": it is a directory";
    file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return "cannot open " + path + ": " + std::strerror(errno);
    owned.reset(file);
  }
  std::vector<char> buffer(kPieceBytes);
  while (true) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (n > 0) piece(std::string_view(buffer.data(), n));
    if (n < buffer.size()) {
      if (std::ferror(file)) return "cannot read " + display_name(path) + ": " + std::strerror(errno);
      return "";
    }
  }
}

}  // namespace loopscore::cli
