import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLE_OWNERS } from '../../libs/db/table-ownership.js';

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The tables a piece of SQL names: after FROM, JOIN, INTO, UPDATE, TABLE or REFERENCES (upper case, as this code writes SQL). */
export function tablesNamed(text: string): string[] {
  return [...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\s+([a-z_][a-z0-9_]*)/g)].map((m) => m[1]!);
}

/** Every table named in `text` (a file of lib `lib`) that another lib owns. */
export function foreignTables(lib: string, text: string): { table: string; owner: string }[] {
  const owners: Record<string, string> = TABLE_OWNERS;
  return [...new Set(tablesNamed(text))].flatMap((table) => {
    const owner = owners[table];
    return owner !== undefined && owner !== lib ? [{ table, owner }] : [];
  });
}

describe('table ownership (libs/db/table-ownership.ts)', () => {
  const libSources = filesUnder(join(root, 'libs'))
    .map((f) => relative(root, f))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith('libs/db/migrations/'));

  it('covers exactly the tables the migrations create', () => {
    const created = filesUnder(join(root, 'libs/db/migrations'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)].map((m) => m[1]!));
    expect([...new Set(created)].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });

  it('finds a repository of every lib that owns a table (the scan sees the files)', () => {
    const repositories = libSources.filter((f) => f.endsWith('.repository.ts'));
    const libsWithRepositories = new Set(repositories.map((f) => f.split('/')[1]));
    for (const owner of new Set(Object.values(TABLE_OWNERS))) expect(libsWithRepositories).toContain(owner);
  });

  it("no lib's SQL names another lib's table (reach it through the owner's public service)", () => {
    const violations = libSources.flatMap((file) => {
      const lib = file.split('/')[1]!;
      if (lib === 'db') return [];
      return foreignTables(lib, readFileSync(join(root, file), 'utf8')).map(({ table, owner }) => `${file}: ${table} (owned by libs/${owner})`);
    });
    expect(violations).toEqual([]);
  });

  it('catches a cross-lib query in any of the forms SQL names a table', () => {
    expect(foreignTables('review', 'const q = `DELETE FROM interview_sessions WHERE id = $1`;')).toEqual([
      { table: 'interview_sessions', owner: 'interview' },
    ]);
    expect(foreignTables('waitlist', 'await m.query(`INSERT INTO users (email) VALUES ($1)`)')).toEqual([{ table: 'users', owner: 'auth' }]);
    expect(foreignTables('interview', '`SELECT 1 FROM x JOIN coach_assignments a ON a.x = x.y`')).toEqual([
      { table: 'coach_assignments', owner: 'review' },
    ]);
    expect(foreignTables('rollout', '`UPDATE grades SET overall = 0`')).toEqual([{ table: 'grades', owner: 'interview' }]);
    expect(foreignTables('interview', '`SELECT * FROM session_turns t JOIN grades g ON g.turn_id = t.id`')).toEqual([]);
  });
});
