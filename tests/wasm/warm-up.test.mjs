// web/warm-up.js with the release module: the warm-up runs its rounds, stops when a real request
// waits, and leaves nothing behind: a report after it is byte for byte a fresh module's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { handle } from '../../web/handler.js';
import { warmUp, warmUpPosts } from '../../web/warm-up.js';
import { loadModule, repoRoot } from '../web/lib/artefacts.mjs';
import { reportText } from '../web/lib/report-text.mjs';

const SAMPLE = readFileSync(path.join(repoRoot, 'tests/fixtures/loop/brand-month.jsonl'), 'utf8');
const request = { id: 1, type: 'analyze', inputs: [{ name: 'brand-month.jsonl', data: SAMPLE }],
  options: { owner: 'northwindcoffee', timezone: '+01:00', include_posts: true } };

test('the made-up posts are read, every one, and look like a brand\'s month', async () => {
  const module = await loadModule();
  const response = await handle(module, { id: 1, type: 'analyze', inputs: [{ name: 'w.jsonl', data: warmUpPosts(50) }],
    options: { owner: 'acme', include_posts: true } });
  const report = JSON.parse(reportText(response));
  assert.equal(report.summary.posts, 50);
  assert.equal(report.input.records_skipped, 0);
  const signals = new Set(report.posts.flatMap((post) => Object.keys(post.signals ?? {})));
  for (const signal of ['question', 'complaint', 'promo', 'love', 'gratitude']) assert.ok(signals.has(signal), `${signal} among ${[...signals]}`);
  assert.ok(report.posts.some((post) => post.by_owner) && report.posts.some((post) => !post.by_owner));
});

test('it runs its rounds, and none once a request waits', async () => {
  const module = await loadModule();
  assert.deepEqual(await warmUp(module, { rounds: 3, postsPerRound: 20 }), { rounds: 3 });
  let asked = 0;
  assert.deepEqual(await warmUp(module, { busy: () => ++asked > 1, rounds: 5, postsPerRound: 20 }), { rounds: 1 }, 'stops before the second');
  assert.deepEqual(await warmUp(module, { busy: () => true }), { rounds: 0 });
});

test('a report after the warm-up is byte for byte a fresh module\'s', async () => {
  const fresh = await handle(await loadModule(), request);
  const warmed = await loadModule();
  assert.equal((await warmUp(warmed)).rounds, 4);
  const after = await handle(warmed, request);
  assert.equal(reportText(after), reportText(fresh));
});
