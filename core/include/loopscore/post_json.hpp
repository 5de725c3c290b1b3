#pragma once
// The JSON written for one post, shared by `score` and the `analyze` report, written directly as
// text (fast); the parts are also given as nlohmann values, and tests check both agree byte for byte.

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

/// Appends one post as listed in the analyze report (its fields, text included, and its scores)
/// as compact JSON text without its closing brace: the report adds the post's place in the loop.
void append_post_object(std::string& out, const PostView& post, const PostScore& score);

/// A location and reason as listed in reports (only known parts of the location).
nlohmann::ordered_json issue_json(const RecordIssue& issue);

}  // namespace loopscore
