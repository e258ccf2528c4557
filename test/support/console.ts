// Quiet tests: every console.warn during a test is captured, not printed. A test that causes
// warnings on purpose claims them, with `expectWarnings(pattern, count)` (checked when the test
// ends) or `recordWarnings()` (it asserts on what was recorded). A warning nobody claimed is
// printed and fails the test, so a real one stays loud. Every test file imports this module
// (it installs mocha root hooks: one page per test file), and so does support/player.ts.

/** One captured call: its arguments, their text, and where it was called from. */
interface Warning {
  args: unknown[];
  text: string;
  stack: string;
}

interface Expectation {
  pattern: RegExp;
  count?: number;
}

export interface WarningRecorder {
  /** The arguments of each console.warn call since `recordWarnings()`. */
  warnings: unknown[][];
  /** The text of each of them (arguments joined by spaces, as the console shows them). */
  texts(): string[];
  stop(): void;
}

const print = console.warn.bind(console);
let pending: Warning[] = [];
let expectations: Expectation[] = [];
const recorders = new Set<WarningRecorder & { add(warning: Warning): void }>();
/** For the file's report: warnings claimed in this test, tests that claimed any, warnings in all. */
const claimed = { inTest: 0, tests: 0, warnings: 0 };

function textOf(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === 'string' ? arg : safeJson(arg))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

console.warn = (...args: unknown[]) => {
  const warning = { args, text: textOf(args), stack: new Error().stack?.split('\n').slice(2, 6).join('\n') ?? '' };
  if (recorders.size) for (const recorder of recorders) recorder.add(warning);
  else pending.push(warning);
};

/**
 * This test causes warnings matching `pattern` on purpose: `count` of them (at least one if not
 * given). Checked, and those warnings claimed, when the test's body ends; each warning goes to
 * the first expectation it matches.
 */
export function expectWarnings(pattern: RegExp, count?: number): void {
  expectations.push({ pattern, count });
}

/** Records (and so claims) every console.warn from now until `stop()`; nothing is printed. */
export function recordWarnings(): WarningRecorder {
  const recorded: Warning[] = [];
  const recorder = {
    warnings: [] as unknown[][],
    texts: () => recorded.map((warning) => warning.text),
    add(warning: Warning) {
      claimed.inTest++;
      recorded.push(warning);
      recorder.warnings.push(warning.args);
    },
    stop() {
      recorders.delete(recorder);
    },
  };
  recorders.add(recorder);
  return recorder;
}

function describeWarnings(list: Warning[]): string {
  return list.map((warning) => `  ${warning.text.length > 500 ? `${warning.text.slice(0, 500)}…` : warning.text}`).join('\n');
}

function printUnexpected(list: Warning[], where: string): void {
  for (const warning of list) print(`unexpected warning ${where}:`, ...warning.args, `\n${warning.stack}`);
}

/** Match the expectations against what was captured; throw for a wrong count or a warning nobody claimed. */
function settle(where: string): void {
  const problems: string[] = [];
  let rest = pending;
  for (const { pattern, count } of expectations) {
    const matched = rest.filter((warning) => pattern.test(warning.text));
    claimed.inTest += matched.length;
    rest = rest.filter((warning) => !matched.includes(warning));
    const ok = count === undefined ? matched.length > 0 : matched.length === count;
    if (!ok) problems.push(`expected ${count ?? 'at least 1'} warning(s) matching ${pattern}, got ${matched.length}${matched.length ? `:\n${describeWarnings(matched)}` : ''}`);
  }
  pending = [];
  expectations = [];
  if (rest.length) {
    printUnexpected(rest, where);
    problems.push(`${rest.length} console warning(s) that the test did not claim (expectWarnings / recordWarnings):\n${describeWarnings(rest)}`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

const checked = new WeakSet<object>();

beforeEach(function () {
  if (pending.length) {
    const stray = pending;
    pending = [];
    printUnexpected(stray, 'outside any test');
    throw new Error(`console warnings before "${this.currentTest?.fullTitle()}" (a before hook, or a late one from an earlier test):\n${describeWarnings(stray)}`);
  }
  // Check at the end of the test's own body, so a failure is the test's, not an after-each hook's
  // (mocha skips the rest of the file when a hook fails). Mocha reads `fn` when it runs the test.
  const test = this.currentTest;
  const body = test?.fn;
  if (!test || !body || test.async || checked.has(body)) return;
  const where = `in "${test.fullTitle()}"`;
  const checkedBody = async function (this: Mocha.Context) {
    await (body as (this: Mocha.Context) => unknown).call(this);
    settle(where);
  };
  checked.add(checkedBody);
  test.fn = checkedBody;
});

afterEach(function () {
  // Warnings during the suite's own after-each hooks (cleanup), or a recorder left running.
  for (const recorder of recorders) recorder.stop();
  if (claimed.inTest) claimed.tests++;
  claimed.warnings += claimed.inTest;
  claimed.inTest = 0;
  const title = this.currentTest?.fullTitle() ?? '(unknown test)';
  if (this.currentTest?.state === 'failed') {
    // The test failed already: show what it warned, as context, without a second failure.
    if (pending.length) printUnexpected(pending, `in failed test "${title}"`);
    pending = [];
    expectations = [];
    return;
  }
  settle(`after "${title}" ended (in an after-each hook, or late)`);
});

after(() => {
  if (claimed.tests) report(`expected warnings: ${claimed.tests} test(s) claimed ${claimed.warnings}`);
});

/** The tag of `report()` lines: the runner shows them only with TEST_REPORTS=1 (web-test-runner.config.js). */
export const REPORT_TAG = '[report]';

/** A measurement worth reading when asked (run counts, heap per cycle), not on every `npm test`. */
export function report(...args: unknown[]): void {
  console.log(REPORT_TAG, ...args);
}
