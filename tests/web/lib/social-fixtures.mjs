// Deterministic API responses for the mock Mastodon and Bluesky servers: a brand account with a
// month of posts, some answered by its audience (threads with replies and the brand's answers),
// shaped like the real APIs (see ../shared/samples) but written here, not copied.

const BRAND = 'brightbeans';
const MONTH_START = Date.UTC(2024, 4, 1, 7, 0); // 2024-05-01 07:00 UTC
const HOUR = 3_600_000;
const AUDIENCE = ['mara', 'ode', 'lin', 'tomas', 'priya', 'kemal', 'jo'];

const BRAND_TEXTS = [
  'Tip of the day: grind right before you brew, the aroma fades within minutes.',
  'Good morning! What are you drinking today? Tell us how you take yours.',
  'Thank you @mara for the lovely photo of your cup, you made our day!',
  'New: our Huila single origin is back. 20% off this weekend only, order now!',
  'How to dial in a pour-over: start at 1:16 and bloom for 30 seconds.',
  'Behind the scenes: Ana cupping twelve samples from our farm partners.',
  'Friday question: sugar in your coffee, yes or no? No judgement here.',
  'Storing beans? Airtight jar, away from light. The freezer only helps for long storage.',
];
const AUDIENCE_TEXTS = [
  'Love this! Best coffee in town, I want a bag of the Huila right now.',
  'My order from last week still has not arrived. Any news?',
  'Does the decaf come in whole beans?',
  'Tried the tip, it really works. Thanks!',
  'Ordered twice and both times it came late. Disappointed.',
  'Flat white, no sugar, every single morning.',
];
const ANSWERS = [
  'So sorry about that! Send us your order number and we will sort it today.',
  'Yes, the decaf comes as whole beans or ground, whichever you prefer.',
  'Thank you, that means a lot to the whole team!',
];

// ---------------------------------------------------------------- Mastodon

// A Mastodon id: milliseconds since the epoch shifted left 16 bits, plus a sequence.
function mastodonId(ms, seq) {
  return ((BigInt(ms) << 16n) | BigInt(seq & 0xffff)).toString();
}

function mastodonAccount(username, host, id, extra = {}) {
  return {
    id, username, acct: username, display_name: username === BRAND ? 'Bright Beans Coffee' : username,
    locked: false, bot: false, discoverable: true, group: false, created_at: '2022-11-07T00:00:00.000Z',
    note: '<p>Small-batch roasters.</p>', url: `https://${host}/@${username}`, uri: `https://${host}/users/${username}`,
    avatar: '', header: '', followers_count: username === BRAND ? 2480 : 40, following_count: 120,
    statuses_count: 0, last_status_at: '2024-05-30', emojis: [], fields: [], ...extra,
  };
}

function mastodonStatus({ id, at, account, host, text, replyTo = null, replies = 0, likes = 0, reblogs = 0 }) {
  return {
    id, created_at: new Date(at).toISOString(), in_reply_to_id: replyTo?.id ?? null,
    in_reply_to_account_id: replyTo?.account.id ?? null, sensitive: false, spoiler_text: '', visibility: 'public',
    language: 'en', uri: `https://${host}/users/${account.username}/statuses/${id}`,
    url: `https://${host}/@${account.username}/${id}`, replies_count: replies, reblogs_count: reblogs,
    favourites_count: likes, edited_at: null, content: `<p>${text.replaceAll('&', '&amp;')}</p>`, reblog: null,
    application: null, account, media_attachments: [],
    mentions: replyTo && replyTo.account.id !== account.id
      ? [{ id: replyTo.account.id, username: replyTo.account.username, url: replyTo.account.url, acct: replyTo.account.acct }]
      : [],
    tags: [], emojis: [], card: null, poll: null,
  };
}

/** A Mastodon instance's data: accounts by username, each account's statuses (newest first), contexts by status id. */
export function mastodonInstance(host, { posts = 95 } = {}) {
  const brand = mastodonAccount(BRAND, host, '110000000000000001', { statuses_count: posts });
  const audience = AUDIENCE.map((name, i) => mastodonAccount(name, host, `11000000000000010${i}`));
  const statuses = [];
  const contexts = new Map();
  let seq = 0;
  for (let i = 0; i < posts; i++) {
    const at = MONTH_START + i * 7 * HOUR + (i % 3) * 1_234_000;
    const replies = i % 4 === 1 ? 1 + (i % 3) : 0;
    const status = mastodonStatus({
      id: mastodonId(at, seq++), at, account: brand, host, text: `${BRAND_TEXTS[i % BRAND_TEXTS.length]} (${i + 1})`,
      replies, likes: (i * 7) % 23, reblogs: i % 5,
    });
    statuses.push(status);
    if (replies === 0) continue;
    // The audience answers; the brand replies to the first of them.
    const descendants = [];
    for (let r = 0; r < replies; r++) {
      const author = audience[(i + r) % audience.length];
      const rAt = at + (r + 1) * 20 * 60_000;
      descendants.push(mastodonStatus({ id: mastodonId(rAt, seq++), at: rAt, account: author, host,
        text: `@${BRAND} ${AUDIENCE_TEXTS[(i + r) % AUDIENCE_TEXTS.length]}`, replyTo: status }));
    }
    const first = descendants[0];
    const aAt = at + 95 * 60_000;
    descendants.push(mastodonStatus({ id: mastodonId(aAt, seq++), at: aAt, account: brand, host,
      text: `@${first.account.username} ${ANSWERS[i % ANSWERS.length]}`, replyTo: first }));
    contexts.set(status.id, { ancestors: [], descendants });
  }
  statuses.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const small = (username, count, extra = {}) => {
    const account = mastodonAccount(username, host, `1100000000000009${username.length}${count}`, { statuses_count: count, ...extra });
    const list = Array.from({ length: count }, (_, i) => mastodonStatus({
      id: mastodonId(MONTH_START + i * HOUR, 60000 + i), at: MONTH_START + i * HOUR, account, host,
      text: BRAND_TEXTS[i % BRAND_TEXTS.length], replies: 1,
    })).reverse();
    return { account, statuses: list };
  };
  return {
    accounts: {
      [BRAND]: { account: brand, statuses },
      locked: { account: mastodonAccount('locked', host, '110000000000000900', { locked: true, statuses_count: 12 }), statuses: [] },
      authonly: { account: mastodonAccount('authonly', host, '110000000000000901'), statuses: [], status: 401 },
      broken: { account: mastodonAccount('broken', host, '110000000000000902'), statuses: [], broken: true },
      flaky: { ...small('flaky', 3), contextStatus: 429 },
    },
    contexts,
  };
}

