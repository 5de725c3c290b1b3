// Warming the module up: a freshly loaded WebAssembly module runs on the engine's baseline
// compiler, about five times slower than the optimised code the engine makes of the functions it
// sees running. A few analyses of made-up posts, right after loading and before anyone
// asks, get the hot paths optimised, so the visitor's first report comes about as fast as a later
// one. Each round is short and none starts once a real request waits. A round is 500 posts: the
// engine optimises a function once it has run about 1.8 MB of its code, and with the per-post
// helpers kept apart from the report writer (wasm/CMakeLists.txt), four rounds of 50 no longer got
// them there (docs/performance.md, "first report").
import { handle } from './handler.js';

/** Posts in the shapes the scorer meets: praise, complaints, questions, replies, offers, emoji. */
const SHAPES = [
  'Love the new {thing} ❤️ best {day} ever!!',
  '@acme my {thing} still has not arrived, third week now. Refund please?',
  'How do I reset the {thing}? Anyone? #help',
  '@sam thanks so much, that fixed it 🙏',
  '20% off every {thing} this {day} only, shop now https://example.com/{thing}',
  'meh. the {thing} is ok I guess',
  'I want one so badly, take my money 😍',
  'Where is my order?? Nobody answers @AcmeHelp',
  'Just got my {thing}, unboxing tonight :)',
  'Not happy: broken {thing} again, worst service',
];
const THINGS = ['mug', 'grinder', 'kettle', 'app', 'beans'];
const DAYS = ['Monday', 'weekend', 'Friday'];

/** `count` made-up posts as JSONL, replies to the owner among them, an hour apart. */
export function warmUpPosts(count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const text = SHAPES[i % SHAPES.length].replaceAll('{thing}', THINGS[i % THINGS.length]).replaceAll('{day}', DAYS[i % DAYS.length]);
    const byOwner = i % 4 === 1;
    lines.push(JSON.stringify({
      id: String(i + 1), text, author: byOwner ? 'acme' : `fan${i % 17}`,
      created_at: new Date(Date.UTC(2024, 2, 1, i)).toISOString(),
      ...(byOwner && i > 0 ? { in_reply_to: String(i) } : {}),
      likes: i % 7, reposts: i % 3,
    }));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `rounds` analyses of `postsPerRound` made-up posts with the per-post list, stopping before
 * a round when `busy()` says a real request waits; yields to the event loop between rounds.
 * Resolves {rounds} run, and the `error` that ended it early, if one did.
 */
export async function warmUp(module, { busy = () => false, rounds = 4, postsPerRound = 500 } = {}) {
  const text = warmUpPosts(postsPerRound);
  let done = 0;
  while (done < rounds && !busy()) {
    const response = await handle(module, { id: 0, type: 'analyze', inputs: [{ name: 'warm-up.jsonl', data: text }],
      options: { owner: 'acme', include_posts: true } });
    if (!response.ok) return { rounds: done, error: response.error };
    done++;
    await new Promise((resolve) => setTimeout(resolve, 0)); // a task: lets a waiting request's message in
  }
  return { rounds: done };
}
