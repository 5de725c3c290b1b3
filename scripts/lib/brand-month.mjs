// A synthetic but realistic month of a coffee brand on social media, with known answers planted:
// how many questions and complaints, which were answered and after how long, how many
// promotions, bursts and repeats. Deterministic: the same seed writes the same bytes.
//
// generateBrandMonth() returns { posts, planted }: posts are JSONL-ready objects; planted holds
// the figures `loopscore analyze --owner @northwindcoffee --timezone +01:00` must reproduce.

const OWNER = 'northwindcoffee';
const MONTH_START = Date.UTC(2024, 2, 1); // Friday 2024-03-01 00:00 UTC
const UTC_OFFSET_MIN = 60;                // the brand works in UTC+01:00
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Mulberry32: a tiny seeded PRNG, so the month is the same on every machine.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The owner's own posts. Every text is used once (the planted repeat aside), so the only
// duplicates in the month are the ones planted.
const TIPS = [
  'Tip of the day: grind right before you brew. Pre-ground coffee loses most of its aroma within 15 minutes.',
  'How to dial in a pour-over: start at 1:16, bloom for 30 seconds, then pour slowly in circles.',
  'Quick guide to water: soft, filtered water at 92-96°C makes the sweetest cup. Boiling water scorches it.',
  'Storing beans? Keep them in an airtight jar away from light. The freezer only helps for long storage.',
  'French press trick: let it steep 4 minutes, break the crust, skim the foam, then plunge gently.',
  'Cold brew at home: 100 g coarse coffee, 1 litre cold water, 16 hours in the fridge, then filter.',
  'Why your espresso tastes sour: the shot ran too fast. Try a finer grind and aim for 25-30 seconds.',
  'Here is how we taste coffee at the roastery: slurp loudly, it spreads the coffee over your whole tongue.',
  'Milk tip: stop steaming at about 60°C. Hotter than that and the sweetness of the milk disappears.',
  'A scale changes everything. Weigh your coffee and water once and you will never go back to scoops.',
  'Moka pot advice: fill the base with hot water, not cold, so the coffee does not cook on the stove.',
  'Descale your machine every month if your water is hard. Vinegar works, citric acid smells nicer.',
  'Light roasts love a slightly longer brew. Add 20 seconds to your usual recipe and taste the fruit.',
  'Aeropress recipe from our barista Ana: 15 g, 200 g water at 85°C, inverted, two minutes, press slowly.',
  'Rest your beans! Coffee roasted yesterday is still full of gas. Day five to twenty is the sweet spot.',
  'Cleaning your grinder: run a handful of rice through it once a week to clear the old oils.',
  'Iced coffee without watering it down: brew double strength straight over ice, it melts as it cools.',
  'Your kettle matters less than your grinder. If you upgrade one thing this year, make it the grinder.',
];
const CHATS = [
  'Good morning! What are you drinking today? We are on our second cup of the Ethiopian already.',
  'Rainy Monday here. Who else needs an extra shot today? Tell us how you take yours.',
  'Our team picked their favourite mugs this week. Mine is the chipped blue one, it has character. - Sam',
  'Friday question for you: sugar in your coffee, yes or no? No judgement here, promise.',
  'The roaster smells like chocolate and cherries this morning. Guess which origin we are roasting?',
  'Behind the scenes: Ana cupping twelve samples from our new farm partners in Huila. Long day, happy tongue.',
  'We are curious: do you brew at home, at work, or do you wait for your café stop on the way in?',
  'Sunday slow morning at the roastery. Nothing to sell, just good music and a very slow pour-over.',
];
const THANKS = [
  'Thank you @mara_brews for the lovely photo of your morning cup. You made our day!',
  'Huge thanks to everyone who came to the tasting on Saturday. We loved meeting you all.',
  'Congrats to @lina_bakes on opening her bakery this week. Her cinnamon buns are the best in town.',
  'Shout-out to our roaster Tomás, who just finished his Q grader course. So proud of you!',
  'Thanks to @greenleafco for the compost pickup: all our coffee chaff now goes to their gardens.',
  'Credit where it is due: the latte art in yesterday\'s photo was by @jules_pours, not us. Stunning work.',
  'Thank you to the farmers at Finca La Esperanza. This harvest is the best we have tasted from you.',
  'Big thanks @kemal for the brilliant brewing guide you wrote for the community. Worth a read.',
];
const PROMOS = [
  '20% off all single origins this weekend with code SPRING20. Shop now: https://northwind.example/shop',
  'FLASH SALE: buy two bags, get the third free. Today only! Order at https://northwind.example/shop',
  'New subscription deal: save 15% on every delivery. Sign up now at https://northwind.example/subscribe',
  'Last chance! Our holiday blend is 30% off until midnight. Link in bio.',
  'Gift cards are back: buy one for 50 euros and get a free bag of beans. Order today at https://northwind.example/gifts',
  'Limited offer: free shipping on all orders over 30 euros this week. Shop the range now.',
  'Our new espresso blend is here. Pre-order now and save 10% with code BLEND10.',
  'Only 40 bags left of the Panama Geisha. Buy yours before it sells out: https://northwind.example/geisha',
];
const PRESS = [
  'Northwind Coffee is pleased to announce the opening of its third location. Northwind Coffee remains committed to quality.',
  'We are pleased to announce a strategic partnership that strengthens Northwind Coffee\'s position in the specialty market.',
];
const QUESTIONS = [
  'Do you ship to Norway?',
  'What grind size should I use for a moka pot?',
  'Is the Colombia roast good for espresso?',
  'When will the decaf be back in stock?',
  'Can I change the address on my subscription?',
  'How long do the beans stay fresh after opening?',
  'Are your bags compostable?',
  'Which blend would you pick for a milky flat white?',
];
const COMPLAINTS = [
  'My order arrived damaged and the beans were all over the box. Really disappointed.',
  'Still waiting for my refund after three weeks. This is not ok.',
  'The subscription charged me twice this month and nobody answers my emails.',
  'My parcel was lost again. Second time this month, very frustrating.',
];
const REQUESTS = [
  'Please send me the tracking number for my order.',
  'Please cancel my subscription from next month.',
];
const PRAISE = [
  'I love this coffee so much, it makes my mornings.',
  'Absolutely love the new Kenya roast. Best beans I have had all year.',
  'I need this blend in my life right now. Take my money!',
  'Looks nice.',
  'Great photo.',
  'Thanks for the tip, that worked really well.',
];
// The owner's answers: each written for the person, never pasted.
const ANSWERS = {
  question: [
    'Good question! Yes, we ship there, it usually takes four or five working days. - Sam',
    'A fine grind, a little coarser than espresso, and do not tamp it. Enjoy your moka! - Ana',
    'It is lovely as espresso, chocolatey and round. Try 18 g in, 38 g out. - Ana',
    'The decaf returns next Tuesday, we just roasted a fresh batch this morning. - Sam',
    'Yes, you can change it yourself under Account, then Subscriptions. Shout if it gives you trouble. - Ana',
    'Best within a month of opening if you keep the bag closed and out of the light. - Sam',
    'They are! Our bags are home compostable, just remove the little valve first. - Ana',
    'For a milky flat white I would pick the Harbour blend, it cuts right through the milk. - Sam',
    'We do, and shipping there is free this month. Your parcel would arrive within a week. - Ana',
    'Yes, our fresh batch is in the shop from tomorrow morning. - Sam',
  ],
  complaint: [
    'So sorry about this. A new bag is on its way today and you do not need to send anything back. - Sam',
    'That is far too long, I am sorry. I have chased the refund myself and it went out this morning. - Ana',
    'Apologies for the double charge, that was our mistake. The second payment is refunded already. - Sam',
    'I am really sorry your parcel went missing again. We are sending a replacement by tracked post. - Ana',
    'That should never happen. I have sent you a replacement and a note to our courier. - Sam',
  ],
  request: [
    'Of course! I have sent the tracking number to your email just now. - Ana',
    'Done: your subscription ends after this month. Thanks for being with us. - Sam',
  ],
};

