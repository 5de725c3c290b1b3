// The benchmark corpus: realistic tweet-length posts about a brand (questions, complaints,
// praise, promotions, replies, chatter; emoji, mentions, hashtags, links, capitals, elongation),
// deterministic from a seed, and writers for the input formats scripts/bench times: plain text
// (one post a line), JSONL, an X archive tweets.js and a set of Mastodon statuses pages.
// Built from phrase pools, as scripts/lib/brand-month.mjs builds its month; never from ../shared/eval.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { rng } from './brand-month.mjs';

// Mulberry32, shared with the brand month: the same seed writes the same bytes on every machine.
export { rng };

const BRANDS = ['@northwind', '@acmecoffee', '@brightbeans', '@pixelphone', '@tealair', '@fjordbank'];
const PRODUCTS = ['the new app update', 'my order', 'the oat latte', 'the blue hoodie', 'your support team',
  'the delivery', 'the spring menu', 'the battery', 'this playlist', 'the checkout page', 'the refund',
  'the loyalty card', 'the firmware', 'the flight to Lisbon', 'the starter kit', 'the new store in Leeds'];
const OPENERS = ['', '', '', 'Honestly, ', 'Ok so ', 'Wow, ', 'Ugh. ', 'lol ', 'Not gonna lie, ', 'PSA: ',
  'Update: ', 'Hey ', 'Quick one: ', 'So ', 'Well... '];
const PRAISE = ['I love {p}, best thing this year', '{p} is sooo good', '{p} is absolutely AMAZING',
  'really happy with {p}, thank you', '{p} made my morning', 'can\'t stop using {p}', 'obsessed with {p} tbh',
  'huge thanks to the team behind {p}', '{p} works great now, nice fix', '{p} is pretty decent I guess'];
const COMPLAINTS = ['{p} still hasn\'t arrived and nobody answers', '{p} is broken AGAIN', 'three weeks waiting for {p}',
  '{p} keeps crashing, this is ridiculous', 'worst experience with {p}, never again', 'so disappointed by {p}',
  'charged twice for {p} and no reply', '{p} is not working at all', 'why is {p} so slow today',
  '{p} was cold and late, not happy'];
const QUESTIONS = ['does anyone know when {p} is back?', 'is {p} available in Europe?', 'how do I reset {p}?',
  'any update on {p}?', 'can someone help me with {p}?', 'what time does {p} open on Saturdays?',
  'is it just me or is {p} down?', 'where can I find the receipt for {p}?'];
const PROMOS = ['FLASH SALE!!! 30% off {p} this weekend only, link in bio', 'Use code SPRING20 for 20% off {p}',
  'New drop: {p} is live now, shop the link', 'Last chance to grab {p} at half price', 'Win {p}! RT and follow to enter',
  'Free shipping on {p} until Sunday'];
const REPLIES = ['Thanks for flagging this, could you DM us your order number and we\'ll sort it today?',
  'So sorry about {p}! Our team is on it, expect an email within the hour.',
  'Glad you enjoy {p}, that means a lot to us', 'Good question! {p} is back on Friday.',
  'We hear you. A fix for {p} ships tomorrow, thanks for your patience.',
  'Congrats to the winners and thank you all for joining in!'];
const CHATTER = ['rainy monday, need a second coffee before the standup', 'just finished a 10k run, legs are jelly',
  'watching the match tonight with friends, come on!', 'reading a great book about habits this week',
  'anyone else think mondays should be illegal', 'the sunset over the harbour tonight was unreal',
  'new desk setup finally done, productivity +100%', 'cooking ramen from scratch for the first time'];
const TAILS = ['', '', '', '', ' 😍', ' 🙏', ' 😡', ' 😂😂', ' ❤️', ' 🔥🔥🔥', ' :)', ' :(', ' <3', ' 👍🏽', '!!!', '?!',
  ' #coffee', ' #fail #customerservice', ' #sale #deal #shop', ' https://t.co/Ab3dE9xYz', ' https://brand.example/p/12345',
  ' via @techdaily', ' h/t @mara_brews', ' 🇬🇧', ' xD'];

const FOLLOW_UPS = [' Third time asking.', ' Please fix it soon.', ' Will definitely order again.',
  ' My friends all agree.', ' Been a customer for 5 years.', ' Not impressed, to be honest.', ' Thanks in advance!',
  ' Any ideas?', ' Best decision ever.', ' Such a letdown after all the hype.', ' Still waiting for a reply to my DM.',
  ' The staff in store were lovely though.', ' Can\'t wait for the weekend.', ' Order #48213 if that helps.'];

const pick = (random, list) => list[Math.floor(random() * list.length)];
const fill = (random, template) => template.replaceAll('{p}', pick(random, PRODUCTS));

/**
 * `count` posts as {id, author, text, created_at, likes, reposts, in_reply_to}: a brand account
 * (BRANDS[0]) answering some of them, about one post in six its own. Text alone averages
 * tweet length (~90 bytes).
 */
