import { labelWords, type ComponentCategory } from './component-lexicon.js';
import { edgeRef, nameOf, nodeRef, type BoardView, type Step } from './board-view.js';
import type { DiagramCheck, DiagramCheckKind, DiagramFinding } from './diagram-expectations.js';
import type { DiagramNode } from './scene-graph.js';

/** Kinds that hold state a write must not lose. */
const STATEFUL: ReadonlySet<ComponentCategory> = new Set(['database', 'queue']);
/** Words that say a box stands for several machines ("Kafka cluster", "Postgres + 2 replicas", "Cassandra ring"). */
const REPLICATED = new Set([
  'cluster',
  'clustered',
  'replica',
  'replicas',
  'replicated',
  'replication',
  'ring',
  'quorum',
  'raft',
  'standby',
  'follower',
  'followers',
  'failover',
  'ha',
  'multi',
  'az',
  'azs',
  'sharded',
  'shards',
  'partitions',
  'partitioned',
]);
/** Words that say a consumer box stands for a group ("Push workers", "consumer group", "worker pool ×4"). */
const MANY = new Set([
  'workers',
  'consumers',
  'processors',
  'group',
  'groups',
  'pool',
  'fleet',
  'cluster',
  'instances',
  'replicas',
  'autoscaled',
  'autoscaling',
  'partitions',
  'n',
]);
const MULTIPLIER = /(?:^|\s)[x×*]\s?\d+|\d+\s?[x×](?:\s|$)/i;
/** An edge label that only reads ("read", "query", "lookup") is not a write path. */
const READ_WORDS = new Set(['read', 'reads', 'query', 'queries', 'lookup', 'lookups', 'fetch', 'get', 'select']);
const WRITE_WORDS = new Set([
  'write',
  'writes',
  'insert',
  'inserts',
  'update',
  'updates',
  'publish',
  'publishes',
  'produce',
  'produces',
  'put',
  'store',
  'stores',
  'save',
  'append',
  'enqueue',
  'send',
  'sends',
  'emit',
  'emits',
]);

const says = (text: string | null, words: ReadonlySet<string>): boolean => !!text && labelWords(text).some((w) => words.has(w));

type Found = Omit<DiagramFinding, 'check' | 'message' | 'keyPoint' | 'mistake'>;

const found = (step: Step): Found => ({
  from: nodeRef(step.from),
  to: nodeRef(step.to),
  elements: [nodeRef(step.from), edgeRef(step.edge), nodeRef(step.to)],
  text: `${nameOf(step.from)} → ${nameOf(step.to)}`,
});

/** A client node with an edge straight to a database, whichever way the arrow points (anchored client → database). */
function clientToDatabase(view: BoardView): Found[] {
  const seen = new Set<string>();
  return view.steps.flatMap((s) => {
    if (seen.has(s.edge.id)) return [];
    const anchored =
      s.from.category === 'client' && s.to.category === 'database'
        ? s
        : s.from.category === 'database' && s.to.category === 'client'
          ? { ...s, from: s.to, to: s.from }
          : null;
    if (!anchored) return [];
    seen.add(s.edge.id);
    return [found(anchored)];
  });
}

/**
 * A database or queue written to (an edge into it that is not labelled as a read) that is the only one of its kind
 * on the board and that nothing on the board calls replicated: its label, the labels of the edges touching it, the
 * notes. One finding per such node, anchored on its first write.
 */
function singleStatefulWritePath(view: BoardView): Found[] {
  const out: Found[] = [];
  const boardSaysReplicated = view.notes.some((n) => says(n, REPLICATED));
  for (const node of view.nodes) {
    if (!STATEFUL.has(node.category)) continue;
    if (view.nodes.filter((n) => n.category === node.category).length > 1) continue;
    const touching = view.steps.filter((s) => s.to.id === node.id || s.from.id === node.id);
    if (boardSaysReplicated || says(node.label, REPLICATED) || touching.some((s) => says(s.edge.label, REPLICATED))) continue;
    const write = view.steps.find((s) => s.to.id === node.id && !STATEFUL.has(s.from.category) && !readOnly(s.edge.label));
    if (write) out.push(found(write));
  }
  return out;
}

function readOnly(label: string | null): boolean {
  return says(label, READ_WORDS) && !says(label, WRITE_WORDS);
}

/** A queue with exactly one consumer node that is named as one (not "workers", "consumer group", "×3"). */
function queueWithoutConsumerGroup(view: BoardView): Found[] {
  const out: Found[] = [];
  for (const queue of view.nodes) {
    if (queue.category !== 'queue') continue;
    const reads = view.steps.filter((s) => s.from.id === queue.id && s.to.category !== 'queue');
    const consumers = new Map<string, DiagramNode>(reads.map((s) => [s.to.id, s.to]));
    if (consumers.size !== 1) continue;
    const [consumer] = [...consumers.values()] as [DiagramNode];
    if (says(consumer.label, MANY) || MULTIPLIER.test(consumer.label ?? '')) continue;
    if (reads.some((s) => says(s.edge.label, MANY))) continue;
    out.push(found(reads[0]!));
  }
  return out;
}

const CHECKS: Record<DiagramCheckKind, (view: BoardView) => Found[]> = {
  'client-to-database': clientToDatabase,
  'single-stateful-write-path': singleStatefulWritePath,
  'queue-without-consumer-group': queueWithoutConsumerGroup,
};

/** The problems the question asked to look for, in its order, each with its message and what it bears on. */
export function findProblems(view: BoardView, checks: readonly DiagramCheck[]): DiagramFinding[] {
  return checks.flatMap((check) =>
    CHECKS[check.id](view).map((f) => ({
      check: check.id,
      message: check.message,
      ...(check.keyPoint ? { keyPoint: check.keyPoint } : {}),
      ...(check.mistake ? { mistake: check.mistake } : {}),
      ...f,
    })),
  );
}
