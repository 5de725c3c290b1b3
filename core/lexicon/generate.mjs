// PLACEHOLDER (replaced by the sentiment work): writes an empty lexicon table.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
const out = process.argv[process.argv.indexOf('--out') + 1];
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, '// generated\nnamespace loopscore { int lexicon_placeholder = 0; }\n');
