#include "loopscore/loop/calm.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"
#include "loopscore/loop/near_duplicates.hpp"
#include "loopscore/loop/stats.hpp"

namespace loopscore {

namespace {

// Marks the posts that lie in some window of kBurstWindowMs holding kBurstPosts or more, and
// returns the number of bursts: maximal runs of marked posts. `times` is sorted ascending.
std::size_t count_bursts(const std::vector<std::pair<TimeMs, std::int32_t>>& times, std::vector<bool>& in_burst) {
  std::size_t marked_to = 0;  // posts before this index are already marked: each is marked once
  for (std::size_t end = 0, start = 0; end < times.size(); ++end) {
    while (times[end].first - times[start].first > kBurstWindowMs) ++start;
    if (end - start + 1 >= kBurstPosts) {
      for (std::size_t k = std::max(start, marked_to); k <= end; ++k) in_burst[k] = true;
      marked_to = end + 1;
    }
  }
  std::size_t bursts = 0;
  for (std::size_t k = 0; k < in_burst.size(); ++k) bursts += in_burst[k] && (k == 0 || !in_burst[k - 1]);
  return bursts;
}

}  // namespace

static_assert(kNearDuplicateBits <= kMaxNearDuplicateBits, "the near-duplicate search finds up to 3 bits");

CalmMetrics measure_calm(const Corpus& corpus) {
  CalmMetrics m;
  std::vector<std::pair<TimeMs, std::int32_t>> times;
  std::unordered_set<std::uint64_t> seen_exact;
  std::vector<std::int32_t> duplicates;     // posts repeating an earlier one word for word
  std::vector<std::uint64_t> fingerprints;  // the SimHashes of the others, and their posts
  std::vector<std::int32_t> fingerprinted;
  double shouting_sum = 0;
  std::vector<std::pair<double, std::int32_t>> loud;

  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    const AnalyzedPost& p = corpus.post(i);
    if (!link.by_owner || p.post.kind == PostKind::repost) continue;
    ++m.posts;
    const Signals& s = p.score.signals;
    shouting_sum += s.shouting;
    m.caps += (s.shout_marks & kShoutCaps) != 0;
    m.exclaims += (s.shout_marks & kShoutExclaims) != 0;
    m.hashtag_stuffing += (s.shout_marks & kShoutHashtags) != 0;
    m.emoji_stuffing += (s.shout_marks & kShoutEmoji) != 0;
    if (s.shouting >= 0.5) loud.emplace_back(s.shouting, static_cast<std::int32_t>(i));
    if (link.time) times.emplace_back(*link.time, static_cast<std::int32_t>(i));

    // Repeats word for word (the same exact hash); the near ones (SimHash) are searched below.
    if (p.score.text_hash == 0) continue;
    if (!seen_exact.insert(p.score.text_hash).second) {
      ++m.duplicates;
      duplicates.push_back(static_cast<std::int32_t>(i));
      continue;
    }
    fingerprints.push_back(p.score.fingerprint);
    fingerprinted.push_back(static_cast<std::int32_t>(i));
  }
  const std::vector<char> near = mark_near_duplicates(fingerprints, kNearDuplicateBits);
  std::vector<std::int32_t> near_duplicates;
  for (std::size_t k = 0; k < near.size(); ++k) {
    if (near[k]) near_duplicates.push_back(fingerprinted[k]);
  }
  m.near_duplicates = near_duplicates.size();
  std::merge(duplicates.begin(), duplicates.end(), near_duplicates.begin(), near_duplicates.end(),
             std::back_inserter(m.repeated));
  m.mean_shouting = m.posts == 0 ? 0.0 : shouting_sum / double(m.posts);

  std::sort(times.begin(), times.end());
  std::vector<bool> in_burst(times.size(), false);
  m.bursts = count_bursts(times, in_burst);
  m.burst_posts = static_cast<std::size_t>(std::count(in_burst.begin(), in_burst.end(), true));

  std::stable_sort(loud.begin(), loud.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [score, i] : loud) m.loudest.push_back(i);
  return m;
}

DimensionResult calm_dimension(const Corpus& corpus, const CalmMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::calm;
  r.formula =
      "100 × (1 − (0.5 × mean shouting + 0.25 × share of repeated posts + 0.25 × share of posts in bursts)); "
      "shouting 0..1 per post from caps, \"!!\", hashtag and emoji stuffing; a burst is 4 or more posts within "
      "10 minutes; repeated = word for word or nearly (SimHash within 3 bits)";
  r.inputs["owner_posts"] = m.posts;
  r.inputs["caps"] = m.caps;
  r.inputs["exclamations"] = m.exclaims;
  r.inputs["hashtag_stuffing"] = m.hashtag_stuffing;
  r.inputs["emoji_stuffing"] = m.emoji_stuffing;
  r.inputs["duplicates"] = m.duplicates;
  r.inputs["near_duplicates"] = m.near_duplicates;
  r.inputs["burst_posts"] = m.burst_posts;
  r.details["mean_shouting"] = round4(m.mean_shouting);
  r.details["bursts"] = m.bursts;
  for (const auto* list : {&m.loudest, &m.repeated}) {
    for (const std::int32_t i : *list) {
      if (r.evidence.size() == kMaxEvidence) break;
      r.evidence.emplace_back(corpus.post(i).post.id);
    }
  }
  if (m.posts == 0) {
    r.not_measurable = "this input holds no posts written by the owner";
    return r;
  }
  const double n = double(m.posts);
  const double repeated = double(m.duplicates + m.near_duplicates) / n;
  const double bursty = double(m.burst_posts) / n;
  r.value = 100.0 * clamp(1.0 - (0.5 * m.mean_shouting + 0.25 * repeated + 0.25 * bursty), 0.0, 1.0);
  if (m.duplicates + m.near_duplicates > 0 && repeated >= bursty && repeated * 2 >= m.mean_shouting) {
    r.recommendation = count_phrase(m.duplicates + m.near_duplicates, "post repeats", "posts repeat") +
                       " an earlier one: write each answer for the person in front of you.";
  } else if (m.burst_posts > 0 && bursty * 2 >= m.mean_shouting) {
    r.recommendation = count_phrase(m.bursts, "burst", "bursts") + " of 4 or more posts within 10 minutes: spread them out.";
  } else if (m.mean_shouting >= 0.1) {
    r.recommendation = "Drop the caps, the \"!!!\" and the hashtag piles: someone can always shout louder; be useful instead.";
  } else {
    r.recommendation = "Calm and clear: no shouting, no bursts, no copy-paste. Keep it that way.";
  }
  return r;
}

}  // namespace loopscore
