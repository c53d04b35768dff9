import { magnitudeMisconceptions } from './known-magnitudes.js';

describe(magnitudeMisconceptions.name, () => {
  const corrections = (text: string) => magnitudeMisconceptions(text).map((m) => m.correction);

  it.each([
    [
      'A cross-region round trip is only about 2 ms, so one region serves everyone.',
      'between regions takes tens to hundreds of milliseconds',
      '2 ms',
    ],
    ['A network round trip inside a datacenter is about 10 ms, ten times our budget.', 'inside a datacenter takes about half a millisecond', '10 ms'],
    ['Between availability zones a round trip is around 50 ms, so the standby is asynchronous.', 'between availability zones', '50 ms'],
    ['A memory access costs about a millisecond, so walking the trie is slow.', 'about 100 nanoseconds', '1 millisecond'],
    ['Reading a record from SSD is around 50 ms, so every miss is expensive.', 'from an SSD takes about 0.1 ms', '50 ms'],
    [
      'A Redis node tops out at roughly 2,000 operations per second, so we need 20 primaries.',
      '100,000 simple operations a second',
      '2,000 operations per second',
    ],
    ['Kafka adds around 2 seconds per hop between producer and consumer.', 'in milliseconds', '2 seconds'],
    [
      'Postgres handles around 300 write transactions per second on a decent node.',
      'thousands to tens of thousands',
      '300 write transactions per second',
    ],
    ['A Cassandra node sustains around 500 writes per second, so we need 300 nodes.', '10,000 or more writes a second', '500 writes per second'],
    [
      'A single server can hold roughly 1,000 open WebSockets before it runs out of memory.',
      'tens of thousands to a million',
      '1,000 open websockets',
    ],
    ['A card authorization at the processor takes about 5 ms end to end.', 'hundreds of milliseconds to a few seconds', '5 ms'],
  ])('corrects %j', (text, truth, said) => {
    const [correction, ...more] = corrections(text);
    expect(more).toEqual([]);
    expect(correction).toContain(truth);
    expect(correction).toContain(`not ${said};`);
  });

  it.each([
    'A cross-region round trip is about 80 ms, so each region runs its own stack.',
    // Thousands separators are read as such: 1,200 ms is 1.2 s, not 1.2 ms.
    'A card authorization at the processor takes about 1,200 ms end to end.',
    'One Redis node tops out around 100-200k ops/s in practice, so 15-25 shards per region.',
    'One WebSocket server can hold ~50k connections, so ~400 servers.',
    'A memory access is on the order of 100 nanoseconds versus roughly 100 microseconds for an SSD read.',
    // A timeout or a budget is a figure the design sets, not one it measures.
    'Redis calls have a ~5 ms timeout and a circuit breaker.',
    'So delivery is a Redis lookup plus one internal hop, well within a second.',
    // The figure nearest the name is its figure: the failover's "30-60 s" is not the processor call's.
    'The cost is a few ms more commit latency (irrelevant next to a 1 s processor call), and 30-60 s of failover.',
    'Checking a global counter would add a cross-region round trip (tens of ms) to every request.',
  ])('leaves %j alone', (text) => {
    expect(corrections(text)).toEqual([]);
  });
});
