#pragma once
// What an AnalyzeSession holds between inputs: the scored posts, the ids seen, the repeats and
// what each input's read found. Shared by the session (analyze_session.cpp) and by partials
// (partial.cpp), which write this state out and merge it back in.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loopscore/analysis.hpp"
#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/post_id_index.hpp"
#include "loopscore/post_scorer.hpp"
#include "read_context.hpp"

namespace loopscore {

/// An input that is a partial being merged (partial.cpp). The session reaches it only through
/// this interface, so a build that never calls begin_partial (the wasm module) links none of the
/// partial reading, nlohmann's ordered_json parser included.
class PartialInput {
 public:
  virtual ~PartialInput() = default;
  /// Takes the next piece of the partial.
  virtual void feed(std::string_view piece) = 0;
  /// Ends the partial; throws InputError when it was cut short.
  virtual void finish() = 0;
  virtual std::size_t bytes_fed() const = 0;
};

/// One input that was read (a file, or an input inside a merged partial), with what the read
/// found; its skipped records and warnings are kept as report JSON (without the input name).
struct InputRead {
  std::string name;
  ReadSummary summary;  // counts, format and accounts; the issue lists live below
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
};

/// Posts whose id was already seen are listed (this many) and counted.
inline constexpr std::size_t kMaxListedDuplicates = 1000;

/// The accounts every input named, each distinct one kept once, in the order of its last mention.
/// Whatever reads them by "the last one that…" (Corpus::resolve_owner) finds what it would find in
/// the full list of mentions, which grew by a copy per input and author (a Mastodon page names the
/// author of each of its statuses: 1 M posts over 1000 pages kept about a million copies).
class AccountLog {
 public:
  /// One mention of `account`.
  void add(const AccountInfo& account);
  /// Each distinct account once, the most recently mentioned last.
  std::vector<AccountInfo> in_order() const;

 private:
  std::unordered_map<std::string, std::pair<std::uint64_t, AccountInfo>> last_;  // by every field
  std::uint64_t mentions_ = 0;
};

struct AnalyzeSession::State {
  AnalysisOptions options;
  PostScorer scorer;
  PostStore posts;
  std::vector<std::size_t> post_input;  // 1-based input of each post, for partials
  PostIdIndex ids{posts};  // the platform ids of `posts`
  std::size_t duplicate_count = 0;
  nlohmann::ordered_json duplicates = nlohmann::ordered_json::array();  // the first kMaxListedDuplicates
  std::vector<std::size_t> duplicate_input;  // 1-based input of each listed repeat, for partials
  std::vector<InputRead> inputs;   // their summaries without accounts: those go to `accounts`
  AccountLog accounts;
  std::unique_ptr<PostStreamReader> reader;
  std::unique_ptr<PartialInput> partial;
  std::size_t bytes_before = 0;  // bytes of the inputs already ended

  /// Admits a post read from input number `input` (1-based, over every input so far), or
  /// returns false when its id was already seen (the caller lists it). An admitted post must be
  /// added to `posts` next: its id is indexed as the next post's. Ids a reader made up from
  /// record numbers are not platform ids: they never collide, and from the second input on
  /// they are prefixed with the input number.
  bool admit(Post& post, std::size_t input);
  /// Lists one repeated post of input number `input` (the first kMaxListedDuplicates are
  /// listed, all are counted).
  void list_duplicate(nlohmann::ordered_json entry, std::size_t input);
  /// How many of `count` more issues may still be listed, of the first kMaxListedSkips over all
  /// inputs (`listed` is listed_skipped or listed_warnings, and grows by the answer). The report
  /// lists the first 1000 of each, all counted; a thousand inputs of a thousand warnings each once
  /// held a million of them.
  static std::size_t take_listing_room(std::size_t& listed, std::size_t count);
  /// Cuts a merged input's lists of skipped records and warnings to that room.
  void cap_listed_issues(InputRead& input);

  std::size_t listed_skipped = 0;   // skipped records listed so far, over every input
  std::size_t listed_warnings = 0;  // warnings likewise
};

}  // namespace loopscore
