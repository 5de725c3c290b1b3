// The client API demo (client.html): posts in, per-post sentiment out, without the element. The
// work runs in a worker through LoopScoreClient; post text is only ever set with textContent.
import { describeLocation, LoopScoreClient } from './loopscore/client.js';

const SAMPLE_URL = './samples/bright-beans.jsonl';

const $ = (id) => document.getElementById(id);
const client = new LoopScoreClient();

client.ready().then(
  (ready) => { $('version').textContent = typeof ready === 'string' ? ready : ready.version; },
  (error) => showError(error),
);

$('analyze-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  setBusy(true, 'Analyzing…');
  try {
    const result = await client.analyze($('posts').value);
    // The client resolves {report, text}; its first version resolved the text alone.
    const report = typeof result === 'string' ? JSON.parse(result) : result.report;
    render(report);
    const posts = report.summary.posts;
    setBusy(false, `Analyzed ${posts} post${posts === 1 ? '' : 's'}.`);
  } catch (error) {
    showError(error);
    setBusy(false, '');
  }
});

$('load-sample').addEventListener('click', async () => {
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`could not load the sample (HTTP ${response.status})`);
    $('posts').value = await response.text();
    $('status').textContent = 'Sample loaded: a coffee roaster and its customers.';
  } catch (error) {
    showError(error);
  }
});

// Shows the summary, any skipped records, and one table row per post.
function render(report) {
  const { sentiment } = report.summary;
  $('summary').replaceChildren(
    term('Posts', report.summary.posts),
    term('Positive', sentiment.positive),
    term('Neutral', sentiment.neutral),
    term('Negative', sentiment.negative),
    term('Net sentiment', sentiment.net_sentiment ?? 'n/a'),
    term('Mean compound', sentiment.mean_compound),
  );
  const { skipped, records_skipped: count } = report.input;
  $('skipped').replaceChildren();
  if (count > 0) {
    const heading = element('p', `${count} record${count === 1 ? '' : 's'} skipped:`);
    const list = element('ul');
    for (const issue of skipped) list.append(element('li', `${describeLocation(issue)}: ${issue.reason}`));
    $('skipped').append(heading, list);
  }
  $('posts-table').tBodies[0].replaceChildren(...(report.posts ?? []).map((post) => {
    const { label, compound } = post.sentiment;
    const row = element('tr');
    row.append(element('td', post.id), element('td', post.author ?? ''),
      element('td', label, `label-${label}`), element('td', compound.toFixed(4), 'number'),
      element('td', post.text));
    return row;
  }));
  $('error').hidden = true;
  $('result-empty').hidden = true;
  $('result-body').hidden = false;
}

// Says what went wrong, and where when the error knows.
function showError(error) {
  const where = describeLocation(error);
  $('error').textContent = where ? `${where}: ${error.message}` : error.message;
  $('error').hidden = false;
  $('result-empty').hidden = true;
  $('result-body').hidden = true;
}

function setBusy(busy, message) {
  $('analyze').disabled = busy;
  $('result').setAttribute('aria-busy', String(busy));
  $('status').textContent = message;
}

// A <dt>/<dd> pair, wrapped so the grid keeps them together.
function term(name, value) {
  const pair = element('div');
  pair.append(element('dt', name), element('dd', String(value)));
  return pair;
}

// An element whose content is `text`, as text (never HTML).
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
