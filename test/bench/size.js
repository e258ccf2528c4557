// `npm run size`: our code as an app ships it (the initial chunk every video loads, each lazy
// chunk, the total), gzipped and brotli'd, beside the alternatives' own builds, and each of our
// modules' share of each chunk. Everything of ours is built in memory from src/ (nothing is
// written to dist/; the dist/ row reads what the last build left there). Alternatives come from
// node_modules when installed, else from `npm pack` into a temp folder (skipped with --offline).
// Exits non-zero when the initial chunk is over the bar (10 KB gzipped); the goal (8 KB) is printed too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildIife, printTable, root } from './support.js';

const BAR_KB = 10;
const GOAL_KB = 8;
const alternatives = [
  { name: 'videojs-sprite-thumbnails', file: 'dist/videojs-sprite-thumbnails.min.js', note: 'video.js plugin, no VTT' },
  { name: 'videojs-vtt-thumbnails', file: 'dist/videojs-vtt-thumbnails.min.js', note: 'video.js plugin, VTT' },
  // Bundled with what it imports, minified, for a like-for-like number.
  { name: 'media-chrome', file: 'dist/media-preview-thumbnail.js', note: 'preview thumbnail + its imports', bundle: true },
];

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
function measure(code) {
  const buf = Buffer.from(code);
  return { raw: buf.length, gzip: gzip(buf), brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}
const sum = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (n) => (Number.isNaN(n) ? 'n/a' : `${(n / 1024).toFixed(2)} KB`);

/**
 * What an app's bundler ships of us: an app whose code is `import 'vod-sprite-thumbnails'` (the
 * README's usage), built by Vite (Rolldown, the project's own bundler, which splits dynamic
 * imports into chunks as an app build does), minified by esbuild, lit, @lit/* and video.js left
 * to the app (peers), the package resolved to src/. In memory only (write: false), with source
 * maps for the module shares. Initial = the entry chunk and what it imports statically: what
 * loads for a plain video with one sprite set. Lazy = each chunk only a dynamic import() reaches.
 */
/** Never written to (write: false); source map paths are relative to it. */
const OUT_DIR = join(tmpdir(), 'size-bench-not-written');

async function appBuild() {
  const { build: viteBuild } = await import('vite');
  const app = 'virtual:size-bench-app';
  const result = await viteBuild({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'size-bench-app',
        enforce: 'pre',
        resolveId: (id) => (id === app ? `\0${app}` : id === 'vod-sprite-thumbnails' ? join(root, 'src/index.ts') : undefined),
        load: (id) => (id === `\0${app}` ? "import 'vod-sprite-thumbnails';" : undefined),
      },
    ],
    build: {
      write: false,
      outDir: OUT_DIR,
      emptyOutDir: false,
      minify: 'esbuild',
      target: 'es2021',
      sourcemap: true,
      modulePreload: false,
      rollupOptions: { input: app, external: ['video.js', 'lit', /^lit\//, /^@lit\//] },
    },
  });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  const lazy = chunks.filter((chunk) => !initial.has(chunk));
  return { initial: [...initial], lazy };
}

/** What each lazy chunk is, by the module it was split at. */
const LAZY_NOTES = {
  'src/parse/grid.ts': 'the grid fallback: loads when `grid` is set and the VTT fails',
  'src/element/annotations.ts': 'marks and chapters: loads when the payload holds marks, `marks` or chapters-src is set, or the player has a chapters track',
};
const modulePath = (id) => relative(root, id.replace(/^\0/, ''));
const chunkLabel = (chunk) => {
  const entry = chunk.facadeModuleId ? modulePath(chunk.facadeModuleId) : chunk.fileName;
  return LAZY_NOTES[entry] ? `${entry} + its imports (${LAZY_NOTES[entry]})` : entry;
};

const { initial, lazy } = await appBuild();
const initialSize = initial.map((chunk) => measure(chunk.code)).reduce(sum);
const lazySizes = lazy.map((chunk) => ({ chunk, ...measure(chunk.code) }));
const total = [initialSize, ...lazySizes].reduce(sum);

/** The previous measure, for comparison: one esbuild bundle of src/index.ts, every export kept, dynamic imports inlined. */
const oneBundle = await build({
  entryPoints: [join(root, 'src/index.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  write: false,
  logLevel: 'silent',
  external: ['video.js', 'lit', 'lit/*', '@lit/*'],
  define: { 'process.env.NODE_ENV': '"production"' },
});

const rows = [
  { name: `vod-sprite-thumbnails, initial chunk as an app ships it (${initial.length} chunk${initial.length > 1 ? 's' : ''}; plain video, one sprite set)`, ...initialSize },
  ...lazySizes.map((size) => ({ name: `  + lazy chunk ${size.chunk.fileName.replace(/^assets\//, '')}: ${chunkLabel(size.chunk)}`, ...size })),
  { name: 'vod-sprite-thumbnails, total (initial + every lazy chunk, each compressed alone)', ...total },
  { name: 'vod-sprite-thumbnails, one esbuild bundle of every export (the measure before lazy chunks)', ...measure(oneBundle.outputFiles[0].contents) },
];
const published = join(root, 'dist');
if (existsSync(join(published, 'vod-sprite-thumbnails.js'))) {
  // The library files as the last `npm run build` left them (one per module, not minified).
  const files = readdirSync(published, { recursive: true })
    .filter((file) => file.endsWith('.js') && !file.startsWith('demo') && !file.includes('.iife.'))
    .map((file) => readFileSync(join(published, file)));
  rows.push({ name: `vod-sprite-thumbnails (dist/ ESM as published: ${files.length} files, each compressed alone)`, ...files.map(measure).reduce(sum) });
}
rows.push({ name: 'vod-sprite-thumbnails (IIFE, lit bundled; fresh from src/)', ...measure(await buildIife()) });

function alternativeCode(alt, dir) {
  const file = join(dir, alt.file);
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const code = alt.bundle
    ? build({ entryPoints: [file], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' }).then((r) => r.outputFiles[0].contents)
    : Promise.resolve(readFileSync(file));
  return code.then((contents) => ({ name: `${alt.name}@${version} (${alt.note})`, ...measure(contents) }));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map `mappings` -> `[generatedLine, generatedColumn, sourceIndex | -1]` per segment. */
function decodeMappings(mappings) {
  const segments = [];
  let source = 0;
  mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([lineIndex, column, fields.length > 1 ? source : -1]);
    }
  });
  return segments;
}

/**
 * Each source module's bytes in `chunks` (taken as one text, in order) and an estimate of its
 * gzip bytes: its marginal cost in that order, i.e. gzip(text up to the end of each of its byte
 * runs) - gzip(text up to the start), runs and bytes taken from the chunks' source maps. The
 * estimates add up to the text's gzip size.
 */
function moduleShares(chunks) {
  const glue = '(bundle glue, no source)';
  const runs = [{ start: 0, name: glue }];
  let text = '';
  for (const chunk of chunks) {
    if (text) text += '\n';
    const offset = text.length;
    text += chunk.code;
    const lineStarts = [0];
    for (let i = chunk.code.indexOf('\n'); i !== -1; i = chunk.code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const name = (index) => (index < 0 ? glue : relative(root, resolve(OUT_DIR, dirname(chunk.fileName), chunk.map.sources[index])));
    for (const [line, column, source] of decodeMappings(chunk.map.mappings)) {
      const start = offset + lineStarts[line] + column;
      if (runs.at(-1).name === name(source)) continue;
      if (runs.at(-1).start === start) runs.pop();
      runs.push({ start, name: name(source) });
    }
  }
  const bytes = new Map();
  const gzipOf = new Map([['(gzip header and trailer)', gzip(Buffer.alloc(0))]]);
  let previous = gzipOf.get('(gzip header and trailer)');
  runs.forEach((run, i) => {
    const end = i + 1 < runs.length ? runs[i + 1].start : text.length;
    const size = gzip(Buffer.from(text.slice(0, end)));
    gzipOf.set(run.name, (gzipOf.get(run.name) ?? 0) + size - previous);
    bytes.set(run.name, (bytes.get(run.name) ?? 0) + Buffer.byteLength(text.slice(run.start, end)));
    previous = size;
  });
  const rows = [...gzipOf.keys()]
    .map((file) => ({ name: file, bytes: bytes.get(file) ?? 0, gzip: gzipOf.get(file) }))
    .sort((a, b) => b.bytes - a.bytes || b.gzip - a.gzip);
  const folders = new Map();
  for (const row of rows) {
    const folder = row.name.match(/^src\/([^/]+)\//)?.[1];
    if (!folder) continue;
    const sum = folders.get(folder) ?? { name: `all of src/${folder}/`, bytes: 0, gzip: 0 };
    sum.bytes += row.bytes;
    sum.gzip += row.gzip;
    folders.set(folder, sum);
  }
  return { rows: [...rows, ...folders.values()], bytes: Buffer.byteLength(text), gzip: previous };
}

const offline = process.argv.includes('--offline');
let tmp;
try {
  for (const alt of alternatives) {
    const installed = join(root, 'node_modules', alt.name);
    try {
      if (existsSync(join(installed, alt.file))) {
        rows.push(await alternativeCode(alt, installed));
        continue;
      }
      if (offline) {
        rows.push({ name: `${alt.name} (not installed; --offline, not fetched)`, raw: Number.NaN, gzip: Number.NaN, brotli: Number.NaN });
        continue;
      }
      tmp ??= mkdtempSync(join(tmpdir(), 'size-bench-'));
      const out = execFileSync('npm', ['pack', alt.name, '--silent', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8' }).trim();
      const dir = join(tmp, alt.name);
      execFileSync('mkdir', ['-p', dir]);
      execFileSync('tar', ['-xzf', join(tmp, out.split('\n').pop()), '-C', dir]);
      const row = await alternativeCode(alt, join(dir, 'package'));
      rows.push({ ...row, name: `${row.name}, via npm pack` });
    } catch (error) {
      rows.push({ name: `${alt.name} (could not measure: ${error.message.split('\n')[0]})`, raw: Number.NaN, gzip: Number.NaN, brotli: Number.NaN });
    }
  }
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

printTable('Code shipped', ['bundle', 'raw', 'gzip', 'brotli'], rows.map((row) => [row.name, kb(row.raw), kb(row.gzip), kb(row.brotli)]));

const pct = (n, whole) => `${((100 * n) / whole).toFixed(1)} %`;
const shareTable = (title, chunks) => {
  const shares = moduleShares(chunks);
  printTable(
    title,
    ['module', 'minified', 'share', 'gzip (est.)', 'gzip share'],
    shares.rows.map((row) => [row.name, `${row.bytes} B`, pct(row.bytes, shares.bytes), `${Math.round(row.gzip)} B`, pct(row.gzip, shares.gzip)]),
  );
  // Helpers with no source map of their own land in the glue row: say which.
  const helpers = chunks.flatMap((chunk) => Object.entries(chunk.modules)).filter(([id, module]) => !id.startsWith(join(root, 'src')) && module.renderedLength > 0);
  if (helpers.length) console.log(`glue includes: ${helpers.map(([id, module]) => `${modulePath(id).replace(/^.*node_modules\//, '')} (${module.renderedLength} B before minifying)`).join(', ')}`);
};
shareTable('Our modules in the initial chunk (minified; lit, @lit/* and video.js external)', initial);
for (const chunk of lazy) shareTable(`Our modules in the lazy chunk ${chunkLabel(chunk)}`, [chunk]);
console.log(
  '\nminified = bytes the source map gives the module; gzip (est.) = the module\'s marginal gzip -9 cost in chunk\n' +
    'order: gzip(chunk up to the end of each of its byte runs) - gzip(chunk up to their start). The estimates add\n' +
    'up to the chunk\'s gzip size (the initial chunks taken as one text); text a module repeats from an earlier\n' +
    'one costs it little, so a module early in the chunk carries more than its "own" share.',
);

// The bar is on what every video loads; lazy chunks load only for the videos that use them.
const initialKb = initialSize.gzip / 1024;
const verdict = (limit) => (initialKb <= limit ? 'PASS' : 'FAIL');
console.log(`\nours, initial chunk as an app ships it: ${kb(initialSize.gzip)} gzipped (${kb(initialSize.raw)} minified, ${kb(initialSize.brotli)} brotli)`);
for (const size of lazySizes) console.log(`  lazy ${chunkLabel(size.chunk)}: ${kb(size.gzip)} gzipped`);
console.log(`  total with every lazy chunk: ${kb(total.gzip)} gzipped`);
console.log(`bar ≤ ${BAR_KB} KB gzipped (initial chunk): ${verdict(BAR_KB)}; goal ≤ ${GOAL_KB} KB: ${verdict(GOAL_KB)}`);
process.exitCode = initialKb <= BAR_KB ? 0 : 1;
