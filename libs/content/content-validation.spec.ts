import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadContent, type ContentDirectories } from './content.loader.js';
import { ContentValidationError, type ContentIssue } from './content-validation.error.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures mutate raw YAML freely

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const QUESTION = 'rubrics/questions/url-shortener.yaml';
const ROLE = 'rubrics/roles/senior-backend-developer.yaml';
const tempRoots: string[] = [];

async function readReal(relative: string): Promise<Doc> {
  return parse(await readFile(path.join(repoRoot, relative), 'utf8')) as Doc;
}

/** A small valid content tree (one role, one question, both prompts) in a fresh temp dir. */
async function fixture(): Promise<{ root: string; dirs: ContentDirectories; write: (rel: string, body: string | Doc) => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'content-'));
  tempRoots.push(root);
  const write = async (rel: string, body: string | Doc): Promise<void> => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), typeof body === 'string' ? body : stringify(body));
  };
  for (const rel of [ROLE, QUESTION, 'prompts/grader.yaml', 'prompts/interviewer.yaml']) {
    await write(rel, await readFile(path.join(repoRoot, rel), 'utf8'));
  }
  return { root, dirs: { rubricsDir: path.join(root, 'rubrics'), promptsDir: path.join(root, 'prompts') }, write };
}

async function issuesAfter(change: (write: (rel: string, body: string | Doc) => Promise<void>) => Promise<void>): Promise<readonly ContentIssue[]> {
  const { dirs, write } = await fixture();
  await change(write);
  const error: unknown = await loadContent(dirs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentValidationError);
  return (error as ContentValidationError).issues;
}

async function mutateQuestion(mutate: (q: Doc) => void): Promise<readonly ContentIssue[]> {
  const question = await readReal(QUESTION);
  mutate(question);
  return issuesAfter((write) => write(QUESTION, question));
}

afterAll(async () => {
  await Promise.all(tempRoots.map((root) => rm(root, { recursive: true, force: true })));
});

