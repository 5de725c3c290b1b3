#pragma once
// The JSON written for one post, shared by `score` (written directly, fast) and the
// `analyze` report (built as a nlohmann value). Tests check the two agree byte for byte.

#include <nlohmann/json.hpp>
#include <string>

#include "loopscore/input_error.hpp"
#include "loopscore/post.hpp"
#include "loopscore/post_scorer.hpp"

namespace loopscore {

/// Appends the `score` line of one post (without the newline):
/// {"id":...,"sentiment":{...},"signals":{...},"stage":...,"tone":{...},"useful":...,"credit":...}.
void append_score_line(std::string& out, const Post& post, const PostScore& score);

/// Appends the `score` line of a skipped record: {"record":N,"skipped":"reason"}.
void append_skipped_line(std::string& out, const RecordIssue& skipped);

/// The sentiment object of one post, as in both outputs.
nlohmann::ordered_json sentiment_json(const Sentiment& sentiment);

/// The signals object of one post: each signal's confidence, in Signal order, as in both outputs.
nlohmann::ordered_json signals_json(const Signals& signals);

/// The tone object of one post: {"shouting":..,"voice":..}, as in both outputs.
nlohmann::ordered_json tone_json(const Signals& signals);

/// One post as listed in the analyze report: its fields, text included, and its scores.
nlohmann::ordered_json post_json(const Post& post, const PostScore& score);
/// Appends post_json(post, score) as compact text, without its closing brace (the report adds
/// the post's place in the loop), written directly: the same bytes as dump(), far cheaper.
void append_post_object(std::string& out, const Post& post, const PostScore& score);

/// A location and reason as listed in reports (only known parts of the location).
nlohmann::ordered_json issue_json(const RecordIssue& issue);

}  // namespace loopscore
