import { newClientId, Outbox } from './outbox.js';

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

  it('makes client ids the protocol accepts, unique each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newClientId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\w.:-]{1,100}$/);
  });
});