describe(`${loadContent.name} with broken files`, () => {
  it('loads the untouched fixture (so every failure below comes from its one change)', async () => {
    const { dirs } = await fixture();
    await expect(loadContent(dirs)).resolves.toBeDefined();
  });

  it('rejects a bad type, naming the file and the path', async () => {
    const issues = await mutateQuestion((q) => {
      q.keyPoints[0].weight = 'heavy';
    });
    expect(issues).toEqual([expect.objectContaining({ file: QUESTION, path: 'keyPoints[0].weight' })]);
  });

  it('rejects a duplicate key point id', async () => {
    const issues = await mutateQuestion((q) => {
      q.keyPoints[2].id = q.keyPoints[0].id;
    });
    expect(issues).toEqual([{ file: QUESTION, path: 'keyPoints[2].id', message: 'duplicate id "scope-and-slos"' }]);
  });

  it('rejects a dimension the role guide does not define', async () => {
    const issues = await mutateQuestion((q) => {
      q.phases[3].dimensions.push('charisma');
    });
    expect(issues).toEqual([
      expect.objectContaining({ file: QUESTION, path: 'phases[3].dimensions[4]', message: expect.stringContaining('unknown dimension "charisma"') }),
    ]);
  });

  it('rejects a dangling role', async () => {
    const issues = await mutateQuestion((q) => {
      q.role = 'staff-frontend-developer';
    });
    expect(issues).toEqual([{ file: QUESTION, path: 'role', message: 'unknown role guide "staff-frontend-developer"' }]);
  });

  it('rejects unknown keys at the root and nested, at the key itself', async () => {
    const issues = await mutateQuestion((q) => {
      q.notes = 'internal';
      q.keyPoints[1].hint = 'say Redis';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: QUESTION, path: 'notes', message: 'unknown key "notes"' },
        { file: QUESTION, path: 'keyPoints[1].hint', message: 'unknown key "hint"' },
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it('rejects a key point whose phase the question does not list', async () => {
    const issues = await mutateQuestion((q) => {
      q.keyPoints[0].phase = 'coffee-break';
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'keyPoints[0].phase' })]);
  });

  it('rejects a file whose name differs from its id, and duplicate ids across files', async () => {
    const question = await readReal(QUESTION);
    const issues = await issuesAfter((write) => write('rubrics/questions/short-links.yaml', question));
    expect(issues).toEqual([
      { file: 'rubrics/questions/short-links.yaml', path: 'id', message: 'file name must be "url-shortener.yaml" to match the id' },
      {
        file: 'rubrics/questions/url-shortener.yaml',
        path: 'id',
        message: 'duplicate id "url-shortener" (also in rubrics/questions/short-links.yaml)',
      },
    ]);
  });

  it('reports YAML syntax errors and repeated keys with their line', async () => {
    const issues = await issuesAfter(async (write) => {
      await write('rubrics/questions/broken.yaml', 'id: broken\nkind: [coding\n');
      await write('rubrics/questions/twice.yaml', 'id: twice\nid: again\n');
    });
    expect(issues.map((i) => i.file)).toEqual(['rubrics/questions/broken.yaml', 'rubrics/questions/twice.yaml']);
    for (const issue of issues) {
      expect(issue.path).toMatch(/^line \d+, column \d+$/);
      expect(issue.message).toMatch(/^YAML syntax error: /);
    }
  });

  it('rejects a duplicate dimension in a role guide', async () => {
    const role = await readReal(ROLE);
    role.sessions.coding.dimensions[1].id = 'correctness';
    const issues = await issuesAfter((write) => write(ROLE, role));
    expect(issues).toContainEqual({ file: ROLE, path: 'sessions.coding.dimensions[1].id', message: 'duplicate id "correctness"' });
  });

  it('rejects a prompt that uses an undeclared placeholder', async () => {
    const grader = await readReal('prompts/grader.yaml');
    grader.messages[1].template += '\n{{secret}}';
    const issues = await issuesAfter((write) => write('prompts/grader.yaml', grader));
    expect(issues).toEqual([{ file: 'prompts/grader.yaml', path: 'messages[1].template', message: 'undeclared placeholder "{{secret}}"' }]);
  });

  it('reports every problem of every file at once, one per line in the message', async () => {
    const question = await readReal(QUESTION);
    question.keyPoints[0].weight = -1;
    const role = await readReal(ROLE);
    role.title = 42;
    const { dirs, write } = await fixture();
    await write(QUESTION, question);
    await write(ROLE, role);
    const error = await loadContent(dirs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    const { code, issues, message } = error as ContentValidationError;
    expect(code).toBe('CONTENT_INVALID');
    expect(issues.map((i) => `${i.file}: ${i.path}`)).toEqual(expect.arrayContaining([`${ROLE}: title`, `${QUESTION}: keyPoints[0].weight`]));
    expect(message).toContain(`\n${QUESTION}: keyPoints[0].weight: `);
    expect(message).toContain(`\n${ROLE}: title: `);
  });

  it('rejects a missing content directory', async () => {
    const { dirs } = await fixture();
    const issues = await loadContent({ ...dirs, promptsDir: path.join(dirs.promptsDir, 'nope') }).catch((e: ContentValidationError) => e.issues);
    // Paths are relative to the parent of the directory the caller passed.
    expect(issues).toEqual([{ file: 'nope', path: '(root)', message: 'cannot read directory: ENOENT' }]);
  });
});

describe('content versions', () => {
  async function versionOf(yamlText: string): Promise<string | undefined> {
    const { dirs, write } = await fixture();
    await write(QUESTION, yamlText);
    return (await loadContent(dirs)).questions.get('url-shortener')?.version;
  }

  it('ignore whitespace, comments and key order', async () => {
    const original = await readFile(path.join(repoRoot, QUESTION), 'utf8');
    const reordered = `# a comment\n\n${stringify(parse(original), { sortMapEntries: true, indent: 4 })}`;
    expect(reordered).not.toBe(original);
    expect(await versionOf(reordered)).toBe(await versionOf(original));
  });

  it('change when one word changes', async () => {
    const question = await readReal(QUESTION);
    const before = await versionOf(stringify(question));
    question.referenceAnswer = String(question.referenceAnswer).replace('Requirements.', 'Scope.');
    expect(await versionOf(stringify(question))).not.toBe(before);
  });
});
