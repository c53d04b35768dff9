/**
 * The part of an Excalidraw scene (the `.excalidraw` v2 file, `{ type: "excalidraw", version: 2, elements,
 * appState }`) that the graph reads. Structural on purpose: a stored scene is JSON, and every other field of an
 * element (style, seed, version, index…) is carried along untouched.
 */
export interface SceneElementLike {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  angle?: number;
  isDeleted?: boolean;
  groupIds?: readonly string[];
  frameId?: string | null;
  boundElements?: readonly { id: string; type: string }[] | null;
  /** text */
  text?: string;
  originalText?: string;
  containerId?: string | null;
  /** arrow, line */
  points?: readonly (readonly [number, number])[];
  startBinding?: { elementId: string } | null;
  endBinding?: { elementId: string } | null;
  startArrowhead?: string | null;
  endArrowhead?: string | null;
  /** frame */
  name?: string | null;
}

export interface SceneLike {
  elements: readonly SceneElementLike[];
  /** The board's settings; only `viewBackgroundColor` is read (by the SVG export). */
  appState?: Readonly<Record<string, unknown>>;
}
