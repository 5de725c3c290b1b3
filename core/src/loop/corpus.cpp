#include "loopscore/loop/corpus.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "loopscore/loop/post_id_index.hpp"

namespace loopscore {

namespace {

bool is_handle_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

// The part before '@' of "user@host", or the whole key.
std::string_view local_part(std::string_view key) { return key.substr(0, key.find('@')); }

// True when `text` mentions "@<handle>" (case-insensitive, whole handle).
bool mentions(std::string_view text, std::string_view handle) {
  if (handle.empty()) return false;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at > 0 && is_handle_char(text[at - 1])) continue;  // an e-mail address, not a mention
    std::size_t end = at + 1;
    while (end < text.size() && is_handle_char(text[end])) ++end;
    std::string_view name = text.substr(at + 1, end - at - 1);
    while (!name.empty() && name.back() == '.') name.remove_suffix(1);  // "@acme." ends a sentence
    if (handle_key(name) == handle) return true;
  }
  return false;
}

}  // namespace

std::string handle_key(std::string_view handle) {
  while (!handle.empty() && (handle.front() == ' ' || handle.front() == '@')) handle.remove_prefix(1);
  while (!handle.empty() && handle.back() == ' ') handle.remove_suffix(1);
  std::string key(handle);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return key;
}

// Out of line: one of the report's steps kept apart for wasm (analyze_session.cpp, append_post_entry).
[[gnu::noinline]] Corpus::Corpus(PostStore posts, const LoopOptions& options, const std::vector<AccountInfo>& accounts)
    : posts_(std::move(posts)), links_(posts_.size()), options_(options) {
  resolve_owner(accounts);
  resolve_times();
  link_replies();
}

bool Corpus::is_owner(std::string_view author) const {
  if (owner_key_.empty()) return false;
  const std::string key = handle_key(author);
  if (key == owner_key_) return true;
  // "acme@mastodon.social" and "acme" name the same account when one side has no host.
  const bool key_has_host = key.find('@') != std::string::npos;
  const bool owner_has_host = owner_key_.find('@') != std::string::npos;
  return key_has_host != owner_has_host && local_part(key) == local_part(owner_key_);
}

void Corpus::resolve_owner(const std::vector<AccountInfo>& accounts) {
  // An export of one account (an X archive's account.js) names the author of posts without one.
  std::unordered_set<std::string> account_keys;
  for (const AccountInfo& account : accounts) {
    if (!account.handle.empty()) account_keys.insert(handle_key(account.handle));
  }
  const AccountInfo* sole_account = nullptr;
  if (account_keys.size() == 1) {
    for (const AccountInfo& account : accounts) {
      if (!account.handle.empty()) sole_account = &account;
    }
  }
  if (sole_account != nullptr) {
    const std::string_view handle = posts_.keep(sole_account->handle);
    for (AnalyzedPost& p : posts_) {
      if (p.post.author.empty()) p.post.author = handle;
    }
  }

  index_authors();

  if (!options_.owner.empty()) {
    owner_.handle = std::string(handle_key(options_.owner));
    owner_.source = "option";
  } else if (sole_account != nullptr) {
    owner_.handle = handle_key(sole_account->handle);
    owner_.source = "account";
  } else {
    // The author of most posts; ties go to whoever reached the count first.
    std::vector<std::size_t> counts(author_keys_.size(), 0);
    const std::string* best = nullptr;
    std::size_t best_count = 0;
    for (const std::uint32_t author : author_of_) {
      if (author == kNoAuthor) continue;
      if (++counts[author] > best_count) {
        best_count = counts[author];
        best = &author_keys_[author];
      }
    }
    owner_.handle = best != nullptr ? *best : std::string();
    owner_.source = owner_.handle.empty() ? "assumed" : "inferred";
  }
  owner_key_ = owner_.handle;

  // Whether an author is the owner depends on the handle key alone: judged once per author.
  std::vector<std::uint8_t> owner_author(author_keys_.size()), audience_author(author_keys_.size(), 0);
  for (std::size_t a = 0; a < author_keys_.size(); ++a) owner_author[a] = is_owner(author_keys_[a]);
  const bool all_owner = owner_.source == "assumed";
  for (std::size_t i = 0; i < posts_.size(); ++i) {
    const std::uint32_t author = author_of_[i];
    links_[i].by_owner = all_owner || (author != kNoAuthor && owner_author[author]);
    if (links_[i].by_owner) {
      ++owner_.posts;
    } else if (author != kNoAuthor) {
      audience_authors_ += !audience_author[author];
      audience_author[author] = 1;
    }
  }

  followers_ = options_.followers;
  if (!followers_) {
    for (const AccountInfo& account : accounts) {
      if (account.followers && is_owner(account.handle)) followers_ = account.followers;
    }
  }
}

const std::string& Corpus::author_key(std::size_t i) const {
  static const std::string kNobody;
  return author_of_[i] == kNoAuthor ? kNobody : author_keys_[author_of_[i]];
}

