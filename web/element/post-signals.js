// Reading the optional per-post fields (`signals`, `stage`, `tone`, and the traits `useful` and
// `credit`) whichever shape they come in: present, absent, confidences or booleans.

/** Confidence at or above which a signal counts as present (Signals::kPresent in the core). */
export const SIGNAL_PRESENT = 0.5;

/** Yes/no traits a post may carry beside its signals. */
const TRAITS = ['useful', 'credit'];

/** A signal's or trait's raw value in a post: a confidence, a boolean, or undefined. */
export function signalValue(post, name) {
  return TRAITS.includes(name) ? post?.[name] : post?.signals?.[name];
}

/** A signal's strength 0..1 in a post (0 when absent or unknown). */
export function signalStrength(post, name) {
  const value = signalValue(post, name);
  if (value === true) return 1;
  return typeof value === 'number' ? value : 0;
}

/** Every signal and trait name any post carries, in first-seen order (empty when none has any). */
export function signalNames(posts) {
  const names = new Set();
  for (const post of posts) {
    for (const name of Object.keys(post.signals ?? {})) names.add(name);
    for (const name of TRAITS) if (typeof post[name] === 'boolean') names.add(name);
  }
  return [...names];
}

/** The names of the signals and traits present in a post. */
export function presentSignals(post, names = signalNames([post])) {
  return names.filter((name) => signalStrength(post, name) >= SIGNAL_PRESENT);
}

/** The post's feedback-cycle stage, or "" when unknown or none. */
export function postStage(post) {
  return typeof post?.stage === 'string' && post.stage !== 'none' ? post.stage : '';
}
