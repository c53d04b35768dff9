import { z } from 'zod';

/**
 * Column types as the pg driver returns them, for the row schemas repositories parse with `rows`.
 * `bigint` and `numeric` arrive as strings; `timestamptz` as a Date; `json`/`jsonb` as parsed JSON.
 */
export const col = {
  text: z.string(),
  uuid: z.string(),
  int: z.number().int(),
  /** bigint, numeric, count(*) without a cast: a string from the driver. */
  numeric: z.union([z.string(), z.number()]).transform(Number),
  bool: z.boolean(),
  time: z.date(),
  /** A `json_agg` timestamp, or anything the server wrote as an ISO string. */
  isoTime: z.string(),
  textArray: z.array(z.string()),
  /**
   * A jsonb column this code wrote from a typed value (an event payload, a grade, a report, a scene): declared with
   * its type rather than re-validated on every read, which would put the protocol's schemas on the hottest paths.
   */
  json: <T>() => z.custom<T>((v) => v !== undefined),
} as const;
