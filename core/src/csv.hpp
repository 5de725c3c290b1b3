#pragma once
// CSV as RFC 4180 writes it, read as it arrives: quoted cells ("" for a quote, line breaks
// inside), CRLF or LF, a delimiter sniffed from the header (internal to the core).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "format_reader.hpp"

namespace loopscore {

/// The first row of a CSV text, the delimiter it uses, and how many cells the next row has.
struct CsvHeader {
  char delimiter = ',';
  std::vector<std::string> names;
  std::optional<std::size_t> second_row_cells;  ///< when a second row ends within the prefix
};

/// The header of a CSV text that begins with `prefix`: the delimiter is whichever of ',', ';'
/// and tab the first row holds most of outside quotes (',' on a tie or none). Nullopt when the
/// first row does not end within `prefix` and `complete` is false.
std::optional<CsvHeader> sniff_csv_header(std::string_view prefix, bool complete);

/// True when `a` and `b` are equal ignoring ASCII case and surrounding spaces.
bool same_column_name(std::string_view a, std::string_view b);

/// Names a CSV's text column may have: the mapping's, then a few more usual ones
/// ("post", "comment", "caption", LinkedIn's "ShareCommentary"...).
std::vector<std::string> csv_text_names(const FieldMapping& fields);

/// One CSV row.
struct CsvRow {
  std::vector<std::string> cells;
  std::size_t offset = 0;  ///< input offset where the row starts
};

/// Parses the rows of the pending text of a read, across pieces. Lenient where RFC 4180 is
/// strict: a quote inside an unquoted cell, or text after a closing quote, is kept as text; a lone
/// CR is dropped. Blank lines are not rows.
class CsvParser {
 public:
  explicit CsvParser(char delimiter) : delimiter_(delimiter) {}

  /// Parses the next row; false when none is complete yet. Throws InputError for a quoted cell
  /// still open at the end of the input, and for a row longer than max_record_bytes.
  bool next(ReadContext& context, CsvRow& row);

 private:
  enum class State { row_start, cell_start, unquoted, quoted, quote_in_quoted, after_quoted };
  bool parse_row(ReadContext& context, CsvRow& row);
  void end_cell();

  char delimiter_;
  State state_ = State::row_start;
  std::size_t position_ = 0;      // input offset parsed to
  std::size_t row_offset_ = 0;    // input offset of the row being parsed
  std::size_t quote_offset_ = 0;  // input offset of the quote that opened the current cell
  std::vector<std::string> cells_;
  std::string cell_;
};

/// How one kind of CSV file turns its rows into posts.
class CsvProfile {
 public:
  virtual ~CsvProfile() = default;

  /// Takes the header row; throws InputError (at `where`) when no post can be read with it.
  virtual void header(ReadContext& context, const std::vector<std::string>& names, const SourceLocation& where) = 0;

  /// Reads one row below the header, located at `where` (numbered as the next record).
  virtual void row(ReadContext& context, const std::vector<std::string>& cells, const SourceLocation& where) = 0;
};

/// The reader of CSV files of one profile (generic CSV, LinkedIn).
std::unique_ptr<FormatReader> make_csv_format_reader(std::unique_ptr<CsvProfile> profile);

}  // namespace loopscore
