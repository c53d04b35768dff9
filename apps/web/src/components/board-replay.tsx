import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, auth, describeError, downloadFile, type Schema } from '../api.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';

type DiagramTimeline = Schema<'DiagramTimeline'>;
type Snapshot = Schema<'DiagramTimelineEntry'>;

/** `m:ss` into the session. */
const into = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const describe = (s: Snapshot) => `${s.phaseTitle}, ${into(s.offsetMs)} into the session (${new Date(s.at).toLocaleTimeString()})`;

/**
 * The server's SVG of each snapshot as a blob URL: the endpoint needs the bearer token, which an <img src> cannot
 * send. Fetched once per snapshot, revoked when the board goes away.
 */
function useBoardImage(sessionId: string, snapshotId: string | undefined): { url?: string; error?: string } {
  const cache = useRef(new Map<string, string>());
  const [state, setState] = useState<{ id?: string; url?: string; error?: string }>({});
  useEffect(() => {
    const urls = cache.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);
  useEffect(() => {
    if (!snapshotId) return;
    const cached = cache.current.get(snapshotId);
    if (cached) {
      setState({ id: snapshotId, url: cached });
      return;
    }
    let current = true;
    const token = auth.token();
    fetch(`/api/sessions/${sessionId}/diagram.svg?snapshotId=${encodeURIComponent(snapshotId)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
      .then(async (res) => {
        if (!res.ok)
          throw new ApiError(
            res.status,
            `HTTP_${res.status}`,
            res.status === 401 ? 'Your sign-in has expired: reload the page.' : `The board could not be drawn (${res.status}).`,
          );
        const url = URL.createObjectURL(new Blob([await res.blob()], { type: 'image/svg+xml' }));
        cache.current.set(snapshotId, url);
        if (current) setState({ id: snapshotId, url });
      })
      .catch((err: unknown) => current && setState({ id: snapshotId, error: describeError(err) }));
    return () => {
      current = false;
    };
  }, [sessionId, snapshotId]);
  return state.id === snapshotId ? state : {};
}

export interface BoardReplayProps {
  sessionId: string;
  /** The snapshot to show; null for the final board. */
  snapshotId: string | null;
  onSelect(snapshotId: string): void;
}

/**
 * A system-design session's board after the fact: the final diagram (drawn by the server) and a stepper over its
 * snapshots. Renders nothing for a session without a board.
 */
export function BoardReplay({ sessionId, snapshotId, onSelect }: BoardReplayProps) {
  const query = useQuery({
    queryKey: queryKeys.diagramTimeline(sessionId),
    queryFn: apiGet('/api/sessions/{id}/diagram-timeline', { path: { id: sessionId } }),
  });
  const notADesign = query.error instanceof ApiError && query.error.code === 'NOT_A_DESIGN_SESSION';
  const timeline: DiagramTimeline | 'none' | null = query.data ?? (notADesign ? 'none' : null);
  const error = query.error && !query.data && !notADesign ? describeError(query.error) : null;
  const snapshots = timeline && timeline !== 'none' ? timeline.snapshots : [];
  const found = snapshotId ? snapshots.findIndex((s) => s.snapshotId === snapshotId) : -1;
  const index = found >= 0 ? found : snapshots.length - 1;
  const shown = snapshots[index];
  const image = useBoardImage(sessionId, shown?.snapshotId);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  if (timeline === 'none') return null;
  const body = () => {
    if (error) return <p role="alert">{error}</p>;
    if (!timeline) return <p role="status">Loading the board…</p>;
    if (!shown) return <p className="muted">Nothing was drawn on the board.</p>;
    const step = `Step ${index + 1} of ${snapshots.length}`;
    const go = (i: number) => onSelect(snapshots[Math.min(Math.max(i, 0), snapshots.length - 1)]!.snapshotId);
    const download = () => {
      setDownloadError(null);
      downloadFile(`/api/sessions/${sessionId}/diagram.svg?snapshotId=${shown.snapshotId}`, 'board.svg').catch((err: unknown) =>
        setDownloadError(describeError(err)),
      );
    };
    return (
      <>
        <figure className="board-figure">
          {image.url ? (
            <img
              src={image.url}
              alt={`The board at step ${index + 1} of ${snapshots.length}: ${describe(shown)}`}
              data-testid="board-image"
              data-snapshot-id={shown.snapshotId}
            />
          ) : image.error ? (
            <p role="alert">{image.error}</p>
          ) : (
            <p role="status">Drawing the board…</p>
          )}
          <figcaption data-testid="board-step">
            {step}
            {index === snapshots.length - 1 ? ' (final)' : ''} · {describe(shown)} · {shown.graph.nodes} components, {shown.graph.edges} flows
          </figcaption>
        </figure>
        <div className="board-stepper">
          <button type="button" className="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
            Previous
          </button>
          <input
            type="range"
            aria-label="Board timeline"
            min={1}
            max={snapshots.length}
            value={index + 1}
            aria-valuetext={`${step}: ${describe(shown)}`}
            onChange={(e) => go(Number(e.target.value) - 1)}
          />
          <button type="button" className="secondary" onClick={() => go(index + 1)} disabled={index === snapshots.length - 1}>
            Next
          </button>
          <button type="button" className="secondary" onClick={download}>
            Download SVG
          </button>
        </div>
        {downloadError && <p role="alert">{downloadError}</p>}
      </>
    );
  };
  return (
    <section className="board-replay card" id="board-replay" tabIndex={-1} aria-labelledby="board-replay-title" data-testid="board-replay">
      <h2 id="board-replay-title">Board</h2>
      {body()}
    </section>
  );
}

/** Under an answer of a system-design session: show the board as it stood then (in the Board section). */
export function BoardAtAnswer({
  snapshotId,
  boardUsed,
  onShow,
}: {
  snapshotId: string | null | undefined;
  boardUsed: boolean;
  onShow(snapshotId: string): void;
}) {
  // A session whose board was never drawn on says so once, in the Board section, not under every answer.
  if (snapshotId === undefined || !boardUsed) return null;
  if (snapshotId === null) return <p className="muted board-at-answer">Nothing was on the board yet at this answer.</p>;
  const show = () => {
    onShow(snapshotId);
    const section = document.getElementById('board-replay');
    section?.focus();
    section?.scrollIntoView({ block: 'start' });
  };
  return (
    <p className="board-at-answer">
      <button type="button" className="link" onClick={show} data-testid="board-at-answer">
        Board at this answer
      </button>
    </p>
  );
}
