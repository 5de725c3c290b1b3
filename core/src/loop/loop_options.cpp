#include "loopscore/loop/loop_options.hpp"

namespace loopscore {

std::string_view dimension_key(Dimension dimension) {
  switch (dimension) {
    case Dimension::respond: return "respond";
    case Dimension::give: return "give";
    case Dimension::calm: return "calm";
    case Dimension::face: return "face";
    case Dimension::love: return "love";
    case Dimension::advocacy: return "advocacy";
    case Dimension::rhythm: return "rhythm";
  }
  return "unknown";
}

std::string_view dimension_title(Dimension dimension) {
  switch (dimension) {
    case Dimension::respond: return "Respond";
    case Dimension::give: return "Give";
    case Dimension::calm: return "Calm";
    case Dimension::face: return "Face";
    case Dimension::love: return "Love";
    case Dimension::advocacy: return "Advocacy";
    case Dimension::rhythm: return "Rhythm";
  }
  return "Unknown";
}

std::optional<int> parse_utc_offset(std::string_view text) {
  if (text == "Z" || text == "UTC" || text == "GMT" || text == "0") return 0;
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const int sign = text[0] == '-' ? -1 : 1;
  std::string digits;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == ':' && i == 3) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    digits += text[i];
  }
  if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
  const int hours = std::stoi(digits.substr(0, 2));
  const int minutes = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

}  // namespace loopscore
