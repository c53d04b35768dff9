import { z } from 'zod';

/** A row the database answered in a shape its schema refuses: a misspelt column or a migration the code lacks. */
export class RowShapeError extends Error {
  readonly code = 'ROW_SHAPE';

  constructor(readonly issues: readonly { path: PropertyKey[]; message: string }[]) {
    super(`a database row does not match its schema: ${issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ')}`);
  }
}

/**
 * The rows of a raw query, parsed by their schema at the repository boundary: the one place a row's fields get
 * their types (no `as` on row fields). TypeORM's postgres driver answers a SELECT with the rows and an
 * UPDATE/DELETE … RETURNING with `[rows, affected]`; both are accepted.
 */
export function rows<S extends z.ZodType>(schema: S, result: unknown): z.output<S>[] {
  const list = isAffectedPair(result) ? result[0] : result;
  if (!Array.isArray(list)) throw new RowShapeError([{ path: [], message: 'expected an array of rows' }]);
  return list.map((raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new RowShapeError(parsed.error.issues);
    return parsed.data;
  });
}

/** The first row (or null), parsed as `rows` does. */
export function firstRow<S extends z.ZodType>(schema: S, result: unknown): z.output<S> | null {
  return rows(schema, result)[0] ?? null;
}

/** How many rows an UPDATE/DELETE touched (TypeORM's `[rows, affected]`), 0 for any other answer. */
export function affectedCount(result: unknown): number {
  return isAffectedPair(result) ? result[1] : 0;
}

function isAffectedPair(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

/** The one row a statement must answer (an INSERT … RETURNING), parsed as `rows` does. */
export function onlyRow<S extends z.ZodType>(schema: S, result: unknown): z.output<S> {
  const row = firstRow(schema, result);
  if (row === null) throw new RowShapeError([{ path: [], message: 'expected a row, got none' }]);
  return row;
}

/** The SQLSTATE of a failed statement (`23505`: unique violation), from the pg driver's error. */
export function pgErrorCode(err: unknown): string | undefined {
  const driver = z.object({ driverError: z.object({ code: z.string() }) }).safeParse(err);
  if (driver.success) return driver.data.driverError.code;
  return z.object({ code: z.string() }).safeParse(err).data?.code;
}
