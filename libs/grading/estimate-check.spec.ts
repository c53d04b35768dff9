import { estimateErrors, estimateMisconceptions } from './estimate-check.js';

describe(estimateErrors.name, () => {
  const corrections = (text: string) => estimateErrors(text).map((e) => e.correction);

  it('redoes a count over a period said per second, and gives the right figure', () => {
    expect(corrections('Estimates: 100M new links a month works out to roughly 40,000 writes per second, so writes are the hard part.')).toEqual([
      '100M a month is about 39 per second (a month has about 2.6 million seconds), not 40,000; redo the sum before it sizes the design',
    ]);
    expect(corrections('For load, 10M/day is around 1,100/s on average.')).toEqual([
      '10M a day is about 116 per second (a day has about 86,400 seconds), not 1,100; redo the sum before it sizes the design',
    ]);
    expect(corrections('4 billion messages per day is roughly 4,600 per second.')).toEqual([
      '4 billion a day is about 46,000 per second (a day has about 86,400 seconds), not 4,600; redo the sum before it sizes the design',
    ]);
    expect(corrections('So 3B requests a day, which is about 3.5k requests per second, maybe 10k/s at the evening peak.')).toEqual([
      '3B a day is about 35,000 per second (a day has about 86,400 seconds), not 3.5k; redo the sum before it sizes the design',
    ]);
    expect(corrections('3B requests a day, which is about 35k requests per second.')).toEqual([]);
    // The seconds it is divided by said between the two.
    expect(corrections('Ten million executions a day over 86,400 seconds is roughly twelve per second.')).toEqual([
      '10 million a day is about 116 per second (a day has about 86,400 seconds), not 12; redo the sum before it sizes the design',
    ]);
    expect(corrections('Ten million executions a day divided by 86,400 s is roughly 115 per second.')).toEqual([]);
  });

  it('lets a rounded sum stand, and leaves a peak, another quantity or a factor alone', () => {
    expect(corrections('100M links a month is about 40 writes per second.')).toEqual([]);
    expect(corrections('10M/day ≈ 100/s on average.')).toEqual([]);
    expect(corrections('10M executions a day, with peaks of 12k/s at the top of the hour.')).toEqual([]);
    expect(corrections('10M/day is ~1.2k/s at peak.')).toEqual([]);
    expect(corrections('Writes ~40/s (100M/mo), reads ~4k/s avg at 100:1.')).toEqual([]);
    expect(corrections('The 10,000/day quota is tied to billing; 100/s is abuse protection.')).toEqual([]);
    expect(corrections('Load: 10M DAU x ~20 notifications/day is ~2,300/s average.')).toEqual([]);
    expect(corrections('100M links/month ÷ ~2.6M s/month ≈ 40 writes/s average.')).toEqual([]);
  });

  it('redoes a power, with a magnitude word or an exponent', () => {
    expect(corrections('Since 62^5 is already about 900 billion, 5 characters will last us decades.')).toEqual([
      '62^5 is about 916 million, not 900 billion; redo the sum before it sizes the key space',
    ]);
    expect(corrections('62^7 is roughly 3.5 million combinations.')).toEqual([
      '62^7 is about 3.5 trillion, not 3.5 million; redo the sum before it sizes the key space',
    ]);
    expect(corrections('Codes: base62, 7 chars (62^7 ≈ 3.5e12).')).toEqual([]);
    expect(corrections('62^7 ≈ 3.5 trillion codes.')).toEqual([]);
  });

  it('redoes a product of counts and sizes, per second or per day, and reads "100 B" beside a size in bytes as bytes', () => {
    expect(corrections('8k pods × 50 log lines/s × 300 bytes is about 120 KB/s.')).toEqual([
      '8k pods × 50 log lines/s × 300 bytes is about 120 MB per second, not 120 KB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Four variants at ~2 MB in total: 100M x 2 MB = ~200 GB/day.')).toEqual([
      '100M x 2 MB is about 200 TB a day, not 200 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Memory: 1M active keys x 3 counters x ~100 B = ~300 MB.')).toEqual([]);
    expect(corrections('Embeddings: 50M items × 128 dims × 4 bytes ≈ 25 GB.')).toEqual([]);
    expect(corrections('~1.2k uploads/s x 2 MB = ~200 TB/day.')).toEqual([]);
    expect(corrections('1,200 posts/s × 200 ≈ 240k feed inserts/s.')).toEqual([]);
    expect(corrections('Logs: 8k pods × 50 lines/s × 300 B ≈ 120 MB/s ≈ 10 TB/day raw.')).toEqual([]);
  });

  it('redoes a product of bare figures whose units were said before, and reads "300 B" beside a size as bytes', () => {
    expect(corrections('For logs, say 50 lines a second per pod at 300 bytes: 8,000 × 50 × 300 is 120 KB/s, about 10 GB a day.')).toEqual([
      '8,000 × 50 × 300 is about 120 MB, not 120 KB; redo the sum before it sizes the design',
    ]);
    expect(corrections('At 300 bytes a line: 8,000 × 50 × 300 is 120 MB/s.')).toEqual([]);
    expect(corrections('Feeds: 200M × 800 × 8 ≈ 1.3 TB of Redis.')).toEqual([]);
    // A comma before "about" ties a result too, and an earlier "that's" ends the sum before it.
    expect(corrections("At roughly 500 bytes per record that's 12B x 500 B, about 600 GB.")).toEqual([
      '12B x 500 B is about 6 TB, not 600 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Estimates: 50M DAU × ~8 searches, ~20 characters typed each.')).toEqual([]);
    // A "B" written on is billions or bytes, whichever the sum needs.
    expect(corrections('Storage 4B × 300 ≈ 1.2 TB a day.')).toEqual([]);
    expect(corrections('10y = 12B x 500B ~ 6TB (x3 RF).')).toEqual([]);
    expect(corrections('Storage 4B × 300 ≈ 1.2 GB a day.')).toEqual([
      '4B × 300 is about 1.2 TB, not 1.2 GB; redo the sum before it sizes the design',
    ]);
  });

  it('reads a result per minute or hour from a rate per second, and a size per key beside a count of keys', () => {
    expect(corrections('Logs: 8,000 pods × 50 lines/s × 300 bytes is 120 MB per minute, so about 2 MB/s.')).toEqual([
      '8,000 pods × 50 lines/s × 300 bytes is about 7.2 GB a minute, not 120 MB; redo the sum before it sizes the design',
    ]);
    expect(corrections('8,000 pods × 50 lines/s × 300 bytes is about 7 GB per minute.')).toEqual([]);
    expect(corrections('For memory, 1M active keys × ~100 bytes per key is about 100 GB, so memory binds.')).toEqual([
      '1M active keys × ~100 bytes per key is about 100 MB, not 100 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('1M active keys × ~100 bytes per key is about 100 MB.')).toEqual([]);
    // Per something no other factor counts: the sum leaves a factor out.
    expect(corrections('1M users × 100 bytes per session is about 100 GB.')).toEqual([]);
  });

  it('reads a product after an earlier result or a capacity label', () => {
    expect(corrections('~2 MB per photo for the original plus 3 variants -> 2 MB x 100M = ~200 GB/day.')).toEqual([
      '2 MB x 100M is about 200 TB a day, not 200 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Storage 4B × 300 B ≈ 120 GB/day, ~45 TB/year.')).toEqual([
      '4B × 300 B is about 1.2 TB a day, not 120 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Storage 4B × 300 B ≈ 1.2 TB/day.')).toEqual([]);
    // A factor per pod, or after words that may leave a factor to the sentence before, is not the whole sum.
    expect(corrections('8k pods; logs ~50 lines/s/pod x 300 B = 120 MB/s.')).toEqual([]);
    expect(corrections('Logs at 50 lines/s x 300 B -> ~120 MB/s, ~10 TB/day raw.')).toEqual([]);
  });

  it('redoes a quotient, and leaves fractions, durations and longer expressions alone', () => {
    expect(corrections('Estimates: 4B msgs/day ÷ 86,400 ≈ 4.6k msgs/s, ~15k/s at peak.')).toEqual([
      '4B ÷ 86,400 is about 46,000, not 4.6k; redo the sum before it sizes the design',
    ]);
    expect(corrections('2M/24 ≈ 83k per hour.')).toEqual([]);
    expect(corrections('1 TB / 100 KB ≈ 10M objects.')).toEqual([]);
    expect(corrections('Assume the average is ~1/3 -> ~1,700/s.')).toEqual([]);
    expect(corrections('Metrics 15s/15d → 5m/13mo downsampled.')).toEqual([]);
    expect(corrections("By Little's law 5,000 × 1.5 / 10 ≈ 750 in flight.")).toEqual([]);
  });

  it('reads a spaced "~" as a tie, and a figure said to be the average before its peak as the average', () => {
    expect(corrections('Embeddings: 50M x 128 floats x 4 B ~ 2.5 GB, so every pod keeps the index in-process.')).toEqual([
      '50M x 128 floats x 4 B is about 26 GB, not 2.5 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('- 50M DAU x 10 searches x 6 req/search = 3B req/day ~ 3.5k req/s avg, ~10k/s peak')).toEqual([
      '3B a day is about 35,000 per second (a day has about 86,400 seconds), not 3.5k; redo the sum before it sizes the design',
    ]);
    expect(corrections('Embeddings: 50M x 128 floats x 4 B ~ 26 GB.')).toEqual([]);
    expect(corrections('10M/day ~ 1.2k/s at peak.')).toEqual([]);
  });

  it('redoes a count spread over a stretch of time, said per second', () => {
    expect(corrections("Top of the hour: 2M/24 ≈ 83k per hour mark, spread over the first minute that's ~140/s.")).toEqual([
      '83k over a minute is about 1,400 per second, not 140; redo the sum before it sizes the design',
    ]);
    expect(corrections('If 100k jobs fire in the first 10 seconds that is 1k/s.')).toEqual([
      '100k over 10 seconds is about 10,000 per second, not 1k; redo the sum before it sizes the design',
    ]);
    expect(corrections('If 100k jobs fire in the first 10 seconds that is 10k/s.')).toEqual([]);
    expect(corrections('2M executions at the top of the hour spread over a minute is ~33k/s.')).toEqual([]);
    // A stretch in words, and a count the clause before ended on.
    expect(
      estimateMisconceptions(
        "That's 10M × 0.25 / 24 ≈ 104k triggers at the top of each hour; spread over the first ten seconds that's about 1,000 triggers per second.",
      ).map((m) => m.correction),
    ).toEqual(['104k over 10 seconds is about 10,000 per second, not 1,000; redo the sum before it sizes the design']);
    expect(
      estimateMisconceptions(
        "That's about 104k triggers at the top of each hour; spread over the first ten seconds that's about 10k triggers per second.",
      ),
    ).toEqual([]);
  });

  it('redoes sums said in words, and a rate per second said after the count it divides', () => {
    expect(
      corrections('Thirty million daily users times twenty requests is six hundred million a day, which is about seven hundred a second.'),
    ).toEqual(['600 million a day is about 6,900 per second (a day has about 86,400 seconds), not 700; redo the sum before it sizes the design']);
    expect(corrections('Item embeddings are 50 million items times 128 floats times 4 bytes, about two and a half gigabytes.')).toEqual([
      '50 million items times 128 floats times 4 bytes is about 26 GB, not 2.5 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('Thirty million users times twenty requests is six hundred million a day, about seven thousand a second.')).toEqual([]);
    // A peak with a figure of its own leaves the first figure the average.
    expect(corrections('600 million a day, which is about 700 requests a second, peaking at 2,000.')).toEqual([
      '600 million a day is about 6,900 per second (a day has about 86,400 seconds), not 700; redo the sum before it sizes the design',
    ]);
    expect(corrections('200 million users opening the feed ten times a day is about 23,000 requests per second.')).toEqual([]);
    const carried = (previous: string, text: string) => estimateMisconceptions(text, previous).map((m) => m.correction);
    expect(
      carried('That gives three billion requests a day.', "That's about three and a half thousand a second, maybe ten thousand at peak."),
    ).toEqual([
      '3 billion a day is about 35,000 per second (a day has about 86,400 seconds), not 3.5 thousand; redo the sum before it sizes the design',
    ]);
    expect(carried('That gives three billion requests a day.', "That's about thirty-five thousand a second.")).toEqual([]);
  });

  it("redoes Little's law: the rate times the time each request takes, in flight", () => {
    const carried = (previous: string, text: string) => estimateMisconceptions(text, previous).map((m) => m.correction);
    expect(
      carried(
        'Peak is 5,000 payments per second.',
        "Processor calls take around a second and a half, so by Little's law about seven hundred and fifty requests are in flight.",
      ),
    ).toEqual(["by Little's law 5,000 a second for 1.5 s each is about 7,500 in flight, not 750; redo the sum before it sizes the design"]);
    expect(carried('Peak is 5,000 payments per second.', "Calls take about 1.5 s, so by Little's law about 7,500 requests in flight.")).toEqual([]);
    // A range of times: a candidate may size for either end.
    expect(
      carried(
        'Peak is 5,000 payments per second.',
        'Processors answer in a couple of hundred ms to a couple of seconds, so roughly 10k calls are in flight.',
      ),
    ).toEqual([]);
    expect(
      estimateMisconceptions("5,000 TPS with processor latency around 1 s means by Little's law ~50 requests in flight.").map((m) => m.correction),
    ).toEqual(["by Little's law 5,000 a second for 1 s each is about 5,000 in flight, not 50; redo the sum before it sizes the design"]);
    // The law named with the times said the sentence before (here in seconds mistaken for milliseconds).
    const latency = 'Five thousand payments per second at peak, and processor calls take anywhere from 200 ms to two seconds.';
    expect(
      carried(latency, "By Little's law, concurrency is arrival rate times latency: 5,000 times 0.002 gives about ten requests in flight."),
    ).toEqual(["by Little's law 5,000 a second for 2 s each is about 10,000 in flight, not 10; redo the sum before it sizes the design"]);
    expect(carried(latency, "By Little's law that's roughly 5,000 requests in flight at the slow end.")).toEqual([]);
    // Without the law's name, a figure "concurrent" after a latency is another quantity.
    expect(carried('Gateways push 1 million messages a second within 100 ms.', 'That comfortably covers 2 million concurrent users.')).toEqual([]);
  });

  it('redoes a fleet said to carry a load: machines times what each carries', () => {
    const carried = (previous: string, text: string) => estimateMisconceptions(text, previous).map((m) => m.correction);
    expect(
      carried('', 'Given 400k redirects a second, a primary-plus-replica pair of Redis nodes at around 100k operations each will carry it.'),
    ).toEqual([
      '2 machines at about 100,000 a second each carry about 200,000 a second, not the 400,000 a second the estimate needs (4 or more); redo the sum before it sizes the design',
    ]);
    expect(carried('', 'Given 150k redirects a second, a pair of Redis nodes at around 100k operations each will carry it.')).toEqual([]);
    const load = 'Two rules per request make two million counter operations a second.';
    expect(
      carried(load, 'One Redis shard does about a hundred thousand operations a second, so four shards per region, eight in total, cover it.'),
    ).toEqual([
      '8 machines at about 100,000 a second each carry about 800,000 a second, not the 2 million a second the estimate needs (20 or more); redo the sum before it sizes the design',
    ]);
    expect(carried(load, 'One Redis shard does about a hundred thousand operations a second, so twenty-four shards cover it with headroom.')).toEqual(
      [],
    );
  });

  it('holds a fleet sized later to the peak the answer stated earlier, and machines holding connections to the connections counted', () => {
    const later = (before: string, text: string) => estimateMisconceptions(text, undefined, before).map((m) => m.correction);
    const estimate = 'Estimates: 1.2 billion requests a day, 14k QPS on average and about 40k QPS at peak.\n\nServing: a trie. ';
    expect(later(estimate, 'A single server answers about 2k QPS, so at peak we need six servers in total.')).toEqual([
      '6 machines at about 2,000 a second each carry about 12,000 a second, not the 40,000 a second the estimate needs (20 or more); redo the sum before it sizes the design',
    ]);
    expect(later(estimate, 'A single server answers about 2k QPS, so at peak we need 25 servers in total.')).toEqual([]);
    const connected = 'Estimates: up to 2M concurrently connected clients. ';
    expect(later(connected, 'The gateway tier is therefore two gateway nodes at 100k connections each.')).toEqual([
      '2 machines at about 100,000 connections each hold about 200,000, not the 2 million connections the estimate counted (20 or more); redo the sum before it sizes the design',
    ]);
    expect(later(connected, 'The gateway tier is therefore 24 gateway nodes at 100k connections each.')).toEqual([]);
  });

  it('redoes a count or a size per period carried over a longer one', () => {
    expect(corrections("That's 200 TB of new media per day, which over a year comes to roughly 7 PB.")).toEqual([
      '200 TB a day over a year is about 73 PB, not 7 PB; redo the sum before it sizes the design',
    ]);
    expect(corrections('About 10M rows a day, over a year about 3.6B.')).toEqual([]);
    expect(corrections('About 10M rows a day, over 5 years about 1.8B.')).toEqual([
      '10M a day over 5 years is about 18 billion, not 1.8B; redo the sum before it sizes the design',
    ]);
    // A shorter stretch is a peak or an average, another sum.
    expect(corrections('About 10M runs a day, in the busiest hour about 2M.')).toEqual([]);
  });

  it('reads a duration in seconds times a rate per second, "times" as ×, and a label before the sum', () => {
    expect(corrections('A sample is about 1.5 bytes, and 1M samples/s × 86,400 s × 1.5 bytes is about 13 GB a day.')).toEqual([
      '1M samples/s × 86,400 s × 1.5 bytes is about 130 GB a day, not 13 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('A sample is about 1.5 bytes, and 1M samples/s × 86,400 s × 1.5 bytes is about 130 GB a day.')).toEqual([]);
    expect(corrections("By Little's law, 5,000 per second times 2 seconds is about 1,000 calls in flight.")).toEqual([
      '5,000 per second times 2 seconds is about 10,000, not 1,000; redo the sum before it sizes the design',
    ]);
    expect(corrections("By Little's law, 5,000 per second times 2 seconds is about 10,000 calls in flight.")).toEqual([]);
    // A duration with no rate per second is a factor this cannot read.
    expect(corrections('Ranking: 500 items times 2 seconds is 100 s.')).toEqual([]);
  });

  it('redoes a rate at a size each, said as a total per second or per day', () => {
    expect(corrections("We're at roughly 1M samples per second, at 16 bytes each that's about 1.4 GB a day.")).toEqual([
      '1M samples per second at 16 bytes each is about 1.4 TB a day, not 1.4 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections("1M samples per second, at 16 bytes each that's about 1.4 TB a day.")).toEqual([]);
    expect(corrections('20k spans/s at 1 KB each is 20 MB/s.')).toEqual([]);
  });

  it('redoes a count at a size each, and leaves a term of a sum alone', () => {
    expect(corrections("Over ten years we store 12 billion links; at roughly 500 bytes per link that's about 600 GB.")).toEqual([
      '12 billion links at 500 bytes each is about 6 TB, not 600 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections("12 billion links, at roughly 500 bytes per link that's about 6 TB.")).toEqual([]);
    // A qualifier after the size each ("per photo across all variants").
    expect(corrections('One hundred million uploads a day, at about 2 MB per photo across all variants, is 200 GB a day.')).toEqual([
      '100 million uploads a day at 2 MB each is about 200 TB a day, not 200 GB; redo the sum before it sizes the design',
    ]);
    expect(corrections('One hundred million uploads a day, at about 2 MB per photo across all variants, is 200 TB a day.')).toEqual([]);
    expect(corrections('Payment row ~1 KB + ~5 state rows + 4 ledger entries at ~200 B each -> ~2.5 KB per payment.')).toEqual([]);
  });

  it('redoes a sum that goes on from the sentence before ("… a day. Divided by 86,400 …")', () => {
    const carried = (previous: string, text: string) => estimateMisconceptions(text, previous).map((m) => m.correction);
    expect(
      carried('Numbers: 100M DAU × 40 = 4 billion messages a day.', "Divided by 86,400 seconds that's roughly 4,600 messages per second."),
    ).toEqual(['4 billion ÷ 86,400 is about 46,000, not 4,600; redo the sum before it sizes the design']);
    expect(
      carried('Numbers: 100M DAU × 40 = 4 billion messages a day.', "Divided by 86,400 seconds that's roughly 46,000 messages per second."),
    ).toEqual([]);
    expect(carried('So 3B requests a day.', "Over 86,400 seconds that's roughly 3,500 requests per second, maybe 10k/s at peak.")).toEqual([
      '3B ÷ 86,400 is about 35,000, not 3,500; redo the sum before it sizes the design',
    ]);
    // A rate per second the sentence before ended on, multiplied by the seconds of a day.
    expect(
      carried(
        '8,000 pods each writing fifty lines a second at about 300 bytes is 120 MB per second.',
        'Multiplying by 86,400 seconds gives roughly 1 TB per day.',
      ),
    ).toEqual(['120 MB per second over 86,400 seconds is about 10 TB, not 1 TB; redo the sum before it sizes the design']);
    expect(carried('That is 120 MB per second.', 'Multiplying by 86,400 seconds gives roughly 10 TB per day.')).toEqual([]);
    expect(carried('That is 120 MB per second.', 'Multiplying by 86,400 seconds gives roughly 10 billion lines.')).toEqual([]);
    expect(carried('So 3B requests a day.', 'Dividing by 86,400 seconds gives roughly 3,500 requests a second.')).toEqual([
      '3B ÷ 86,400 is about 35,000, not 3,500; redo the sum before it sizes the design',
    ]);
    // A clause goes on from the clause before it, and a size each from the count before it.
    expect(
      estimateMisconceptions("100M DAU x 40 is 4 billion messages a day; divided by 86,400 that's about 4,600 messages/s.").map((m) => m.correction),
    ).toEqual(['4 billion ÷ 86,400 is about 46,000, not 4,600; redo the sum before it sizes the design']);
    expect(carried('100M DAU x 40 is 4 billion messages a day.', "At 300 bytes per message that's 120 GB a day, ~45 TB a year.")).toEqual([
      '4 billion at 300 bytes each is about 1.2 TB, not 120 GB; redo the sum before it sizes the design',
    ]);
    expect(carried('100M DAU x 40 is 4 billion messages a day.', "At 300 bytes per message that's 1.2 TB a day.")).toEqual([]);
    expect(carried('100M DAU x 40 is 4 billion messages a day.', "At 300 bytes per message that's 440 TB a year.")).toEqual([]);
    // "Over" divides only by seconds: "over ten years" is another sum.
    expect(carried('So 3B requests a day.', "Over 10 years that's roughly 11 trillion requests.")).toEqual([]);
    // Nothing to divide: the sentence before states no count over a period.
    expect(carried('We keep 30 days of history.', "Divided by 86,400 seconds that's roughly 4,600 per second.")).toEqual([]);
    expect(estimateMisconceptions("Divided by 86,400 seconds that's roughly 4,600 per second.")).toEqual([]);
  });

  it('leaves a sum alone when it cannot read every factor: additions, a missing factor, durations', () => {
    expect(corrections('Keys: ~1M active API keys + ~5M IPs, 3 counters each x 64 bytes = ~1.2 GB.')).toEqual([]);
    expect(corrections('Egress: ~10 images × ~150 KB per feed open → ~3 PB/day.')).toEqual([]);
    expect(corrections('Ranking: 500 items x ~50 us = ~25 ms.')).toEqual([]);
    expect(corrections('6B links over 5 years x ~0.5 KB is ~3 TB.')).toEqual([]);
    expect(corrections('30M DAU × ~10 rec slots → ~3.5k rps avg.')).toEqual([]);
  });
});
