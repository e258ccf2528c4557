// `npm test`: checks for a browser first so a missing one fails with advice, not a stack trace,
// and builds the script-tag bundle when it is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDemoBuilt } from './e2e/harness.js';
import { chromeMissingMessage, findChrome } from './support/chrome-path.js';

const chrome = findChrome();
if (!chrome) {
  console.error(chromeMissingMessage);
  process.exit(1);
}
// Some tests load the script-tag build as a page would; on a fresh clone nothing is built yet.
ensureDemoBuilt();
const config = fileURLToPath(new URL('./web-test-runner.config.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url)), '--config', config, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
process.exit(result.status ?? 1);
