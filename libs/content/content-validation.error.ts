/** One problem in one content file; `path` points inside the file, e.g. `keyPoints[2].id`. */
export interface ContentIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Thrown by the loader with every problem found, so one run shows them all. */
export class ContentValidationError extends Error {
  readonly code = 'CONTENT_INVALID' as const;
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const lines = issues.map(formatContentIssue);
    super(`content is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ContentValidationError';
    this.issues = issues;
  }
}

function formatContentIssue(issue: ContentIssue): string {
  return `${issue.file}: ${issue.path}: ${issue.message}`;
}

/** `['keyPoints', 2, 'id']` → `keyPoints[2].id`; the empty path is the document itself. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key);
      if (!plain) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}
