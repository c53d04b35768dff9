import type { ServerEvent, ServerEventPayloads, ServerEventType } from '#libs/protocol';

/**
 * A logged event from its parts. Payloads are written from `ServerEventPayloads[type]` by `SessionTx.appendEvents`,
 * the only writer of the log, so type and payload agree by construction: this is the one place that is asserted.
 */
export function logged(
  type: ServerEventType,
  payload: ServerEventPayloads[ServerEventType],
  envelope: { sessionId: string; seq: number; at: string },
): ServerEvent {
  return { ...payload, ...envelope, type } as ServerEvent;
}

/** An event to append: its seq and time are the log's. */
export type NewEvent = { [T in ServerEventType]: { type: T; payload: ServerEventPayloads[T] } }[ServerEventType];

/** One `NewEvent` from a type and its payload (TypeScript cannot narrow the pair of a generic `T` to the union). */
export function newEvent<T extends ServerEventType>(type: T, payload: ServerEventPayloads[T]): NewEvent {
  return { type, payload } as NewEvent;
}
