import { canonicalHash, canonicalJson } from './canonical-hash.js';

describe(canonicalHash.name, () => {
  it('is a sha256 hex digest', () => {
    expect(canonicalHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order at any depth', () => {
    const a = { id: 'x', nested: { b: [1, { d: 1, c: 2 }], a: 'y' } };
    const b = { nested: { a: 'y', b: [1, { c: 2, d: 1 }] }, id: 'x' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalHash(a)).toBe(canonicalHash(b));
  });

  it('ignores undefined members, as JSON storage would', () => {
    expect(canonicalHash({ a: 1, b: undefined })).toBe(canonicalHash({ a: 1 }));
  });

  it('changes when one word or the order of a list changes', () => {
    const base = canonicalHash({ text: 'Message queue reliability', list: [1, 2] });
    expect(canonicalHash({ text: 'Message queue durability', list: [1, 2] })).not.toBe(base);
    expect(canonicalHash({ text: 'Message queue reliability', list: [2, 1] })).not.toBe(base);
  });
});
