import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { currentLogContext, withLogContext } from './log-context.js';

/** A logger writing JSON lines into an array. */
function capture(): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', sink) };
}

describe(withLogContext.name, () => {
  it('adds the work in hand to every line written inside it, across awaits, by any logger and its children', async () => {
    const { lines, logger: sut } = capture();
    await withLogContext({ queue: 'grading', job: 'grading.grade-answer', jobId: 'j-1' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      sut.info('inside');
      sut.child({ turnId: 't-1' }).warn('from a child');
    });
    sut.info('outside');
    expect(lines.map(({ msg, queue, job, jobId }) => ({ msg, queue, job, jobId }))).toEqual([
      { msg: 'inside', queue: 'grading', job: 'grading.grade-answer', jobId: 'j-1' },
      { msg: 'from a child', queue: 'grading', job: 'grading.grade-answer', jobId: 'j-1' },
      { msg: 'outside', queue: undefined, job: undefined, jobId: undefined },
    ]);
  });

  it('keeps concurrent contexts apart and lets an inner one add to the outer', async () => {
    const { lines, logger: sut } = capture();
    await Promise.all(
      ['a', 'b'].map((id) =>
        withLogContext({ requestId: id }, async () => {
          await new Promise((r) => setTimeout(r, id === 'a' ? 5 : 1));
          withLogContext({ sessionId: `s-${id}` }, () => sut.info(id));
        }),
      ),
    );
    expect(lines.map(({ msg, requestId, sessionId }) => ({ msg, requestId, sessionId }))).toEqual([
      { msg: 'b', requestId: 'b', sessionId: 's-b' },
      { msg: 'a', requestId: 'a', sessionId: 's-a' },
    ]);
    expect(currentLogContext()).toEqual({});
  });
});
