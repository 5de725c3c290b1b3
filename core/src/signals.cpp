#include "loopscore/signals.hpp"

namespace loopscore {

std::string_view signal_name(Signal signal) {
  switch (signal) {
    case Signal::question: return "question";
    case Signal::request: return "request";
    case Signal::complaint: return "complaint";
    case Signal::promo: return "promo";
    case Signal::purchase_intent: return "purchase_intent";
    case Signal::love: return "love";
    case Signal::want: return "want";
    case Signal::like: return "like";
    case Signal::gratitude: return "gratitude";
    case Signal::anger: return "anger";
  }
  return "unknown";
}

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::awareness: return "awareness";
    case Stage::consideration: return "consideration";
    case Stage::purchase: return "purchase";
    case Stage::use: return "use";
    case Stage::opinion: return "opinion";
    case Stage::advocacy: return "advocacy";
    case Stage::none: break;
  }
  return "none";
}

}  // namespace loopscore
