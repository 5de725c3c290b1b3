// The element's pure modules in Node: CSV cells and documents, which URLs may become links,
// how numbers read, and the per-post fields whichever shape they come in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from '../../web/element/csv.js';
import { safeHttpUrl } from '../../web/element/dom.js';
import { formatMinutes, formatNumber, formatScore, plural } from '../../web/element/format.js';
import { scoreBand } from '../../web/element/gauge.js';
import { postStage, presentSignals, signalNames, signalStrength, signalValue } from '../../web/element/post-signals.js';
import { FORMULA_PAYLOADS, URL_PAYLOADS } from './lib/injection-payloads.mjs';

test('CSV cells: RFC 4180 quoting, numbers as they are, formulas made inert', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('cr\r'), '"cr\r"');
  assert.equal(csvCell(-0.5), '-0.5', 'a number is never a formula');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  for (const formula of FORMULA_PAYLOADS) assert.match(csvCell(formula), /^"?'/, JSON.stringify(formula));
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('=A1,"x"'), '"\'=A1,""x"""');
  assert.equal(csvCell('-'), "'-");
  assert.equal(csvCell('a=b'), 'a=b', 'only a leading character matters');
});

test('a CSV document: BOM, header, CRLF after every record', () => {
  assert.equal(toCsv(['id', 'text'], [['1', 'a'], ['2', 'b,c']]), '\uFEFFid,text\r\n1,a\r\n2,"b,c"\r\n');
  assert.equal(toCsv(['id'], []), '\uFEFFid\r\n');
});

test('only http and https URLs become links', () => {
  assert.equal(safeHttpUrl('https://social.example/@a/1'), 'https://social.example/@a/1');
  assert.equal(safeHttpUrl('http://example.com'), 'http://example.com/');
  for (const url of [...URL_PAYLOADS.slice(0, -1), 'ftp://x', '//example.com', '/relative', '', null, 42]) {
    assert.equal(safeHttpUrl(url), null, JSON.stringify(url));
  }
  assert.equal(safeHttpUrl(URL_PAYLOADS.at(-1)), 'https://example.com/%22%3E%3Cscript%3Ewindow.pwned%20=%20%22quoted%20https%22%3C/script%3E');
});

test('numbers, durations and bands', () => {
  assert.equal(formatScore(64.8044), '65');
  assert.equal(formatScore(null), '–');
  assert.equal(formatMinutes(45), '45 min');
  assert.equal(formatMinutes(95), '1.6 h');
  assert.equal(formatMinutes(1500), '25 h');
  assert.equal(formatMinutes(4320), '3 days');
  assert.equal(plural(1, 'post'), '1 post');
  assert.equal(plural(1200, 'post'), '1,200 posts');
  assert.deepEqual([0, 39.9, 40, 69.9, 70, 100, null].map(scoreBand), ['low', 'low', 'mid', 'mid', 'high', 'high', 'none']);
});

test('formatNumber says what toLocaleString("en") says: grouping, half away from zero, no trailing zeros', () => {
  const cases = [[1234.567, 2, '1,234.57'], [1.005, 2, '1.01'], [2.5, 0, '3'], [-2.5, 0, '-3'], [999.995, 2, '1,000'],
    [0.1 + 0.2, 2, '0.3'], [-1234.5, 1, '-1,234.5'], [123456789.987, 0, '123,456,790'], [7, 2, '7'], [null, 2, '–'], ['n/a', 2, 'n/a']];
  for (const [value, digits, expected] of cases) assert.equal(formatNumber(value, digits), expected, `${value} to ${digits}`);
  // Against Intl itself, over values of every size and the halves where rounding could differ.
  const values = [-0.001, 0.125, 1e-7, 1e21, NaN, Infinity];
  for (let i = 0; i < 3000; i++) values.push(((i * 7919) % 20001 - 10000) / 8, (i * 104729 % 1e6) / 1000, (i - 1500) * 10 ** (i % 12 - 4) / 3);
  for (const value of values) {
    for (const digits of [0, 1, 2]) {
      assert.equal(formatNumber(value, digits), value.toLocaleString('en', { maximumFractionDigits: digits }), `${value} to ${digits}`);
    }
  }
});

test('per-post signals as confidences, as booleans, or absent', () => {
  const confident = { signals: { question: 0.8, complaint: 0.5, promo: 0.49 }, stage: 'opinion' };
  assert.deepEqual(presentSignals(confident), ['question', 'complaint']);
  assert.deepEqual(presentSignals({ signals: { question: true, love: false } }), ['question']);
  assert.deepEqual(presentSignals({}), []);
  assert.equal(signalStrength(confident, 'promo'), 0.49);
  assert.equal(signalStrength({ signals: { love: true } }, 'love'), 1);
  assert.equal(signalStrength({}, 'love'), 0);
  assert.deepEqual(signalNames([confident, { signals: { love: 1 } }, {}]), ['question', 'complaint', 'promo', 'love']);
  const traits = { signals: { promo: 0.1 }, useful: true, credit: false };
  assert.deepEqual(signalNames([traits]), ['promo', 'useful', 'credit']);
  assert.deepEqual(presentSignals(traits), ['useful']);
  assert.equal(signalValue(traits, 'credit'), false);
  assert.equal(postStage(confident), 'opinion');
  assert.equal(postStage({ stage: 'none' }), '');
  assert.equal(postStage({}), '');
});
