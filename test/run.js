// `npm test`: checks for a browser first so a missing one fails with advice, not a stack trace.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromeMissingMessage, findChrome } from './support/chrome-path.js';

const chrome = findChrome();
if (!chrome) {
  console.error(chromeMissingMessage);
  process.exit(1);
}
const config = fileURLToPath(new URL('./web-test-runner.config.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url)), '--config', config, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
process.exit(result.status ?? 1);
