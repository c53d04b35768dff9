import { formatCountdown, ServerClock } from './clock.js';

describe(ServerClock.name, () => {
  let now = 0;
  const sut = () => new ServerClock(() => now);

  it('uses the local clock until it has observed the server', () => {
    now = 1_000;
    expect(sut().now()).toBe(1_000);
  });

  it('corrects a local clock that runs 5 minutes behind, from the HTTP Date header', () => {
    const clock = sut();
    const server = Date.parse('2026-01-01T10:05:00.000Z');
    now = server - 300_000; // local clock 5 min behind
    clock.observeHttpDate(new Date(server).toUTCString(), now - 40, now + 40);
    expect(Math.abs(clock.offsetMs - 300_000)).toBeLessThanOrEqual(1_000);
    expect(clock.remainingMs(new Date(server + 60_000).toISOString())).toBeGreaterThan(59_000);
    expect(clock.remainingMs(new Date(server + 60_000).toISOString())).toBeLessThanOrEqual(61_000);
  });

  it('tightens the estimate with event times (a lower bound) and never counts below zero', () => {
    const clock = sut();
    now = 10_000;
    clock.observeHttpDate(new Date(12_000).toUTCString(), 9_990, 10_010); // offset in [1990, 3000]
    clock.observeEvent(new Date(12_900).toISOString(), 10_000); // offset ≥ 2900
    expect(clock.offsetMs).toBeGreaterThanOrEqual(2_900);
    expect(clock.offsetMs).toBeLessThanOrEqual(3_000);
    expect(clock.remainingMs(new Date(0).toISOString())).toBe(0);
  });

  it('starts again when the local clock jumps and the bounds contradict', () => {
    const clock = sut();
    clock.observeHttpDate(new Date(12_000).toUTCString(), 9_990, 10_010);
    clock.observeEvent(new Date(100_000).toISOString(), 10_000);
    expect(clock.offsetMs).toBe(90_000);
  });
});

describe(formatCountdown.name, () => {
  it('shows minutes and seconds, rounding up', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
  });
});
