// Building DOM safely: every string becomes a text node, never markup. No innerHTML anywhere.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes (null/false skipped, true = present) and children (strings as text). */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element, built like h(). */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

// Sets attributes and appends children; strings and numbers go in as text nodes.
function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL as a string when it is http(s), else null: javascript:, data: and the rest never become links. */
export function safeHttpUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to an original post that opens in a new tab and tells it nothing; null without a safe URL. */
export function postLink(url, text = 'open the post', label = undefined) {
  const href = safeHttpUrl(url);
  return href && h('a', { href, target: '_blank', rel: 'noopener noreferrer', part: 'link', 'aria-label': label }, text);
}
