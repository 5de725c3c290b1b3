#pragma once
// Respond: does the owner answer the questions, requests and complaints addressed to it, and how fast?

#include <string>
#include <vector>

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"
#include "loopscore/loop/stats.hpp"

namespace loopscore {

/// Inbound posts needing an answer and the owner's answers, within one slice of time.
struct ResponseSlice {
  std::size_t needing = 0;
  std::size_t answered = 0;
  DurationStats times;
};

/// Someone who asked more than once and never got an answer.
struct RepeatAsker {
  std::string author;
  std::vector<std::int32_t> posts;  ///< indices into the corpus, oldest first
};

/// Everything Respond measures.
struct RespondMetrics {
  std::size_t audience_posts = 0;      ///< posts by anyone but the owner
  std::size_t addressed = 0;           ///< of those, replying to or mentioning the owner
  std::size_t needing = 0;             ///< of those, a question, request or complaint
  std::size_t questions = 0, requests = 0, complaints = 0;  ///< by signal (a post may carry several)
  std::size_t answered = 0;            ///< needing posts the owner replied to
  std::size_t answered_by_others = 0;  ///< unanswered by the owner, but someone else replied
  std::size_t answered_undated = 0;    ///< answered, but a time is missing on either side
  std::size_t clock_skew = 0;          ///< answers dated before the post they answer (counted as 0 min)
  DurationStats times;                 ///< owner response times to needing posts
  ResponseSlice business_hours, off_hours;  ///< by the inbound post's local time
  std::vector<std::int32_t> unanswered;     ///< needing posts without an owner reply, oldest first
  std::vector<RepeatAsker> repeat_unanswered;
  DurationStats all_reply_delays;      ///< every owner reply to someone else, parents dated by id if absent
  std::size_t delays_from_ids = 0;     ///< of those, how many parents were dated from their id alone
};

/// Measures Respond over the corpus.
RespondMetrics measure_respond(const Corpus& corpus);

/// Scores Respond: 100 × (0.7 × response rate + 0.3 × speed), speed from the median wait.
DimensionResult respond_dimension(const Corpus& corpus, const RespondMetrics& m);

/// Speed score 0..1 of a median response time in minutes: 1 up to an hour, 0.5 at a day, 0 at three days.
double response_speed_score(double median_minutes);

}  // namespace loopscore
