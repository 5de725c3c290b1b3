// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel reads the
// encoding, and text cells that a spreadsheet would run as a formula made inert with a "'".

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as they are, text neutralised against formula injection and quoted when needed. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document (BOM, header row, one row per record) from column names and rows of cells. */
export function toCsv(header, rows) {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
