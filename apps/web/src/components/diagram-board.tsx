import { Excalidraw, restoreElements } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DiagramSync, type DiagramRequest } from '../live/diagram-sync.js';
import type { DiagramSnapshot } from '../live/session-state.js';
import type { DiagramScene, ErrorDto } from '../protocol.js';

type BoardApi = Parameters<NonNullable<Parameters<typeof Excalidraw>[0]['excalidrawAPI']>>[0];
type BoardElements = Parameters<typeof restoreElements>[0];

export interface DiagramBoardProps {
  /** The board as the server last stored it (`GET /api/sessions/:id/diagram`), or null for a new board. */
  initial: DiagramScene | null;
  /** The newest `diagram:updated` of the session's log (maybe another device's drawing). */
  latest: DiagramSnapshot | null;
  send: DiagramRequest;
  online: boolean;
  readOnly: boolean;
}

/** The system-design whiteboard (Excalidraw), loaded in its own chunk and only for system-design sessions. */
export default function DiagramBoard({ initial, latest, send, online, readOnly }: DiagramBoardProps) {
  const [board, setBoard] = useState<BoardApi | null>(null);
  const [refused, setRefused] = useState<ErrorDto | null>(null);
  // `send` is stable for a session (the page remounts the board for another one).
  const [sync] = useState(() => new DiagramSync(send, setRefused));
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);
  useEffect(() => {
    if (online) sync.resume();
  }, [online, sync]);

  const initialData = useMemo(() => {
    const elements = (initial?.elements ?? []) as unknown as BoardElements;
    sync.known(initial?.elements ?? []);
    const background = initial?.appState?.viewBackgroundColor;
    return { elements, appState: typeof background === 'string' ? { viewBackgroundColor: background } : {}, scrollToContent: true };
    // Only the first scene seeds the board; later ones arrive as `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another device's (or the candidate's, for a watching coach) drawing replaces what this board shows. Not while
  // the board is still loading its first scene: that would land after, replace the drawing with the (empty)
  // initial scene, and the change would be sent back as this device's drawing, erasing the other one. It waits
  // for the first change the board reports once loaded.
  const waiting = useRef<DiagramSnapshot | null>(null);
  const showWaiting = (api: BoardApi): boolean => {
    const snapshot = waiting.current;
    if (!snapshot || api.getAppState().isLoading) return false;
    waiting.current = null;
    const elements = restoreElements(snapshot.scene.elements as unknown as BoardElements, null);
    sync.known(elements);
    api.updateScene({ elements });
    return true;
  };
  useEffect(() => {
    if (!latest || sync.ownClientIds.has(latest.clientId)) return;
    waiting.current = latest;
    if (board) showWaiting(board);
    // showWaiting reads only refs and the stable sync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board, latest, sync]);

  // Excalidraw's menu button (an icon) has no accessible name; it gets one here whenever the board renders it.
  const canvas = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const label = () =>
      el.querySelectorAll('button.dropdown-menu-button:not([aria-label])').forEach((b) => b.setAttribute('aria-label', 'Board menu'));
    label();
    const observer = new MutationObserver(label);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  return (
    <section className="diagram-board" aria-label="Whiteboard" data-testid="diagram-board">
      <div className="diagram-canvas" ref={canvas}>
        <Excalidraw
          excalidrawAPI={setBoard}
          initialData={initialData}
          viewModeEnabled={readOnly}
          UIOptions={{ tools: { image: false }, canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
          onChange={(elements, appState) => {
            if (appState.isLoading) return;
            if (board && showWaiting(board)) return;
            if (!readOnly) sync.changed(elements, appState.viewBackgroundColor);
          }}
        />
      </div>
      {refused && (
        <p role="alert" data-testid="diagram-refused">
          The board could not be saved: {refused.message}
        </p>
      )}
    </section>
  );
}