// ---------------------------------------------------------------- Bluesky

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** A Bluesky record key (TID): microseconds since the epoch and a clock id, base32-sortable. */
export function tid(ms, clock = 0) {
  let value = (BigInt(ms) * 1000n << 10n) | BigInt(clock & 0x3ff);
  let text = '';
  for (let i = 0; i < 13; i++) {
    text = TID_ALPHABET[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

function blueskyProfile(handle, extra = {}) {
  const did = `did:plc:${handle.split('.')[0].padEnd(24, '0').slice(0, 24)}`;
  return {
    did, handle, displayName: handle.startsWith(BRAND) ? 'Bright Beans Coffee' : handle.split('.')[0],
    avatar: '', description: 'Small-batch roasters.', followersCount: handle.startsWith(BRAND) ? 1310 : 30,
    followsCount: 200, postsCount: 0, indexedAt: '2024-01-01T00:00:00.000Z', createdAt: '2023-04-01T00:00:00.000Z',
    labels: [], ...extra,
  };
}

function blueskyPost({ author, at, text, clock, replyTo = null, root = null, replies = 0, likes = 0, reposts = 0 }) {
  const uri = `at://${author.did}/app.bsky.feed.post/${tid(at, clock)}`;
  const record = { $type: 'app.bsky.feed.post', text, createdAt: new Date(at).toISOString(), langs: ['en'] };
  if (replyTo) record.reply = { root: { uri: (root ?? replyTo).uri, cid: 'bafyroot' }, parent: { uri: replyTo.uri, cid: 'bafyparent' } };
  const basic = { did: author.did, handle: author.handle, displayName: author.displayName, avatar: '', labels: [] };
  return {
    uri, cid: `bafy${tid(at, clock)}`, author: basic, record, replyCount: replies, repostCount: reposts,
    likeCount: likes, quoteCount: 0, indexedAt: new Date(at + 1000).toISOString(), labels: [],
  };
}

/** The AppView's data: profiles by handle, each handle's feed (newest first), threads by post URI. */
export function blueskyAppView({ posts = 130 } = {}) {
  const brand = blueskyProfile(`${BRAND}.bsky.social`, { postsCount: posts });
  const audience = AUDIENCE.map((name) => blueskyProfile(`${name}.bsky.social`));
  const feed = [];
  const threads = new Map();
  let clock = 0;
  for (let i = 0; i < posts; i++) {
    const at = MONTH_START + i * 5 * HOUR + (i % 4) * 987_000;
    const replies = i % 5 === 2 ? 1 + (i % 2) : 0;
    const post = blueskyPost({ author: brand, at, clock: clock++, text: `${BRAND_TEXTS[i % BRAND_TEXTS.length]} [${i + 1}]`,
      replies, likes: (i * 5) % 31, reposts: i % 4 });
    feed.push({ post });
    if (replies === 0) continue;
    const replyViews = [];
    for (let r = 0; r < replies; r++) {
      const rAt = at + (r + 1) * 25 * 60_000;
      const reply = blueskyPost({ author: audience[(i + r) % audience.length], at: rAt, clock: clock++, replyTo: post,
        text: `@${brand.handle} ${AUDIENCE_TEXTS[(i + r) % AUDIENCE_TEXTS.length]}`, replies: r === 0 ? 1 : 0 });
      const answers = [];
      if (r === 0) {
        const aAt = rAt + 40 * 60_000;
        const answer = blueskyPost({ author: brand, at: aAt, clock: clock++, replyTo: reply, root: post,
          text: `@${reply.author.handle} ${ANSWERS[i % ANSWERS.length]}` });
        answers.push({ $type: 'app.bsky.feed.defs#threadViewPost', post: answer, replies: [] });
      }
      replyViews.push({ $type: 'app.bsky.feed.defs#threadViewPost', post: reply, replies: answers });
    }
    threads.set(post.uri, { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post, replies: replyViews } });
  }
  feed.reverse();
  return {
    profiles: {
      [brand.handle]: { profile: brand, feed },
      'hidden.bsky.social': { profile: blueskyProfile('hidden.bsky.social', { labels: [{ src: 'did:plc:hidden', uri: 'at://did:plc:hidden/app.bsky.actor.profile/self', cid: 'bafyx', val: '!no-unauthenticated', cts: '2024-01-01T00:00:00.000Z' }] }), feed: [] },
      'broken.bsky.social': { profile: blueskyProfile('broken.bsky.social'), feed: [], broken: true },
    },
    threads,
  };
}
