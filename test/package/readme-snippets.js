// The README's code blocks marked `<!-- test:<name> -->`: the package test runs or type-checks
// each one, so the README cannot drift from what the package does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './pack.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

export function snippet(name) {
  const match = new RegExp(`<!-- test:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README.md has no code block marked <!-- test:${name} -->`);
  return match[1];
}
