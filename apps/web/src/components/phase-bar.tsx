import { type MouseEvent, useEffect, useState } from 'react';
import { formatCountdown, serverClock } from '../clock.js';
import type { PhaseView, SessionStateDto } from '../protocol.js';

/** Under this much time left in a phase, the timer warns (colour, words, one announcement). */
const LOW_TIME_MS = 2 * 60_000;

/**
 * The phases in order, the current one marked; then the server's countdown for it (corrected for clock skew) in a
 * bar that stays at the top of the window while the candidate scrolls, warning when time runs low. Once the
 * session has ended the bar links to the report.
 */
export function PhaseBar({ phases, phase, endsAt, ended }: { phases: SessionStateDto['phases']; phase: PhaseView; endsAt: string; ended: boolean }) {
  const [remaining, setRemaining] = useState(() => serverClock.remainingMs(endsAt));
  useEffect(() => {
    const tick = () => setRemaining(serverClock.remainingMs(endsAt));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  const low = !ended && remaining <= LOW_TIME_MS;

  return (
    <>
      <nav className="phase-bar" aria-label="Interview phases">
        <ol>
          {phases.map((p, i) => (
            <li
              key={p.id}
              className={i === phase.index ? 'current' : i < phase.index ? 'done' : ''}
              aria-current={i === phase.index ? 'step' : undefined}
            >
              <span className="phase-title">{p.title}</span>
              <span className="muted"> · {p.minutes} min</span>
            </li>
          ))}
        </ol>
      </nav>
      <div className={low ? 'phase-timer low' : 'phase-timer'}>
        <p className="countdown" data-testid="countdown" data-low-time={low ? 'true' : undefined}>
          {ended ? (
            <>
              Session ended ·{' '}
              <a href="#report" onClick={jumpToReport}>
                Jump to the report
              </a>
            </>
          ) : (
            <>
              Phase {phase.index + 1} of {phase.count}: <strong>{phase.title}</strong> —{' '}
              <span role="timer" aria-live="off" aria-label="Time left in this phase">
                {formatCountdown(remaining)}
              </span>{' '}
              left
              {low && <span className="low-time"> · Less than 2 minutes left in this phase</span>}
            </>
          )}
        </p>
        {/* Said once when time runs low (the ticking timer itself stays silent). */}
        <p className="visually-hidden" aria-live="polite">
          {low ? 'Less than 2 minutes left in this phase.' : ''}
        </p>
      </div>
    </>
  );
}

/** Scrolls to the report and moves focus there, so the next Tab continues from it. */
function jumpToReport(e: MouseEvent<HTMLAnchorElement>) {
  const report = document.getElementById('report');
  if (!report) return;
  e.preventDefault();
  report.scrollIntoView({ block: 'start' });
  report.focus({ preventScroll: true });
}
