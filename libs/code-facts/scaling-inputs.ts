import type { ScalingInputId } from '#libs/content';
import { seededRandom, seedOf } from './seeded-random.js';

type Random = () => number;
/** The arguments of one call of the entry point at size n; every input stays inside its question's constraints. */
type InputGenerator = (n: number, random: Random) => unknown[];

const int = (random: Random, below: number) => Math.floor(random() * below);

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(random, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const GENERATORS: Record<ScalingInputId, InputGenerator> = {
  // n puts and gets over n keys on a cache of capacity n/2: it fills up, then half the puts evict and half the
  // calls hit a cached key, which has to be found among ~n/2 others unless lookups are constant time.
  'lru-operations': (n, random) => {
    const ops = Array.from({ length: n }, () => {
      const key = int(random, n);
      return random() < 0.5 ? ['put', key, int(random, 1000)] : ['get', key];
    });
    return [Math.max(1, Math.floor(n / 2)), ops];
  },
  // n one-minute windows on distinct, non-touching minutes (the week has 5,040 such slots), shuffled: nothing
  // merges, so the output is as long as the input and a pairwise or insertion approach pays n² for it.
  'maintenance-windows': (n, random) => {
    const slots = shuffle(
      Array.from({ length: 5040 }, (_, i) => 2 * i),
      random,
    ).slice(0, Math.min(n, 5040));
    return [slots.map((start) => [start, start + 1])];
  },
  // n sessions of up to a minute starting within 2n seconds: ~15 are connected at any time, many share a second.
  'session-intervals': (n, random) => {
    const span = 2 * n;
    return [
      Array.from({ length: n }, () => {
        const start = int(random, span);
        return [start, start + 1 + int(random, 60)];
      }),
    ];
  },
  // n requests from 4 clients, 4 per second; the window holds ~n/8 seconds and the limit is n/16, so each client
  // keeps ~n/16 allowed timestamps: a scan of them per request is linear, a deque amortised constant.
  'rate-limit-requests': (n, random) => {
    const requests = Array.from({ length: n }, (_, i) => [Math.floor(i / 4), `client-${int(random, 4)}`]);
    return [Math.max(1, Math.floor(n / 16)), Math.max(1, Math.floor(n / 8)), requests];
  },
  // n tasks with random names and 2n dependencies, all pointing forward in one random order (so no cycle).
  'task-graph': (n, random) => {
    const names = new Set<string>();
    while (names.size < n)
      names.add(
        `task-${int(random, 36 ** 6)
          .toString(36)
          .padStart(6, '0')}`,
      );
    const tasks = shuffle([...names], random);
    const order = shuffle([...tasks], random);
    const dependencies = Array.from({ length: 2 * n }, () => {
      const a = int(random, n);
      const b = int(random, n);
      return a === b ? [order[Math.min(a, n - 2)]!, order[Math.min(a, n - 2) + 1]!] : [order[Math.min(a, b)]!, order[Math.max(a, b)]!];
    });
    return [tasks, n < 2 ? [] : dependencies];
  },
  // n requests over n/4 distinct endpoints, skewed so counts differ, and k = 10.
  'endpoint-log': (n, random) => {
    const distinct = Math.max(1, Math.floor(n / 4));
    const endpoints = Array.from({ length: n }, () => `GET /api/v1/resource-${Math.floor(distinct * random() ** 2)}`);
    return [endpoints, 10];
  },
  // n operations on 4 keys, half sets (strictly increasing timestamps), half gets at a random past timestamp:
  // each key's history grows to ~n/8 versions, so a linear scan per get is linear, a binary search logarithmic.
  'versioned-operations': (n, random) => {
    let clock = 0;
    const ops = Array.from({ length: n }, () => {
      const key = `flag-${int(random, 4)}`;
      if (clock === 0 || random() < 0.5) {
        clock += 1;
        return ['set', key, `v${clock}`, clock];
      }
      return ['get', key, 1 + int(random, clock)];
    });
    return [ops];
  },
};

/** The arguments for one call at size n: the same every time for the same input id and n. */
export function scalingArgs(input: ScalingInputId, n: number): unknown[] {
  return GENERATORS[input](n, seededRandom(seedOf(`${input}:${n}`)));
}
