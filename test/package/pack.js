// Builds the package into a staging folder (never into the work tree's dist/, which other runs
// use), packs it with npm, and installs the tarball into throw-away consumer projects.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Consumers live under the repo (test/.artifacts is git-ignored) so that lit, video.js, vite and
 * typescript resolve from the repo's node_modules by Node's upward lookup: nothing to download,
 * nothing to copy. Only the tarball itself is installed into each consumer.
 */
export const artifacts = join(root, 'test/.artifacts');
const bin = (name, file) => join(root, 'node_modules', name, file);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export function node(args, options) {
  return run(process.execPath, args, options);
}

/** `node(args)` without blocking, so independent steps (three tsc runs) share the cores. */
export function nodeAsync(args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * The shipped builds, into `<stage>/dist`: ESM (one file per module), IIFE, .d.ts files, the
 * manifest, and the demo too — so that the pack check sees a dist/demo it must leave out.
 */
export async function buildStage() {
  mkdirSync(artifacts, { recursive: true });
  const stage = mkdtempSync(join(artifacts, 'stage-'));
  for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) cpSync(join(root, file), join(stage, file));
  const env = { ...process.env, VST_OUT_DIR: join(stage, 'dist') };
  const vite = (mode) => nodeAsync([bin('vite', 'bin/vite.js'), 'build', '--mode', mode, '--logLevel', 'error'], { env });
  // The library build empties dist/ and the demo copies the IIFE: those two orders matter.
  await vite('production');
  await Promise.all([
    vite('iife').then(() => vite('demo')),
    // As `npm run build:types`: tsc, then the hand-written framework typings beside its output.
    nodeAsync([bin('typescript', 'bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(stage, 'dist/types')]).then(() =>
      cpSync(join(root, 'src/frameworks'), join(stage, 'dist/types/frameworks'), { recursive: true }),
    ),
    // The analyzer joins --outdir to its cwd.
    nodeAsync([bin('@custom-elements-manifest/analyzer', 'cem.js'), 'analyze', '--outdir', relative(root, stage), '--quiet']),
  ]);
  return stage;
}

/** `npm pack --dry-run --json` in the stage: what would ship. */
export function dryRun(stage) {
  const [info] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: stage }));
  return info;
}

/** The real tarball, in the stage. */
export function pack(stage) {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', stage], { cwd: stage }));
  return { ...info, tarball: join(stage, info.filename) };
}

/**
 * A consumer project with `files` written into it and the tarball installed offline. Peer
 * dependencies (lit, video.js) and the tools come from the repo's node_modules by upward lookup;
 * `--legacy-peer-deps` keeps npm from installing second copies of them. The package's own
 * dependencies are linked to the repo's installed copies (`file:`), because npm's offline mode
 * cannot resolve version ranges without registry metadata in its cache.
 */
export function consumer(name, tarball, files) {
  const dir = mkdtempSync(join(artifacts, `${name}-`));
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const links = Object.fromEntries(Object.keys(dependencies).map((dep) => [dep, `file:${relative(dir, join(root, 'node_modules', dep))}`]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module', dependencies: links }, null, 2));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  run('npm', ['install', '--no-update-notifier', '--offline', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', '--no-package-lock', tarball], { cwd: dir });
  return dir;
}

export function read(path) {
  return readFileSync(path, 'utf8');
}

export function remove(path) {
  if (path && existsSync(path)) rmSync(path, { recursive: true, force: true });
}

