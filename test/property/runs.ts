// Runs per property: a fixed seed and a few thousand runs in all for CI; $FUZZ_RUNS (passed
// through the runner's `fuzz-runs` command, since a browser test sees no environment) for more.
import { executeServerCommand } from '@web/test-runner-commands';
import { report } from '../support/console.js';

/**
 * The fast-check parameters: `ciRuns` by default, $FUZZ_RUNS with a random seed when set (and
 * then no mocha timeout for `test`, when given: 20,000 runs take minutes).
 */
export async function fuzzParameters(ciRuns: number, test?: Mocha.Context): Promise<{ numRuns: number; seed?: number }> {
  // 0 when $FUZZ_RUNS is unset.
  const runs = (await executeServerCommand('fuzz-runs')) as number;
  // A fixed seed keeps CI reproducible; heavy runs explore (fast-check prints the seed on failure).
  if (!runs) return { numRuns: ciRuns, seed: 20261202 };
  test?.timeout(0);
  return { numRuns: runs };
}

/** Strings that look like URLs, of every kind a payload might hold. */
export const URLISH = [
  'https://cdn.example/a/imageSprite_10.vtt',
  'http://1500.vod2.myqcloud.com/x/imageSprite_10_0.jpg?t=6a4c&sign=ab',
  'https://cdn.example/a/imageSprite_10_1.jpg',
  'imageSprite_10_0.jpg',
  '//cdn.example/protocol-relative.jpg',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  'blob:https://x/1',
  'file:///etc/passwd',
  'ftp://x/y',
  'http://',
  ' https://cdn.example/spaces.jpg ',
  'https://[::1/',
  '',
];

/** Each run's outcome ('ok' or an error code), so a test can check that its inputs reach both sides. */
export class Outcomes {
  readonly seen = new Map<string, number>();
  private readonly started = performance.now();

  count(outcome: string): void {
    this.seen.set(outcome, this.get(outcome) + 1);
  }

  get(outcome: string): number {
    return this.seen.get(outcome) ?? 0;
  }

  /** Logs the outcomes and the time taken (shown with TEST_REPORTS=1). */
  report(name: string, runs: number): void {
    report(`${name} property: ${runs} runs in ${Math.round(performance.now() - this.started)} ms`, JSON.stringify([...this.seen]));
  }
}
