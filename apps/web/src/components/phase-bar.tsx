import { useEffect, useState } from 'react';
import { formatCountdown, serverClock } from '../clock.js';
import type { PhaseView, SessionStateDto } from '../protocol.js';

/** The phases in order, the current one marked, and the server's countdown for it (corrected for clock skew). */
export function PhaseBar({ phases, phase, endsAt, ended }: { phases: SessionStateDto['phases']; phase: PhaseView; endsAt: string; ended: boolean }) {
  const [remaining, setRemaining] = useState(() => serverClock.remainingMs(endsAt));
  useEffect(() => {
    const tick = () => setRemaining(serverClock.remainingMs(endsAt));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [endsAt]);

  return (
    <nav className="phase-bar" aria-label="Interview phases">
      <ol>
        {phases.map((p, i) => (
          <li key={p.id} className={i === phase.index ? 'current' : i < phase.index ? 'done' : ''} aria-current={i === phase.index ? 'step' : undefined}>
            <span className="phase-title">{p.title}</span>
            <span className="muted"> · {p.minutes} min</span>
          </li>
        ))}
      </ol>
      <p className="countdown" data-testid="countdown">
        {ended ? (
          'Session ended'
        ) : (
          <>
            Phase {phase.index + 1} of {phase.count}: <strong>{phase.title}</strong> —{' '}
            <span role="timer" aria-live="off" aria-label="Time left in this phase">
              {formatCountdown(remaining)}
            </span>{' '}
            left
          </>
        )}
      </p>
    </nav>
  );
}
