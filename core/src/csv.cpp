#include "csv.hpp"

#include <array>

namespace loopscore {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The cells of one header row (which ends before `row.size()`), parsed as CsvParser does.
std::vector<std::string> header_cells(std::string_view row, char delimiter) {
  std::vector<std::string> cells(1);
  bool quoted = false, cell_start = true;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted) {
      if (c != '"') {
        cells.back() += c;
      } else if (i + 1 < row.size() && row[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == delimiter) {
      cells.emplace_back();
      cell_start = true;
      continue;
    } else if (c == '"' && cell_start) {
      quoted = true;
    } else if (c != '\r') {
      cells.back() += c;
    }
    cell_start = false;
  }
  return cells;
}

class CsvReader : public FormatReader {
 public:
  explicit CsvReader(std::unique_ptr<CsvProfile> profile) : profile_(std::move(profile)) {}

  void read(ReadContext& context) override {
    if (!parser_) {
      const std::string_view pending = context.pending();
      const auto header = sniff_csv_header(pending.substr(0, kSniffBytes), pending.size() <= kSniffBytes);
      parser_.emplace(header ? header->delimiter : ',');
    }
    CsvRow row;
    while (parser_->next(context, row)) {
      const SourceLocation where = context.at(row.offset, has_header_ ? context.next_record() : 0);
      if (!has_header_) {
        profile_->header(context, row.cells, where);
        has_header_ = true;
        header_where_ = where;
      } else {
        ++rows_;
        profile_->row(context, row.cells, where);
      }
    }
    if (context.at_end() && rows_ == 0 && !context.posts_optional()) {
      throw InputError("the CSV has a header row but no rows below it: no posts", header_where_);
    }
  }

 private:
  std::unique_ptr<CsvProfile> profile_;
  std::optional<CsvParser> parser_;
  bool has_header_ = false;
  std::size_t rows_ = 0;
  SourceLocation header_where_;
};

}  // namespace

std::unique_ptr<FormatReader> make_csv_format_reader(std::unique_ptr<CsvProfile> profile) {
  return std::make_unique<CsvReader>(std::move(profile));
}

bool same_column_name(std::string_view a, std::string_view b) {
  a = trim_spaces(a);
  b = trim_spaces(b);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<CsvHeader> sniff_csv_header(std::string_view prefix, bool complete) {
  constexpr std::array<char, 3> kDelimiters{',', ';', '\t'};
  std::array<std::size_t, 3> counts{};
  // The ends of the first two rows: line breaks outside quotes.
  std::array<std::size_t, 2> ends{std::string_view::npos, std::string_view::npos};
  std::size_t rows = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < prefix.size() && rows < ends.size(); ++i) {
    const char c = prefix[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '\n') {
      ends[rows++] = i;
    } else if (!quoted && rows == 0) {
      for (std::size_t d = 0; d < kDelimiters.size(); ++d) counts[d] += c == kDelimiters[d];
    }
  }
  if (complete) {
    for (std::size_t& end : ends) {
      if (end == std::string_view::npos) {
        end = prefix.size();
        break;
      }
    }
  }
  if (ends[0] == std::string_view::npos) return std::nullopt;
  CsvHeader header;
  std::size_t best = 0;
  for (std::size_t d = 0; d < kDelimiters.size(); ++d) {
    if (counts[d] > best) {
      best = counts[d];
      header.delimiter = kDelimiters[d];
    }
  }
  header.names = header_cells(prefix.substr(0, ends[0]), header.delimiter);
  if (ends[1] != std::string_view::npos && ends[1] > ends[0] + 1) {
    header.second_row_cells = header_cells(prefix.substr(ends[0] + 1, ends[1] - ends[0] - 1), header.delimiter).size();
  }
  return header;
}

void CsvParser::end_cell() {
  // CRLF inside a quoted cell is a line break like LF.
  for (std::size_t at = cell_.find("\r\n"); at != std::string::npos; at = cell_.find("\r\n", at)) cell_.erase(at, 1);
  cells_.push_back(std::move(cell_));
  cell_.clear();
}

bool CsvParser::next(ReadContext& context, CsvRow& row) {
  while (parse_row(context, row)) {
    // A row of one blank cell is a blank line.
    if (row.cells.size() != 1 || !trim_spaces(row.cells[0]).empty()) return true;
  }
  return false;
}

bool CsvParser::parse_row(ReadContext& context, CsvRow& row) {
  const std::string_view pending = context.pending();
  const std::size_t base = context.pending_offset();
  if (position_ < base) position_ = base;
  std::size_t i = position_ - base;
  bool row_done = false;
  for (; i < pending.size() && !row_done; ++i) {
    const char c = pending[i];
    switch (state_) {
      case State::row_start:
        if (c == '\n' || c == '\r') break;  // a blank line
        row_offset_ = base + i;
        state_ = State::cell_start;
        [[fallthrough]];
      case State::cell_start:
        if (c == '"') {
          quote_offset_ = base + i;
          state_ = State::quoted;
          break;
        }
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted:
      case State::after_quoted:
        if (c == delimiter_) {
          end_cell();
          state_ = State::cell_start;
        } else if (c == '\n') {
          end_cell();
          row_done = true;
        } else if (c != '\r') {
          cell_ += c;
        }
        break;
      case State::quoted:
        if (c == '"') state_ = State::quote_in_quoted;
        else cell_ += c;
        break;
      case State::quote_in_quoted:
        if (c == '"') {  // "" is a quote
          cell_ += '"';
          state_ = State::quoted;
        } else if (c == delimiter_) {
          end_cell();
          state_ = State::cell_start;
        } else if (c == '\n') {
          end_cell();
          row_done = true;
        } else {
          state_ = State::after_quoted;
          if (c != '\r') cell_ += c;
        }
        break;
    }
  }
  position_ = base + i;
  if (!row_done && context.at_end() && state_ != State::row_start) {
    if (state_ == State::quoted) {
      throw InputError("unbalanced quotes: the quoted cell that starts here is never closed",
                       context.at(quote_offset_));
    }
    end_cell();
    row_done = true;
  }
  if (!row_done) {
    if (state_ == State::row_start) {
      context.consume(i);
    } else {
      context.check_record_size(row_offset_, position_, "a CSV row");
      context.consume(row_offset_ - base);  // keep the row's text, for its location
    }
    return false;
  }
  context.check_record_size(row_offset_, base + i, "a CSV row");
  context.consume(i);
  position_ = base + i;
  state_ = State::row_start;
  row.offset = row_offset_;
  row.cells = std::move(cells_);
  cells_.clear();
  return true;
}

}  // namespace loopscore
