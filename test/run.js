// `npm test`: checks for a browser first so a missing one fails with advice, not a stack trace,
// builds what the tests load as a page would (the ESM and script-tag bundles, the demo), then
// runs @web/test-runner, passing Ctrl-C and kill signals on so no browser is left behind.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDemoBuilt } from './e2e/harness.js';
import { chromeMissingMessage, findChrome } from './support/chrome-path.js';

const chrome = findChrome();
if (!chrome) {
  console.error(chromeMissingMessage);
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
// Always rebuilt (about two seconds): a stale bundle would test yesterday's code. The library
// build empties dist/, so it goes first.
// NO_BUILD=1 skips it, for running single test files that import src/ while dist/ is in use.
if (!process.env.NO_BUILD) {
  for (const args of [['build'], ['build', '--mode', 'iife']]) {
    const built = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  ensureDemoBuilt();
}

const config = fileURLToPath(new URL('./web-test-runner.config.js', import.meta.url));
const runner = spawn(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url)), '--config', config, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => runner.kill(signal));
}
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
