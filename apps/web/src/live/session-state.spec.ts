import type { ServerEvent, SessionStateDto } from '../protocol.js';
import { applyEvent, applyJoin, humanize, initialLiveState, keyPointCoverage, runningRuns } from './session-state.js';

const S = 'session-1';
const phase = { id: 'p1', title: 'Requirements', index: 0, count: 2 };
const state: SessionStateDto = {
  id: S,
  questionId: 'q',
  mode: 'practice',
  status: 'active',
  phase,
  phaseEndsAt: '2026-01-01T10:10:00.000Z',
  phases: [
    { id: 'p1', title: 'Requirements', minutes: 10 },
    { id: 'p2', title: 'Design', minutes: 10 },
  ],
  lastSeq: 2,
  startedAt: '2026-01-01T10:00:00.000Z',
  endedAt: null,
};
const at = '2026-01-01T10:00:00.000Z';
type Draft<E = ServerEvent> = E extends ServerEvent ? Omit<E, 'sessionId' | 'at'> : never;
const ev = (e: Draft): ServerEvent => ({ sessionId: S, at, ...e }) as ServerEvent;
const grade = (kps: [string, 'covered' | 'partial' | 'missed'][]) => ({
  keyPoints: kps.map(([id, status]) => ({ id, status, evidence: [] })),
  mistakes: [],
  dimensions: [],
  overall: 50,
  feedback: { strengths: [], improvements: [], nextToStudy: [] },
  flags: [],
});

describe(applyEvent.name, () => {
  const joined = applyJoin(initialLiveState(S), {
    state,
    events: [ev({ seq: 1, type: 'phase:changed', phase, endsAt: state.phaseEndsAt }), ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' })],
  });

  it('builds the timeline from the join and follows an answer from queued to scored', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: '<b>mine</b>' }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:status', turnId: 't1', status: 'grading' }));
    expect(s.items[1]).toMatchObject({ kind: 'answer', clientId: 'c1', status: 'grading', text: '<b>mine</b>' });
    s = applyEvent(s, ev({ seq: 5, type: 'grade:scored', turnId: 't1', grade: grade([['a', 'covered']]) }));
    expect(s.items[1]).toMatchObject({ status: 'scored', grade: { overall: 50 } });
    expect(s.lastSeq).toBe(5);
  });

  it('ignores an event it has already applied (a replay after resume changes nothing)', () => {
    const s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    expect(applyEvent(s, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }))).toBe(s);
    expect(applyEvent(s, ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' }))).toBe(s);
  });

  it('shows a failed grade as failed with its code, and a retry puts it back in the queue', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:failed', turnId: 't1', code: 'GRADER_UNAVAILABLE' }));
    expect(s.items[1]).toMatchObject({ status: 'failed', failureCode: 'GRADER_UNAVAILABLE' });
    expect(s.items[1]).not.toHaveProperty('grade');
    s = applyEvent(s, ev({ seq: 5, type: 'grade:status', turnId: 't1', status: 'queued' }));
    expect(s.items[1]).toMatchObject({ status: 'queued', failureCode: undefined });
  });

  it('moves the phase and ends the session', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'phase:changed', phase: { ...phase, id: 'p2', index: 1 }, endsAt: '2026-01-01T10:20:00.000Z' }));
    expect(s.phase?.index).toBe(1);
    s = applyEvent(s, ev({ seq: 4, type: 'session:ended', reason: 'clock' }));
    expect(s).toMatchObject({ status: 'ended', endedReason: 'clock' });
  });
});

describe(keyPointCoverage.name, () => {
  it('keeps the best status each key point reached', () => {
    let s = applyJoin(initialLiveState(S), { state, events: [] });
    s = applyEvent(s, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:scored', turnId: 't1', grade: grade([['a', 'covered'], ['b', 'missed']]) }));
    s = applyEvent(s, ev({ seq: 5, type: 'answer:accepted', turnId: 't2', clientId: 'c2', phaseId: 'p1', text: 'y' }));
    s = applyEvent(s, ev({ seq: 6, type: 'grade:scored', turnId: 't2', grade: grade([['a', 'missed'], ['b', 'partial']]) }));
    expect(keyPointCoverage(s.items)).toEqual([
      { id: 'a', status: 'covered' },
      { id: 'b', status: 'partial' },
    ]);
  });

  it('humanizes ids', () => expect(humanize('chat-semantics')).toBe('Chat semantics'));
});

describe('code:result', () => {
  const joined = applyJoin(initialLiveState(S), { state, events: [] });
  const result = (seq: number, runId: string, status: 'PASSED' | 'FAILED' = 'FAILED') =>
    ev({
      seq,
      type: 'code:result',
      runId,
      kind: 'run',
      status,
      tests: [{ name: 'classic sequence', hidden: false, passed: status === 'PASSED', expected: [1], actual: ['<img src=x>'], stdout: '<b>out</b>', timeMs: 3 }],
      visible: { passed: status === 'PASSED' ? 1 : 0, total: 1 },
      hidden: { passed: 0, total: 0 },
    });

  it('keeps every run result in order, as the server sent it', () => {
    let s = applyEvent(joined, result(3, 'r1'));
    s = applyEvent(s, result(4, 'r2', 'PASSED'));
    expect(s.codeResults.map((r) => [r.seq, r.runId, r.status])).toEqual([
      [3, 'r1', 'FAILED'],
      [4, 'r2', 'PASSED'],
    ]);
    expect(s.codeResults[0]).toMatchObject({ tests: [{ actual: ['<img src=x>'], stdout: '<b>out</b>' }] });
    expect(s.codeResults[0]).not.toHaveProperty('sessionId');
  });

  it('does not double a result when a resume replays it (same seq) or a run is reported twice', () => {
    const s = applyEvent(joined, result(3, 'r1'));
    expect(applyEvent(s, result(3, 'r1'))).toBe(s);
    const again = applyEvent(s, result(4, 'r1'));
    expect(again.codeResults).toHaveLength(1);
    expect(again.lastSeq).toBe(4);
  });

  it('shows a run as running until its result arrives', () => {
    const s = applyEvent(joined, result(3, 'r1'));
    const accepted = [
      { runId: 'r1', kind: 'run' as const },
      { runId: 'r2', kind: 'submit' as const },
    ];
    expect(runningRuns(accepted, s.codeResults)).toEqual([{ runId: 'r2', kind: 'submit' }]);
    expect(runningRuns(accepted, applyEvent(s, result(4, 'r2')).codeResults)).toEqual([]);
  });
});
