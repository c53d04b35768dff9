import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * What `z.json()` converts to: a recursive schema zod names `__schemaN` (a name that differs from one conversion to
 * the next). Any JSON value is what a body can hold anyway, so it is documented as `{}` (anything), which also keeps
 * generated client types free of a self-referential alias.
 */
const JSON_VALUE_TYPES = JSON.stringify(['string', 'number', 'boolean', 'null', 'array', 'object']);
const isJsonValue = (def: unknown): boolean =>
  JSON.stringify(((def as { anyOf?: { type?: string }[] }).anyOf ?? []).map((s) => s.type)) === JSON_VALUE_TYPES;

/** Rewrites `$ref`s to their new names; a `$ref` named `null` (a JSON value) becomes `{}` with the rest of its object. */
function renameRefs(value: unknown, names: Map<string, string | null>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, names));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [
    k,
    k === '$ref' && typeof v === 'string' ? (names.has(v) ? names.get(v) : v) : renameRefs(v, names),
  ]);
  return Object.fromEntries(entries.filter(([k, v]) => !(k === '$ref' && v === null)));
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): the root, and the named schemas it uses
 * (`.meta({ id })`), to be gathered as `$defs` or OpenAPI components with `refBase`.
 * `input`: what a client may send (inlined, no names); `output`: what the server answers.
 */
export function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  refBase = '#/$defs/',
): { root: JsonSchema; defs: Record<string, JsonSchema> } {
  const {
    $defs = {},
    $schema: _dialect,
    ...root
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    ...(io === 'input' ? { metadata: z.registry<{ id?: string }>() } : {}),
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const names = new Map<string, string | null>();
  for (const [name, def] of Object.entries($defs))
    names.set(`#/$defs/${name}`, name.startsWith('__schema') && isJsonValue(def) ? null : `${refBase}${name}`);
  const kept = Object.entries($defs).filter(([name]) => names.get(`#/$defs/${name}`) !== null);
  return {
    root: renameRefs(root, names) as JsonSchema,
    defs: Object.fromEntries(kept.map(([name, def]) => [name, renameRefs(def, names) as JsonSchema])),
  };
}
