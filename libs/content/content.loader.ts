import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { canonicalHash } from './canonical-hash.js';
import { crossCheckQuestion } from './content.cross-check.js';
import {
  promptTemplateSchema,
  questionSchema,
  roleGuideSchema,
  type ContentBundle,
  type Loaded,
  type LoadedPromptTemplate,
  type LoadedQuestion,
  type LoadedRoleGuide,
} from './content.schema.js';
import { ContentValidationError, type ContentIssue } from './content-validation.error.js';
import { fromZodIssues } from './zod-issues.js';

export interface ContentDirectories {
  /** The `rubrics/` directory, holding `roles/` and `questions/`. */
  readonly rubricsDir: string;
  /** The `prompts/` directory. */
  readonly promptsDir: string;
}

/**
 * Reads, validates and cross-checks every content file. Throws ContentValidationError
 * listing every problem found (never only the first), so CI shows the whole picture.
 */
export async function loadContent(dirs: ContentDirectories): Promise<ContentBundle> {
  const issues: ContentIssue[] = [];
  const rubricsRoot = path.dirname(path.resolve(dirs.rubricsDir));
  const promptsRoot = path.dirname(path.resolve(dirs.promptsDir));

  const roles = await loadKind(path.join(dirs.rubricsDir, 'roles'), rubricsRoot, roleGuideSchema, 'slug', issues);
  const questions = await loadKind(path.join(dirs.rubricsDir, 'questions'), rubricsRoot, questionSchema, 'id', issues);
  const prompts = await loadKind(dirs.promptsDir, promptsRoot, promptTemplateSchema, 'id', issues);

  for (const question of questions.values()) issues.push(...crossCheckQuestion(question, roles));

  if (issues.length > 0) throw new ContentValidationError(issues);
  return {
    roles: roles as ReadonlyMap<string, LoadedRoleGuide>,
    questions: questions as ReadonlyMap<string, LoadedQuestion>,
    prompts: prompts as ReadonlyMap<string, LoadedPromptTemplate>,
  };
}

/** Loads every `*.yaml` of one directory with one schema; the file name must be the id. */
async function loadKind<S extends z.ZodType>(
  dir: string,
  root: string,
  schema: S,
  idKey: 'id' | 'slug',
  issues: ContentIssue[],
): Promise<Map<string, Loaded<z.output<S>>>> {
  const items = new Map<string, Loaded<z.output<S>>>();
  const relDir = toRelative(root, dir);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    issues.push({ file: relDir, path: '(root)', message: `cannot read directory: ${describe(error)}` });
    return items;
  }
  for (const name of names) {
    const file = toRelative(root, path.join(dir, name));
    if (name.endsWith('.yml')) {
      issues.push({ file, path: '(root)', message: 'content files must use the .yaml extension' });
      continue;
    }
    if (!name.endsWith('.yaml')) continue;
    const raw = await parseYamlFile(path.join(dir, name), file, issues);
    if (raw === undefined) continue;
    const result = schema.safeParse(raw);
    if (!result.success) {
      issues.push(...fromZodIssues(file, result.error.issues));
      continue;
    }
    const data = result.data as z.output<S> & object;
    const id = String((data as Record<string, unknown>)[idKey]);
    if (`${id}.yaml` !== name) {
      issues.push({ file, path: idKey, message: `file name must be "${id}.yaml" to match the ${idKey}` });
    }
    const existing = items.get(id);
    if (existing) {
      issues.push({ file, path: idKey, message: `duplicate id "${id}" (also in ${existing.file})` });
      continue;
    }
    // Frozen: the bundle is shared by every consumer in the process, and a mutation by one
    // would silently change the rubric the others grade with (without changing `version`).
    items.set(id, deepFreeze({ ...data, file, version: canonicalHash(data) }) as Loaded<z.output<S>>);
  }
  if (items.size === 0 && !issues.some((i) => i.file.startsWith(relDir))) {
    issues.push({ file: relDir, path: '(root)', message: 'no .yaml content files found' });
  }
  return items;
}

async function parseYamlFile(absolute: string, file: string, issues: ContentIssue[]): Promise<unknown> {
  const text = await readFile(absolute, 'utf8');
  // uniqueKeys: a repeated key would otherwise silently override the first one.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = error.linePos?.[0];
      issues.push({
        file,
        path: at ? `line ${at.line}, column ${at.col}` : '(root)',
        // With prettyErrors the first line ends with "at line L, column C:"; the path has that.
        message: `YAML syntax error: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
    return undefined;
  }
  return doc.toJS();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

function toRelative(root: string, target: string): string {
  return path.relative(root, path.resolve(target)).split(path.sep).join('/');
}

/** The error code alone (ENOENT, EACCES): the absolute path would only repeat the file. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
