// `npm run size`: our code as an app ships it, gzipped and brotli'd, beside the alternatives'
// own builds, and each of our modules' share of it. Everything of ours is built in memory from
// src/ (nothing is written to dist/). Alternatives come from node_modules when installed,
// else from `npm pack` into a temp folder (skipped with --offline).
// Exits non-zero when ours is over the bar (10 KB gzipped); the goal (8 KB) is printed too.
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
const kb = (n) => (Number.isNaN(n) ? 'n/a' : `${(n / 1024).toFixed(2)} KB`);

/**
 * What an app's bundler ships of us: src/index.ts bundled and minified, lit, @lit/* and
 * video.js left to the app (peers). With a metafile and a source map for the module shares.
 */
const shipped = await build({
  entryPoints: [join(root, 'src/index.ts')],
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  outfile: join(root, 'size-bench-out/index.js'), // in memory only (write: false)
  write: false,
  metafile: true,
  sourcemap: 'external',
  logLevel: 'silent',
  external: ['video.js', 'lit', 'lit/*', '@lit/*'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
const esm = shipped.outputFiles.find((file) => file.path.endsWith('.js'));
const map = JSON.parse(shipped.outputFiles.find((file) => file.path.endsWith('.map')).text);
const ours = measure(esm.contents);

const rows = [{ name: 'vod-sprite-thumbnails (ESM as an app ships it: minified, lit + video.js external)', ...ours }];
const published = join(root, 'dist');
if (existsSync(join(published, 'vod-sprite-thumbnails.js'))) {
  // The library files as the last `npm run build` left them (one per module, not minified).
  const files = readdirSync(published, { recursive: true })
    .filter((file) => file.endsWith('.js') && !file.startsWith('demo') && !file.includes('.iife.'))
    .map((file) => readFileSync(join(published, file)));
  const sum = files.map(measure).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  rows.push({ name: `vod-sprite-thumbnails (dist/ ESM as published: ${files.length} files, each compressed alone)`, ...sum });
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
 * Each source module's bytes in the minified bundle (esbuild's metafile `bytesInOutput`) and
 * an estimate of its gzip bytes: its marginal cost in bundle order, i.e. gzip(bundle up to the
 * end of each of its byte runs) - gzip(bundle up to the start), runs taken from the source map.
 * The estimates add up to the bundle's gzip size.
 */
function moduleShares(text, sourceMap, metafile, outfile) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const name = (index) => (index < 0 ? '(bundle glue, no source)' : relative(root, resolve(dirname(outfile), sourceMap.sources[index])));
  const runs = [{ start: 0, name: '(bundle glue, no source)' }];
  for (const [line, column, source] of decodeMappings(sourceMap.mappings)) {
    const start = lineStarts[line] + column;
    if (runs.at(-1).name === name(source)) continue;
    if (runs.at(-1).start === start) runs.pop();
    runs.push({ start, name: name(source) });
  }
  const buf = (end) => Buffer.from(text.slice(0, end));
  const gzipOf = new Map();
  let previous = gzip(Buffer.alloc(0));
  gzipOf.set('(gzip header and trailer)', previous);
  runs.forEach((run, i) => {
    const size = gzip(buf(i + 1 < runs.length ? runs[i + 1].start : text.length));
    gzipOf.set(run.name, (gzipOf.get(run.name) ?? 0) + size - previous);
    previous = size;
  });
  const inputs = Object.values(metafile.outputs).find((output) => output.entryPoint).inputs;
  const bytes = new Map(Object.entries(inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]));
  const mapped = [...bytes.values()].reduce((a, b) => a + b, 0);
  bytes.set('(bundle glue, no source)', Buffer.byteLength(text) - mapped);
  bytes.set('(gzip header and trailer)', 0);
  const rows = [...new Set([...bytes.keys(), ...gzipOf.keys()])]
    .map((file) => ({ name: file, bytes: bytes.get(file) ?? 0, gzip: gzipOf.get(file) ?? 0 }))
    .filter((row) => row.bytes > 0 || row.gzip > 0)
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

const shares = moduleShares(esm.text, map, shipped.metafile, esm.path);
const pct = (n, total) => `${((100 * n) / total).toFixed(1)} %`;
printTable(
  'Our modules in the ESM as an app ships it (minified; lit, @lit/* and video.js external)',
  ['module', 'minified', 'share', 'gzip (est.)', 'gzip share'],
  shares.rows.map((row) => [row.name, `${row.bytes} B`, pct(row.bytes, shares.bytes), `${Math.round(row.gzip)} B`, pct(row.gzip, shares.gzip)]),
);
console.log(
  '\nminified = esbuild metafile bytesInOutput; gzip (est.) = the module\'s marginal gzip -9 cost in bundle order:\n' +
    'gzip(bundle up to the end of each of its byte runs) - gzip(bundle up to their start), runs from the\n' +
    'source map. The estimates add up to the bundle\'s gzip size; text a module repeats from an earlier\n' +
    'one costs it little, so a module early in the bundle carries more than its "own" share.',
);

const totalKb = ours.gzip / 1024;
const verdict = (limit) => (totalKb <= limit ? 'PASS' : 'FAIL');
console.log(`\nours, as an app ships it: ${kb(ours.gzip)} gzipped (${kb(ours.raw)} minified, ${kb(ours.brotli)} brotli)`);
console.log(`bar ≤ ${BAR_KB} KB gzipped: ${verdict(BAR_KB)}; goal ≤ ${GOAL_KB} KB: ${verdict(GOAL_KB)}`);
process.exitCode = totalKb <= BAR_KB ? 0 : 1;
