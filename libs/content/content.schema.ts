/**
 * The content schemas are the single source of the content types used in code: every
 * type below is inferred from a zod schema, so YAML, validation and TypeScript agree.
 */
export * from './common.schema.js';
export * from './signals.schema.js';
export * from './role.schema.js';
export * from './coding.schema.js';
export * from './behavioral.schema.js';
export * from './question.schema.js';
export * from './prompt.schema.js';
export * from './scenario.schema.js';
export * from './study.schema.js';
export * from './diagram.schema.js';

import type { RoleGuide } from './role.schema.js';
import type { Question } from './question.schema.js';
import type { PromptTemplate } from './prompt.schema.js';

/** A validated item plus where it came from and the hash of its normalised content. */
export type Loaded<T> = T & {
  /** Path relative to the content root's parent, e.g. `rubrics/questions/x.yaml`. */
  readonly file: string;
  /** sha256 hex of the canonical JSON of the validated object. */
  readonly version: string;
};

export type LoadedRoleGuide = Loaded<RoleGuide>;
export type LoadedQuestion = Loaded<Question>;
export type LoadedPromptTemplate = Loaded<PromptTemplate>;

export interface ContentBundle {
  readonly roles: ReadonlyMap<string, LoadedRoleGuide>;
  readonly questions: ReadonlyMap<string, LoadedQuestion>;
  readonly prompts: ReadonlyMap<string, LoadedPromptTemplate>;
}
