// The demo page: one click loads the sample month into the widget (owner and time zone included).
const SAMPLE = { src: 'samples/brand-month.jsonl', owner: '@northwindcoffee', timezone: '+01:00' };

document.getElementById('load-sample').addEventListener('click', () => {
  const widget = document.getElementById('widget');
  widget.setAttribute('owner', SAMPLE.owner);
  widget.setAttribute('timezone', SAMPLE.timezone);
  widget.removeAttribute('src'); // so that a second click analyses again
  widget.setAttribute('src', SAMPLE.src);
});