void Corpus::index_authors() {
  // Most authors write many posts: each distinct spelling is reduced to its key once.
  std::unordered_map<std::string_view, std::uint32_t> by_spelling;
  std::unordered_map<std::string, std::uint32_t> by_key;
  author_of_.assign(posts_.size(), kNoAuthor);
  for (std::size_t i = 0; i < posts_.size(); ++i) {
    const std::string_view author = posts_[i].post.author;
    if (author.empty()) continue;
    auto [spelling, new_spelling] = by_spelling.try_emplace(author, 0);
    if (new_spelling) {
      auto [key, new_key] = by_key.try_emplace(handle_key(author), static_cast<std::uint32_t>(author_keys_.size()));
      if (new_key) author_keys_.push_back(key->first);
      spelling->second = key->second;
    }
    author_of_[i] = spelling->second;
  }
}

void Corpus::resolve_times() {
  // The platform says which id clock applies; without one, take the clock that agrees with the
  // dates the input gives (within a minute) for at least 80 % of the posts that have both.
  std::size_t votes[4] = {0, 0, 0, 0};
  for (const AnalyzedPost& p : posts_) ++votes[static_cast<int>(id_clock_of(p.post.platform))];
  const auto platform_clock = std::max_element(votes + 1, votes + 4);
  if (*platform_clock > 0) {
    id_clock_ = static_cast<IdClock>(platform_clock - votes);
  } else {
    std::size_t dated = 0;
    std::size_t agree[4] = {0, 0, 0, 0};
    for (const AnalyzedPost& p : posts_) {
      if (!p.post.created_at || p.post.id.empty()) continue;
      ++dated;
      for (int clock = 1; clock < 4; ++clock) {
        const auto t = time_from_id(p.post.id, static_cast<IdClock>(clock));
        if (t && *t >= *p.post.created_at - 60000 && *t <= *p.post.created_at + 60000) ++agree[clock];
      }
    }
    for (int clock = 1; clock < 4; ++clock) {
      if (dated > 0 && agree[clock] * 5 >= dated * 4) id_clock_ = static_cast<IdClock>(clock);
    }
  }
  for (std::size_t i = 0; i < posts_.size(); ++i) {
    const PostView& post = posts_[i].post;
    links_[i].time = post.created_at ? post.created_at : time_from_id(post.id, id_clock_);
  }
}

void Corpus::link_replies() {
  PostIdIndex index(posts_);
  index.reserve(posts_.size());
  for (std::size_t i = 0; i < posts_.size(); ++i) index.claim(posts_[i].post.id, static_cast<std::uint32_t>(i));

  for (std::size_t i = 0; i < posts_.size(); ++i) {
    const PostView& post = posts_[i].post;
    if (post.reply_to_id.empty()) continue;
    const std::optional<std::uint32_t> parent = index.find(post.reply_to_id);
    if (!parent) {
      ++replies_to_absent_;
      links_[i].parent_time = time_from_id(post.reply_to_id, id_clock_);
    } else if (*parent != i) {
      links_[i].parent = static_cast<std::int32_t>(*parent);
    }
  }

  // Depth and root, walking up iteratively; a cycle (only in broken input) is cut where found.
  enum : std::uint8_t { kUnseen, kOnPath, kDone };
  std::vector<std::uint8_t> state(posts_.size(), kUnseen);
  std::vector<std::int32_t> path;
  for (std::size_t start = 0; start < posts_.size(); ++start) {
    path.clear();
    std::int32_t node = static_cast<std::int32_t>(start);
    while (node != PostLinks::kNone && state[node] == kUnseen) {
      state[node] = kOnPath;
      path.push_back(node);
      const std::int32_t parent = links_[node].parent;
      if (parent != PostLinks::kNone && state[parent] == kOnPath) {
        links_[node].parent = PostLinks::kNone;
        ++cycles_broken_;
        break;
      }
      node = parent;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      PostLinks& link = links_[*it];
      if (link.parent == PostLinks::kNone) {
        link.root = *it;
        link.depth = 0;
      } else {
        link.root = links_[link.parent].root;
        link.depth = links_[link.parent].depth + 1;
      }
      state[*it] = kDone;
    }
  }

  for (std::size_t i = 0; i < posts_.size(); ++i) {
    PostLinks& link = links_[i];
    const PostView& post = posts_[i].post;
    if (link.parent != PostLinks::kNone) {
      PostLinks& parent = links_[link.parent];
      link.parent_time = parent.time;
      if (link.by_owner) {
        ++parent.owner_replies;
        const bool earlier = parent.first_owner_reply == PostLinks::kNone ||
                             (link.time && (!links_[parent.first_owner_reply].time ||
                                            *link.time < *links_[parent.first_owner_reply].time));
        if (earlier) parent.first_owner_reply = static_cast<std::int32_t>(i);
      } else {
        ++parent.other_replies;
      }
    }
    if (!link.by_owner && !owner_key_.empty()) {
      const bool replies_to_owner = link.parent != PostLinks::kNone ? links_[link.parent].by_owner
                                                                     : is_owner(post.reply_to_author);
      link.addressed_to_owner = replies_to_owner || mentions(post.text, local_part(owner_key_));
    }
  }
}

}  // namespace loopscore
