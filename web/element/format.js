// How numbers, durations and dates read in the report.

/** A score 0..100 as a whole number ("65"), or "–" when there is none. */
export function formatScore(value) {
  return typeof value === 'number' ? String(Math.round(value)) : '–';
}

/** A share 0..1 as a percentage ("67 %"). */
export function formatPercent(share) {
  return typeof share === 'number' ? `${Math.round(share * 100)} %` : '–';
}

/**
 * A count or rate with at most `digits` decimals, without trailing zeros, grouped in thousands:
 * what toLocaleString('en', {maximumFractionDigits}) says, written out by hand because the
 * first Intl number format of a page costs about 70 ms (ICU loading) and every later call
 * another 0.1 ms: too slow for a table of 1 k posts.
 */
export function formatNumber(value, digits = 2) {
  if (typeof value !== 'number') return value === null || value === undefined ? '–' : String(value);
  const shortest = String(Math.abs(value));
  // Rounds the shortest decimal form half away from zero, as Intl does ("1.005" → "1.01").
  const scaled = Math.round(Number(`${shortest}e${digits}`));
  if (!Number.isFinite(value) || shortest.includes('e') || scaled >= 1e21) {
    return value.toLocaleString('en', { maximumFractionDigits: digits }); // exponent forms: rare enough
  }
  const figures = String(scaled).padStart(digits + 1, '0');
  const whole = figures.slice(0, figures.length - digits).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = figures.slice(figures.length - digits).replace(/0+$/, '');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Minutes as "45 min", "3.5 h" or "2.1 days". */
export function formatMinutes(minutes) {
  if (typeof minutes !== 'number') return '–';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${formatNumber(minutes / 60, 1)} h`;
  return `${formatNumber(minutes / 1440, 1)} days`;
}

/** An ISO time as "2024-03-05 18:32 UTC", or "" when there is none. */
export function formatTime(iso) {
  return typeof iso === 'string' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`.trim() : '';
}

/** "1 post" / "3 posts". */
export function plural(count, noun) {
  return `${formatNumber(count, 0)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A snake_case key as words: "purchase_intent" → "purchase intent". */
export function words(key) {
  return String(key).replaceAll('_', ' ');
}

/** Long text cut to `max` characters with a note of how much is left out (the exports keep all of it). */
export function clip(text, max = 600) {
  const value = String(text ?? '');
  return value.length <= max ? value : `${value.slice(0, max)}… (${formatNumber(value.length - max, 0)} more characters)`;
}
