/**
 * Options objects from outside (plugin options, a source's fields) copied without the keys
 * that reach prototypes: `Object.assign({}, defaults, { __proto__: … })` would set the
 * merged object's prototype, and every missing option would then read through it.
 */
import { quote } from './errors.js';

const PROTOTYPE_KEYS = /^(?:__proto__|constructor|prototype)$/;

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
  const result: OwnOptions = { options: Object.create(null) };
  if (value == null) return result;
  const ignored = (why: string) => {
    result.problem = `${what}${why}.`;
    return result;
  };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return ignored(` must be an object, got ${Array.isArray(value) ? 'an array' : `${typeof value} ${quote(value)}`}; it is ignored`);
  }
  const skipped: string[] = [];
  try {
    for (const key of Object.keys(value)) {
      try {
        if (PROTOTYPE_KEYS.test(key)) skipped.push(quote(key));
        else result.options[key] = (value as Record<string, unknown>)[key];
      } catch {
        skipped.push(quote(key));
      }
    }
  } catch {
    return ignored(' could not be read; it is ignored');
  }
  return skipped.length ? ignored(`: ignored ${skipped.join(', ')}`) : result;
}
