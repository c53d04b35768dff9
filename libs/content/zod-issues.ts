import type { z } from 'zod';
import { formatIssuePath, type ContentIssue } from './content-validation.error.js';

/**
 * Flattens zod issues into file/path/message triples. An unknown key is reported at the
 * key's own path, so the message points at the line to delete or rename.
 */
export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): ContentIssue[] {
  return issues.flatMap((issue): ContentIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        path: formatIssuePath([...issue.path, key]),
        message: `unknown key "${key}"`,
      }));
    }
    return [{ file, path: formatIssuePath(issue.path), message: issue.message }];
  });
}
