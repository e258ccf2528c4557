/**
 * Options objects from outside (plugin options, a source's fields) copied without the keys
 * that reach prototypes: `Object.assign({}, defaults, { __proto__: … })` would set the
 * merged object's prototype, and every missing option would then read through it.
 */
import { quote } from './errors.js';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface OwnOptions {
  /** A null-prototype copy of the own enumerable string keys, prototype keys left out. */
  options: Record<string, unknown>;
  /** Why (part of) the value was not used, for a console warning; undefined when all was fine. */
  problem?: string;
}

/**
 * `value`'s own options as a plain null-prototype object. `undefined`/`null` give `{}` with no
 * problem; any other non-object (a string, number, boolean, array, function) gives `{}` and a
 * `problem`. A key whose getter throws is left out and named in `problem`. Never throws.
 */
export function ownOptions(value: unknown, what = 'options'): OwnOptions {
  const options: Record<string, unknown> = Object.create(null);
  if (value === undefined || value === null) return { options };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { options, problem: `${what} must be an object, got ${Array.isArray(value) ? 'an array' : `${typeof value} ${quote(value)}`}; it is ignored.` };
  }
  const skipped: string[] = [];
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return { options, problem: `${what} could not be read; it is ignored.` };
  }
  for (const key of keys) {
    if (PROTOTYPE_KEYS.has(key)) {
      skipped.push(key);
      continue;
    }
    try {
      options[key] = (value as Record<string, unknown>)[key];
    } catch {
      skipped.push(key);
    }
  }
  if (!skipped.length) return { options };
  return { options, problem: `${what}: ignored ${skipped.map((key) => quote(key)).join(', ')}.` };
}