// Local time (UTC+1) of day `d` of March at hour `h` and minute `m`, as UTC milliseconds.
const local = (d, h, m = 0) => MONTH_START + (d - 1) * DAY + h * HOUR + m * MINUTE - UTC_OFFSET_MIN * MINUTE;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function generateBrandMonth(seed = 20240301) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Draws each text of a list once, in a seeded order.
  const deck = (list) => {
    const cards = [...list];
    for (let i = cards.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [cards[i], cards[j]] = [cards[j], cards[i]];
    }
    return () => {
      if (cards.length === 0) throw new Error('brand month: a text list ran out');
      return cards.pop();
    };
  };
  const nextOwnerText = deck([...TIPS, ...CHATS, ...THANKS]);
  const nextPromo = deck(PROMOS.slice(0, 5));
  const nextAnswer = { question: deck(ANSWERS.question), complaint: deck(ANSWERS.complaint), request: deck(ANSWERS.request) };
  const posts = [];
  let nextId = 1_000_000;
  const add = (post) => {
    const full = { id: String(nextId++), ...post };
    posts.push(full);
    return full;
  };
  const ownerPost = (time, text, counts = {}) =>
    add({ author: OWNER, created_at: iso(time), text, likes: 0, reposts: 0, replies: 0, ...counts });

  const planted = {
    owner: OWNER, utc_offset: '+01:00', owner_posts: 0, audience_posts: 0,
    needing_answer: 0, questions: 0, complaints: 0, requests: 0, answered: 0,
    response_minutes: [], business_hours: { needing: 0, answered: 0 }, off_hours: { needing: 0, answered: 0 },
    unanswered_ids: [], repeat_askers: [], answered_by_others_only: 0,
    promotions: 0, burst_posts: 0, duplicates: 0, likes: 0, reposts: 0, replies: 0, counted_posts: 0,
  };
  const isBusiness = (utc) => {
    const localMs = utc + UTC_OFFSET_MIN * MINUTE;
    const d = new Date(localMs);
    const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
    return weekday < 5 && d.getUTCHours() >= 9 && d.getUTCHours() < 17;
  };

  // The owner's month: one or two posts a day, spread over the working day.
  const anchors = [];
  for (let day = 1; day <= 31; day++) {
    const slots = day % 3 === 0 ? 2 : 1;
    for (let s = 0; s < slots; s++) {
      const hour = 9 + Math.floor(random() * 8);
      const minute = Math.floor(random() * 60);
      const promo = day % 7 === 2 && s === 0;
      const press = (day === 12 || day === 26) && s === 0;
      const text = promo ? nextPromo() : press ? PRESS[day === 12 ? 0 : 1] : nextOwnerText();
      const counts = { likes: 5 + Math.floor(random() * 40), reposts: Math.floor(random() * 6), replies: Math.floor(random() * 9) };
      anchors.push(ownerPost(local(day, hour, minute), text, counts));
      if (promo) planted.promotions++;
    }
  }
  // A burst: four promotions within six minutes on the evening of the 15th, the last one a
  // word-for-word repeat of the first.
  const burst = [PROMOS[5], PROMOS[6], PROMOS[7], PROMOS[5]];
  burst.forEach((text, k) => ownerPost(local(15, 18, 2 * k), text, { likes: 1, reposts: 0, replies: 0 }));
  planted.promotions += burst.length;
  planted.burst_posts = burst.length;
  planted.duplicates = 1;

  // The audience: questions, complaints and requests on the owner's posts; some answered.
  const people = ['mara_brews', 'jonas.k', 'priya_codes', 'leo_runs', 'ines', 'tom_h', 'yuki', 'ben_rides',
                  'carla', 'dev_ops_dan', 'fatima', 'gus', 'hana', 'ivan', 'jo_m', 'kemal'];
  // Delays (minutes) of the owner's answers, in the order the needing posts are generated;
  // null = never answered by the owner.
  const delays = [12, 45, null, 180, 25, 1500, 8, null, 95, 320, 60, 2880, null, 15, 40, 700, null, 30, 5, 240];
  let nextDelay = 0;
  const kinds = ['question', 'complaint', 'question', 'request', 'question', 'complaint', 'question', 'question',
                 'complaint', 'question', 'request', 'question', 'complaint', 'question', 'question', 'complaint',
                 'question', 'question', 'complaint', 'question'];
  for (let n = 0; n < kinds.length; n++) {
    const anchor = anchors[(n * 2 + 1) % anchors.length];
    const author = people[n % 12];
    const when = Date.parse(anchor.created_at) + (20 + Math.floor(random() * 300)) * MINUTE;
    const kind = kinds[n];
    const text = `@${OWNER} ` + (kind === 'question' ? pick(QUESTIONS) : kind === 'complaint' ? pick(COMPLAINTS) : pick(REQUESTS));
    const inbound = add({ author, created_at: iso(when), text, in_reply_to: anchor.id });
    planted.needing_answer++;
    planted[kind === 'question' ? 'questions' : kind === 'complaint' ? 'complaints' : 'requests']++;
    const slice = isBusiness(when) ? planted.business_hours : planted.off_hours;
    slice.needing++;
    const delay = delays[nextDelay++];
    if (delay === null) {
      planted.unanswered_ids.push(inbound.id);
      continue;
    }
    ownerPost(when + delay * MINUTE, `@${author} ` + nextAnswer[kind](), {});
    posts[posts.length - 1].in_reply_to = inbound.id;
    planted.answered++;
    planted.response_minutes.push(delay);
    slice.answered++;
  }
  // Two people ask twice and never hear back; a neighbour answers one of them instead.
  for (const [author, first, second] of [['quinn', 3, 17], ['rosa', 8, 22]]) {
    const ids = [];
    for (const day of [first, second]) {
      const anchor = anchors.find((a) => a.created_at.startsWith(`2024-03-${String(day).padStart(2, '0')}`));
      const when = Date.parse(anchor.created_at) + 90 * MINUTE;
      const inbound = add({ author, created_at: iso(when), text: `@${OWNER} ${pick(QUESTIONS)}`, in_reply_to: anchor.id });
      ids.push(inbound.id);
      planted.needing_answer++;
      planted.questions++;
      (isBusiness(when) ? planted.business_hours : planted.off_hours).needing++;
      planted.unanswered_ids.push(inbound.id);
    }
    planted.repeat_askers.push({ author, post_ids: ids });
  }
  const helped = posts.find((p) => p.author === 'rosa');
  add({ author: 'sven', created_at: iso(Date.parse(helped.created_at) + 30 * MINUTE),
        text: '@rosa I asked the same last month, the delivery is usually 3 days.', in_reply_to: helped.id });
  planted.answered_by_others_only = 1;

  // Praise and chatter that need no answer.
  for (let n = 0; n < 24; n++) {
    const anchor = anchors[(n * 5) % anchors.length];
    add({ author: people[(n + 3) % people.length], created_at: iso(Date.parse(anchor.created_at) + (10 + n) * MINUTE),
          text: pick(PRAISE), in_reply_to: anchor.id });
  }

  posts.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  const ownerPosts = posts.filter((p) => p.author === OWNER);
  planted.owner_posts = ownerPosts.length;
  planted.audience_posts = posts.length - ownerPosts.length;
  for (const p of ownerPosts) {
    if (p.likes === undefined) continue;
    planted.counted_posts++;
    planted.likes += p.likes;
    planted.reposts += p.reposts;
    planted.replies += p.replies;
  }
  planted.unanswered_ids.sort((a, b) => {
    const ta = posts.find((p) => p.id === a).created_at, tb = posts.find((p) => p.id === b).created_at;
    return ta.localeCompare(tb);
  });
  return { posts, planted };
}

export const toJsonl = (posts) => posts.map((p) => JSON.stringify(p)).join('\n') + '\n';
