import { findRepeatedBlocks } from './repeated-lines.js';

describe(findRepeatedBlocks.name, () => {
  it('finds a copied block of three or more lines, ignoring indentation, blanks and brackets', () => {
    const block = ['total = 0', 'for item in items:', '    total += item.price * item.quantity'];
    const code = [
      'def a(items):',
      ...block.map((l) => `    ${l}`),
      '    return total',
      '',
      'def b(items):',
      '',
      ...block.map((l) => `        ${l}`),
      '    return total * 2',
    ].join('\n');
    const sut = findRepeatedBlocks(code, 'python');
    expect(sut).toEqual({ duplicatedLines: 3, blocks: [{ line: 9, endLine: 11, firstLine: 2, length: 3 }] });
  });

  it('extends a block as far as the copy goes, and does not count a block against itself', () => {
    const lines = ['let count = lookup.get(key) ?? 0;', 'count += weightOf(key);', 'lookup.set(key, count);', 'seen.add(key);'];
    const code = [...lines, '}', '{', ...lines].join('\n');
    expect(findRepeatedBlocks(code, 'javascript').blocks).toEqual([{ line: 7, endLine: 10, firstLine: 1, length: 4 }]);
  });

  it('leaves comments and short coincidences alone', () => {
    const comments = ['// one', '// two', '// three'];
    expect(findRepeatedBlocks([...comments, 'x = 1', ...comments].join('\n'), 'javascript').duplicatedLines).toBe(0);
    expect(findRepeatedBlocks(['a = 1', 'b = 2', 'c = 3', 'pass', 'a = 1', 'b = 2', 'c = 3'].join('\n'), 'python').duplicatedLines).toBe(0);
  });
});
