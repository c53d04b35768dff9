import { newClientId, Outbox, submitPayload } from './outbox.js';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe(Outbox.name, () => {
  it('keeps answers in order, per session, across instances (a reload)', () => {
    const storage = memoryStorage();
    const sut = new Outbox('s1', storage);
    const a = sut.add('first');
    const b = sut.add('second');
    new Outbox('s2', storage).add('elsewhere');
    expect(new Outbox('s1', storage).list().map((e) => [e.clientId, e.text])).toEqual([
      [a.clientId, 'first'],
      [b.clientId, 'second'],
    ]);
  });

  it('forgets an acknowledged answer and leaves nothing behind when empty', () => {
    const storage = memoryStorage();
    const sut = new Outbox('s1', storage);
    const a = sut.add('first');
    sut.remove(a.clientId);
    expect(sut.list()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('survives a corrupt entry in storage', () => {
    const storage = memoryStorage();
    storage.setItem('mi.outbox.s1', '{not json');
    expect(new Outbox('s1', storage).list()).toEqual([]);
  });

  it('keeps a question as a question across a reload, so a re-send means the same', () => {
    const storage = memoryStorage();
    const q = new Outbox('s1', storage).add('How many users?', 'question');
    const a = new Outbox('s1', storage).add('An answer');
    const [first, second] = new Outbox('s1', storage).list();
    expect(first).toMatchObject({ clientId: q.clientId, text: 'How many users?', intent: 'question' });
    expect(second).not.toHaveProperty('intent');
    expect(submitPayload('s1', first!)).toEqual({ sessionId: 's1', clientId: q.clientId, text: 'How many users?', intent: 'question' });
    expect(submitPayload('s1', second!)).toEqual({ sessionId: 's1', clientId: a.clientId, text: 'An answer' });
  });

  it('sends an entry whose stored intent it does not know as plain text (the server reads it)', () => {
    const storage = memoryStorage();
    storage.setItem('mi.outbox.s1', JSON.stringify([{ clientId: 'c1', text: 'hi', createdAt: '2026-01-01T00:00:00.000Z', intent: 'shout' }]));
    expect(new Outbox('s1', storage).list()).toEqual([{ clientId: 'c1', text: 'hi', createdAt: '2026-01-01T00:00:00.000Z' }]);
  });

  it('makes client ids the protocol accepts, unique each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newClientId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\w.:-]{1,100}$/);
  });
});
