import './support/console.js';
import { expect } from '@open-wc/testing';
import { ownOptions } from '../src/parse/safe-options.js';

describe('ownOptions (plugin options without prototype keys)', () => {
  it('copies own options into a null-prototype object', () => {
    const { options, problem } = ownOptions({ fileId: 'a', width: 160 });
    expect(Object.getPrototypeOf(options)).to.equal(null);
    expect({ ...options }).to.deep.equal({ fileId: 'a', width: 160 });
    expect(problem).to.equal(undefined);
  });

  it('__proto__, constructor and prototype are left out, so nothing reads through them (issue 12, item 7)', () => {
    const hostile = JSON.parse('{"__proto__": {"fileId": "evil", "preload": "auto", "width": 9999}, "constructor": {"x": 1}, "prototype": 1, "definition": 20}');
    const { options, problem } = ownOptions(hostile);
    // Merged over defaults the way a plugin does, the prototype keys must not leak in.
    const merged = Object.assign(Object.create(null), { preload: 'hover' }, options);
    expect([merged.fileId, merged.preload, merged.width, merged.definition]).to.deep.equal([undefined, 'hover', undefined, 20]);
    expect(Object.keys(options)).to.deep.equal(['definition']);
    expect(problem).to.include('"__proto__"').and.include('"constructor"').and.include('"prototype"');
    expect(({} as Record<string, unknown>).fileId).to.equal(undefined);
  });

  it('undefined and null are no options; other non-objects are reported, never thrown', () => {
    for (const empty of [undefined, null]) expect(ownOptions(empty)).to.deep.equal({ options: Object.create(null) });
    for (const bad of ['abc', 42, true, [1], () => 1, Symbol('s'), 10n]) {
      const { options, problem } = ownOptions(bad, 'vodSpriteThumbnails options');
      expect(Object.keys(options)).to.deep.equal([]);
      expect(problem).to.match(/^vodSpriteThumbnails options must be an object, got .+; it is ignored\.$/);
    }
  });

  it('a throwing getter or Proxy is reported, not thrown', () => {
    const getter = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('x');
      },
    });
    expect(ownOptions(getter)).to.deep.include({ problem: 'options: ignored "bad".' });
    const proxy = new Proxy({}, {
      ownKeys() {
        throw new Error('trap');
      },
    });
    expect(ownOptions(proxy).problem).to.equal('options could not be read; it is ignored.');
  });
});