export function* generatePosts(count, seed = 7) {
  const random = rng(seed);
  const owner = BRANDS[0].slice(1);
  const start = Date.UTC(2024, 0, 1);
  let time = start;
  const baseId = 1750000000000000000n;
  for (let i = 0; i < count; i++) {
    time += Math.floor(random() * 90_000);
    const roll = random();
    const brand = random() < 0.7 ? BRANDS[0] : pick(random, BRANDS);
    let text, author, inReplyTo;
    if (roll < 0.16) {
      author = owner;
      text = random() < 0.35 ? fill(random, pick(random, PROMOS)) : `@user${Math.floor(random() * 50000)} ${fill(random, pick(random, REPLIES))}`;
      if (i > 0 && !text.startsWith('FLASH') && random() < 0.8) inReplyTo = String(baseId + BigInt(Math.floor(random() * i)));
    } else {
      author = `user${Math.floor(random() * 50000)}`;
      const kind = random();
      const body = kind < 0.28 ? pick(random, PRAISE) : kind < 0.5 ? pick(random, COMPLAINTS)
        : kind < 0.7 ? pick(random, QUESTIONS) : kind < 0.9 ? pick(random, CHATTER) : pick(random, PROMOS);
      const mention = kind < 0.7 && random() < 0.6 ? `${brand} ` : '';
      let more = random() < 0.8 ? pick(random, FOLLOW_UPS) : '';
      if (random() < 0.3) more += pick(random, FOLLOW_UPS);
      text = `${mention}${pick(random, OPENERS)}${fill(random, body)}${more}${pick(random, TAILS)}`;
      if (random() < 0.25) text += pick(random, TAILS);
    }
    yield {
      id: String(baseId + BigInt(i)),
      author,
      text,
      created_at: new Date(time).toISOString().replace('.000Z', 'Z'),
      likes: Math.floor(random() * random() * 200),
      reposts: Math.floor(random() * random() * 20),
      in_reply_to: inReplyTo,
    };
  }
}

// Buffered writes, so 1 M posts never sit in memory as one string.
function writer(file) {
  const fd = openSync(file, 'w');
  let parts = [], size = 0, total = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      total += Buffer.byteLength(text);
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
      return total;
    },
  };
}

/** Plain text, one post a line (the texts every scorer sees in the per-post race). Returns bytes. */
export function writeTexts(file, count, seed) {
  const out = writer(file);
  for (const post of generatePosts(count, seed)) out.write(`${post.text}\n`);
  return out.close();
}

/** JSON Lines, one post object a line. Returns bytes. */
export function writeJsonl(file, count, seed) {
  const out = writer(file);
  for (const post of generatePosts(count, seed)) out.write(`${JSON.stringify(post)}\n`);
  return out.close();
}

const TWITTER_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TWITTER_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const twitterDate = (iso) => {
  const d = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${TWITTER_DAYS[d.getUTCDay()]} ${TWITTER_MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
};
const htmlEscape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** An X archive data/tweets.js: the owner's tweets as the archive writes them. Returns bytes. */
export function writeTweetsJs(file, count, seed) {
  const out = writer(file);
  out.write('window.YTD.tweets.part0 = [');
  let i = 0;
  for (const post of generatePosts(count, seed)) {
    const tweet = {
      edit_info: { initial: { editTweetIds: [post.id], editableUntil: '2024-03-04T08:45:00.000Z', editsRemaining: '5', isEditEligible: false } },
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
      display_text_range: ['0', String(post.text.length)],
      favorite_count: String(post.likes),
      id_str: post.id,
      ...(post.in_reply_to ? { in_reply_to_status_id_str: post.in_reply_to, in_reply_to_status_id: post.in_reply_to } : {}),
      truncated: false,
      retweet_count: String(post.reposts),
      id: post.id,
      created_at: twitterDate(post.created_at),
      favorited: false,
      full_text: htmlEscape(post.text),
      lang: 'en',
    };
    out.write(`${i++ ? ',' : ''}\n  {\n    "tweet" : ${JSON.stringify(tweet, null, 2).replaceAll('\n', '\n    ')}\n  }`);
  }
  out.write('\n]\n');
  return out.close();
}

/**
 * Mastodon statuses pages (the API's JSON arrays) of `perPage` statuses each, as
 * DIR/statuses-N.json; returns {files, bytes}.
 */
export function writeMastodonPages(dir, count, seed, perPage = 1000) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0, out = null, inPage = 0;
  for (const post of generatePosts(count, seed)) {
    if (!out) {
      const file = path.join(dir, `statuses-${String(files.length + 1).padStart(5, '0')}.json`);
      files.push(file);
      out = writer(file);
      out.write('[');
    }
    const username = post.author;
    const status = {
      id: post.id,
      // Mastodon writes milliseconds always: "2024-01-01T00:00:46.000Z" (the JSONL time has them only when not 0).
      created_at: post.created_at.includes('.') ? post.created_at : post.created_at.replace('Z', '.000Z'),
      in_reply_to_id: post.in_reply_to ?? null,
      in_reply_to_account_id: post.in_reply_to ? '109000000000000002' : null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: 'en',
      uri: `https://social.example/users/${username}/statuses/${post.id}`,
      url: `https://social.example/@${username}/${post.id}`,
      replies_count: 0,
      reblogs_count: post.reposts,
      favourites_count: post.likes,
      content: `<p>${htmlEscape(post.text)}</p>`,
      reblog: null,
      account: { id: String(109000000000000000n + BigInt(username.length)), username, acct: username, display_name: username },
      media_attachments: [],
      mentions: [],
      tags: [],
      emojis: [],
    };
    out.write(`${inPage ? ',' : ''}\n${JSON.stringify(status)}`);
    if (++inPage === perPage) {
      out.write('\n]\n');
      bytes += out.close();
      out = null;
      inPage = 0;
    }
  }
  if (out) {
    out.write('\n]\n');
    bytes += out.close();
  }
  return { files, bytes };
}
