// The element's styles, adopted into its shadow root (a constructed stylesheet: no <style>
// element, so a strict style-src needs no exception). Themes are two palettes of custom
// properties; a host page overrides any --loop-score-* property, or styles the ::part()s.

/** The palettes: [property, light, dark]. Text colours pass WCAG AA on both backgrounds. */
export const PALETTE = [
  ['background', '#ffffff', '#16181d'],
  ['surface', '#f3f5f8', '#20242b'],
  ['text', '#1b1e24', '#e8eaed'],
  ['muted', '#535a66', '#a9afb9'],
  ['border', '#c5cbd3', '#464c56'],
  ['accent', '#1d5fb3', '#8ab4f8'],
  ['on-accent', '#ffffff', '#16181d'],
  ['positive', '#17692f', '#7bd88f'],
  ['negative', '#b3261e', '#f28b82'],
  ['mid', '#8a5a00', '#f2c46d'],
  ['focus', '#1d5fb3', '#8ab4f8'],
];

const vars = (column) => PALETTE.map((row) => `--_${row[0]}: var(--loop-score-${row[0]}, ${row[column]});`).join('');

/** The stylesheet text. */
export const CSS = `
:host { display: block; ${vars(1)} color-scheme: light; color: var(--_text); background: var(--_background);
  font: var(--loop-score-font, 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  border: 1px solid var(--_border); border-radius: var(--loop-score-radius, 0.5rem); padding: 1rem; container-type: inline-size; }
:host([theme=dark]) { ${vars(2)} color-scheme: dark; }
@media (prefers-color-scheme: dark) { :host(:not([theme=light])) { ${vars(2)} color-scheme: dark; } }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
h2 { font-size: 1.35rem; margin: 0 0 0.25rem; } h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; } h4 { font-size: 1rem; margin: 0; }
p { margin: 0.25rem 0; }
.hint, .note, .list-note, .chart-note, .dimension-question, .table-status, caption { color: var(--_muted); font-size: 0.9rem; }
label { font-weight: 600; }
input, textarea, select, button { font: inherit; color: inherit; }
input, select { min-height: 2.25rem; }
input, textarea, select { background: var(--_background); border: 1px solid var(--_muted); border-radius: 0.3rem; padding: 0.35rem 0.5rem; }
textarea { width: 100%; font: 0.9rem/1.4 ui-monospace, Menlo, Consolas, monospace; resize: vertical; }
button, .file-label { border: 1px solid var(--_accent); border-radius: 0.3rem; padding: 0.4rem 0.9rem; cursor: pointer; background: transparent; color: var(--_accent); font-weight: 600; }
button.primary, .file-label { background: var(--_accent); color: var(--_on-accent); }
button:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
a { color: var(--_accent); }
[hidden] { display: none !important; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin-top: 0.5rem; }
.tablist { display: flex; gap: 0.25rem; border-bottom: 1px solid var(--_border); margin-bottom: 0.75rem; }
[role=tab] { border: 1px solid transparent; border-bottom: 3px solid transparent; border-radius: 0.3rem 0.3rem 0 0; color: var(--_muted); }
[role=tab][aria-selected=true] { color: var(--_text); border-bottom-color: var(--_accent); }
.inputs.dragging { outline: 3px dashed var(--_accent); outline-offset: 4px; }
.drop { border: 2px dashed var(--_border); border-radius: 0.5rem; padding: 1.25rem; text-align: center; }
.drop input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; }
.drop:focus-within .file-label { outline: 3px solid var(--_focus); outline-offset: 2px; }
.file-label { display: inline-block; }
.settings { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem; margin-top: 1rem; }
.field input { display: block; width: 100%; margin-top: 0.2rem; }
#fetch-limit { width: 6rem; }
.field-error, .error { color: var(--_negative); font-weight: 600; }
.error { border-left: 4px solid var(--_negative); padding: 0.5rem 0.75rem; background: var(--_surface); margin-top: 0.75rem; }
.progress { margin-top: 0.75rem; }
.busy { display: flex; gap: 0.75rem; align-items: center; }
progress { flex: 1; height: 0.6rem; accent-color: var(--_accent); }
.status { color: var(--_muted); min-height: 1.5em; }
.report { margin-top: 1rem; border-top: 1px solid var(--_border); padding-top: 1rem; }
.report-head { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; }
.report-summary { flex: 1 1 18rem; }
.export { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
.gauge { margin: 0; width: 13rem; text-align: center; }
.gauge svg { width: 100%; display: block; }
.gauge-track, .gauge-value { fill: none; stroke-width: 18; stroke-linecap: round; }
.gauge-track { stroke: var(--_border); stroke-opacity: 0.5; }
.gauge-value { stroke: var(--_band); }
.gauge-number { font-size: 44px; font-weight: 700; fill: var(--_text); }
.gauge-label { font-weight: 700; margin-top: -0.25rem; }
.band-high { --_band: var(--_positive); } .band-mid { --_band: var(--_mid); } .band-low { --_band: var(--_negative); } .band-none { --_band: var(--_muted); }
.dimensions { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.9rem; }
.dimension-head { display: grid; grid-template-columns: 6.5rem 1fr 9.5rem; gap: 0.75rem; align-items: center; }
.dimension-question { margin-top: 0; }
.dimension-name { font-weight: 700; }
.dimension-value { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: block; height: 0.8rem; background: var(--_surface); border-radius: 0.4rem; overflow: hidden; }
.bar-fill { display: block; height: 100%; width: calc(var(--value, 0) * 1%); background: var(--_band, var(--_accent)); border-radius: 0.4rem; }
.recommendation { border-left: 3px solid var(--_band); padding-left: 0.6rem; }
.not-measurable { color: var(--_muted); font-style: italic; }
details { margin-top: 0.25rem; } summary { cursor: pointer; color: var(--_accent); font-size: 0.9rem; }
.formula { font-size: 0.9rem; }
.dimension-inputs { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.25rem 0; font-size: 0.9rem; }
.dimension-inputs dt { color: var(--_muted); display: inline; } .dimension-inputs dd { display: inline; margin: 0 0 0 0.3rem; font-weight: 600; }
.chart-grid, .list-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1.25rem; }
.chart { margin: 0; background: var(--_surface); border-radius: 0.5rem; padding: 0.75rem; }
.chart figcaption { display: flex; flex-direction: column; margin-bottom: 0.5rem; }
.chart svg { width: 100%; height: auto; display: block; }
.tick { font-size: 13px; fill: var(--_muted); }
.axis { stroke: var(--_muted); stroke-width: 1; }
.fill-positive { fill: var(--_positive); } .fill-negative { fill: var(--_negative); }
.heat { fill: var(--_accent); } .heat-zero { fill: var(--_border); fill-opacity: 0.35; }
.bar-chart { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.35rem; }
.bar-chart li { display: grid; grid-template-columns: 7rem 1fr 2.5rem; gap: 0.5rem; align-items: center; font-size: 0.9rem; }
.bar-chart .bar { background: var(--_background); }
.bar-count { text-align: right; font-variant-numeric: tabular-nums; }
.action-list ol { padding-left: 2rem; margin: 0.5rem 0 0; }
.item { margin-bottom: 0.6rem; }
.item-meta { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; font-size: 0.85rem; color: var(--_muted); }
.item-text, .post-text { overflow-wrap: anywhere; white-space: pre-wrap; }
.author { font-weight: 600; color: var(--_text); }
.badge { font-weight: 700; text-transform: uppercase; font-size: 0.72rem; letter-spacing: 0.04em; color: var(--_text); }
.badge-detractor, .badge-disliked, .badge-asked-again { color: var(--_negative); } .badge-recommender, .badge-loved { color: var(--_positive); }
.table-controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
.table-controls label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.9rem; }
.table-scroll { overflow-x: auto; margin-top: 0.5rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
caption { text-align: left; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--_border); }
th button.sort { border: 0; padding: 0; color: var(--_text); background: none; font-weight: 700; }
th[aria-sort=ascending] button.sort::after { content: " ▲"; } th[aria-sort=descending] button.sort::after { content: " ▼"; }
.cell-text { min-width: 16rem; } .cell-created_at { white-space: nowrap; }
tr.by-owner td { background: var(--_surface); }
.label-positive { color: var(--_positive); font-weight: 600; } .label-negative { color: var(--_negative); font-weight: 600; }
.posts > button { margin-top: 0.5rem; }
.input-notes ul { margin: 0.25rem 0; padding-left: 1.25rem; }
@container (max-width: 34rem) {
  .dimension-head { grid-template-columns: 1fr auto; } .dimension-head .bar { grid-column: 1 / -1; grid-row: 2; }
}
@media print {
  :host { ${vars(1)} border: 0; padding: 0; color: #000; }
  .inputs, .progress, .export, .posts > button, .table-controls, .chart-note { display: none !important; }
  .report { border: 0; margin: 0; }
  .chart, .dimension, .item, tr { break-inside: avoid; }
  a { color: inherit; }
}
`;

let sheet = null;

/** Applies the styles to a shadow root: a shared constructed sheet, or a <style> where unsupported. */
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
