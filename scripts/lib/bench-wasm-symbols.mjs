// Where the bytes of a wasm module go: function bodies by name (from the name section of a build
// linked with --profiling-funcs, whose code is the hosted module's), grouped by origin, with a
// gzip estimate per group (each group's bytes gzipped on their own), and the data segments.
//   node scripts/lib/bench-wasm-symbols.mjs FILE.wasm [TOP]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

function reader(bytes, at = 0) {
  const r = {
    at,
    u8: () => bytes[r.at++],
    leb() {
      let result = 0, shift = 0, byte;
      do {
        byte = bytes[r.at++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return result;
    },
    name() {
      const length = r.leb();
      const text = Buffer.from(bytes.subarray(r.at, r.at + length)).toString('utf8');
      r.at += length;
      return text;
    },
  };
  return r;
}

/** {functions: [{name, size, bytes}], data: {size, bytes}, sections: [{id, name, size}], total} */
export function wasmSymbols(file) {
  const bytes = readFileSync(file);
  const r = reader(bytes, 8);
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const dataParts = [];
  const sections = [];
  while (r.at < bytes.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.at, end = start + size;
    let sectionName = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
      'element', 'code', 'data', 'datacount', 'tag'][id] ?? `#${id}`;
    if (id === 2) {
      for (let n = r.leb(); n > 0; n--) {
        r.name();
        r.name();
        const kind = r.u8();
        if (kind === 0) { importedFunctions++; r.leb(); }
        else if (kind === 1) { r.u8(); const flags = r.u8(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 2) { const flags = r.u8(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 3) { r.u8(); r.u8(); }
        else if (kind === 4) { r.u8(); r.leb(); }
      }
    } else if (id === 10) {
      for (let n = r.leb(); n > 0; n--) {
        const length = r.leb();
        bodies.push(bytes.subarray(r.at, r.at + length));
        r.at += length;
      }
    } else if (id === 11) {
      dataParts.push(bytes.subarray(start, end));
    } else if (id === 0) {
      const custom = r.name();
      sectionName = `custom "${custom}"`;
      if (custom === 'name') {
        while (r.at < end) {
          const sub = r.u8();
          const subSize = r.leb();
          const subEnd = r.at + subSize;
          if (sub === 1) for (let n = r.leb(); n > 0; n--) names.set(r.leb(), r.name());
          r.at = subEnd;
        }
      }
    }
    sections.push({ id, name: sectionName, size });
    r.at = end;
  }
  const mangled = bodies.map((_, i) => names.get(importedFunctions + i) ?? `function[${importedFunctions + i}]`);
  const demangled = demangle(mangled);
  const functions = bodies.map((body, i) => ({ name: demangled[i], size: body.length, bytes: body }));
  const data = Buffer.concat(dataParts);
  return { functions, data: { size: data.length, bytes: data }, sections, total: bytes.length };
}

function demangle(names) {
  const run = spawnSync('c++filt', { input: names.join('\n'), maxBuffer: 1 << 28 });
  if (run.status !== 0) return names;
  const lines = run.stdout.toString('utf8').split('\n');
  return names.map((name, i) => lines[i] || name);
}

// Where a function comes from, by its demangled name.
const GROUPS = [
  ['nlohmann::json (parse, dump, values)', /nlohmann::/],
  ['embind and bindings', /emscripten::|_embind|embind|\(anonymous namespace\)::(success|failure|run|analyze|score|Session|created|current_error|parse_options)|SessionBinding|SessionGuard/],
  ['C++ exceptions and ABI (libc++abi, unwind)', /__cxa|__cxxabiv1|_Unwind|__gxx|unwind|typeinfo|std::exception|std::bad_|std::logic_error|std::runtime_error|std::invalid_argument|std::out_of_range|std::length_error/],
  ['loopscore loop analysis (loop/, analysis)', /loopscore::(loop|Loop|Corpus|.*Session|analy|Respond|Give|Face|Love|Calm|Rhythm|Advocacy|dimension|report|write_report|Report)/i],
  ['loopscore readers (formats, JSON/XML/CSV/HTML)', /loopscore::(read|Read|Post(Stream)?Reader|json|Json|xml|Xml|csv|Csv|html|Html|sniff|Sniff|feed|Feed|.*Format|parse_time|parse_|format_|detect|Input|input)/],
  ['loopscore scoring (tokens, lexicon, sentiment, signals)', /loopscore::/],
  ['libc++ (strings, containers, charconv)', /std::__2::|std::/],
  ['malloc (dlmalloc)', /^(dl)?(malloc|free|realloc|calloc|memalign|posix_memalign|sbrk|emscripten_builtin|internal_memalign|tmalloc|prepend_alloc|dispose_chunk|sys_alloc|init_top|add_segment)/],
  ['libc and compiler runtime', /.*/],
];

/** Function bytes grouped by origin: [{group, count, size, gzip}], largest first. */
export function groupSymbols(functions) {
  const groups = new Map(GROUPS.map(([name]) => [name, { group: name, count: 0, size: 0, parts: [] }]));
  for (const f of functions) {
    const [name] = GROUPS.find(([, pattern]) => pattern.test(f.name));
    const g = groups.get(name);
    g.count++;
    g.size += f.size;
    g.parts.push(f.bytes);
  }
  return [...groups.values()].filter((g) => g.count > 0)
    .map(({ parts, ...g }) => ({ ...g, gzip: gzipSync(Buffer.concat(parts), { level: 9 }).length }))
    .sort((a, b) => b.size - a.size);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top = '30'] = process.argv.slice(2);
  const { functions, data, sections, total } = wasmSymbols(file);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(total)} raw, ${functions.length} functions`);
  for (const s of sections) console.log(`  section ${s.name.padEnd(24)} ${kb(s.size).padStart(10)}`);
  console.log(`  data segments gzip ${kb(gzipSync(data.bytes, { level: 9 }).length)}`);
  for (const g of groupSymbols(functions)) console.log(`${kb(g.size).padStart(10)} ${kb(g.gzip).padStart(10)} gz  ${String(g.count).padStart(5)}  ${g.group}`);
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, Number(top))) {
    console.log(`${kb(f.size).padStart(10)}  ${f.name.slice(0, 160)}`);
  }
}
