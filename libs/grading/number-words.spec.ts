import { withFigures } from './number-words.js';

describe(withFigures.name, () => {
  it('writes cardinal number words as figures, keeping the scale word', () => {
    expect(withFigures('Over ten years we accumulate about twelve billion links.')).toBe('Over 10 years we accumulate about 12 billion links.');
    expect(withFigures('four hundred thousand redirects, a hundred thousand operations each')).toBe(
      '400 thousand redirects, 100 thousand operations each',
    );
    expect(withFigures('about seven hundred and fifty requests in flight')).toBe('about 750 requests in flight');
    expect(withFigures('about three and a half thousand a second, a couple of thousand at peak')).toBe(
      'about 3.5 thousand a second, 2 thousand at peak',
    );
    expect(withFigures('twenty-five shards, about two and a half gigabytes')).toBe('25 shards, about 2.5 GB');
  });

  it('leaves figures, ordinals, "a second" and separate numbers as they are', () => {
    expect(withFigures('50 million items')).toBe('50 million items');
    expect(withFigures('the first minute, a second and a half, two and three replicas')).toBe(
      'the first minute, a second and a half, 2 and 3 replicas',
    );
    expect(withFigures('someone, anyone, often')).toBe('someone, anyone, often');
  });
});
