// `npm run size`: our shipped code, gzipped and brotli'd, beside the alternatives' own builds.
// Alternatives are fetched with `npm pack` into a temp folder (nothing is installed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));

const alternatives = [
  { name: 'videojs-sprite-thumbnails', file: 'dist/videojs-sprite-thumbnails.min.js', note: 'video.js plugin, no VTT' },
  { name: 'videojs-vtt-thumbnails', file: 'dist/videojs-vtt-thumbnails.min.js', note: 'video.js plugin, VTT' },
  // Bundled with what it imports, minified, for a like-for-like number.
  { name: 'media-chrome', file: 'dist/media-preview-thumbnail.js', note: 'preview thumbnail + its imports', bundle: true },
];

function measure(code) {
  const buf = Buffer.from(code);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const rows = [];

if (!existsSync(join(root, 'dist/vod-sprite-thumbnails.js')) || process.argv.includes('--build')) {
  execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'ignore' });
  execFileSync('npm', ['run', 'build:iife'], { cwd: root, stdio: 'ignore' });
}
// The ESM file keeps its whitespace (Vite does not minify whitespace in ES library builds);
// what an app ships is that file after its own bundler minifies it.
const esm = readFileSync(join(root, 'dist/vod-sprite-thumbnails.js'));
rows.push({
  name: 'vod-sprite-thumbnails (ESM as an app ships it: minified, lit + video.js external)',
  ...measure(buildSync({ stdin: { contents: esm.toString(), loader: 'js' }, minify: true, format: 'esm', write: false }).outputFiles[0].contents),
});
rows.push({ name: 'vod-sprite-thumbnails (ESM file as published)', ...measure(esm) });
if (existsSync(join(root, 'dist/vod-sprite-thumbnails.iife.js'))) {
  rows.push({ name: 'vod-sprite-thumbnails (IIFE, lit bundled)', ...measure(readFileSync(join(root, 'dist/vod-sprite-thumbnails.iife.js'))) });
}

if (!process.argv.includes('--offline')) {
  const tmp = mkdtempSync(join(tmpdir(), 'size-bench-'));
  try {
    for (const alt of alternatives) {
      try {
        const out = execFileSync('npm', ['pack', alt.name, '--silent', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8' }).trim();
        const dir = join(tmp, alt.name);
        execFileSync('mkdir', ['-p', dir]);
        execFileSync('tar', ['-xzf', join(tmp, out.split('\n').pop()), '-C', dir]);
        const file = join(dir, 'package', alt.file);
        const version = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')).version;
        const code = alt.bundle
          ? buildSync({ entryPoints: [file], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' }).outputFiles[0].contents
          : readFileSync(file);
        rows.push({ name: `${alt.name}@${version} (${alt.note})`, ...measure(code) });
      } catch (error) {
        rows.push({ name: `${alt.name} (could not measure: ${error.message.split('\n')[0]})`, raw: Number.NaN, gzip: Number.NaN, brotli: Number.NaN });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'bundle'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`);
}
