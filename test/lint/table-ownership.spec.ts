import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLE_OWNERS } from '../../libs/db/table-ownership.js';

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A table reference: optionally `public.`-qualified, either part optionally double-quoted; group 1 is the name. */
const TABLE_REF = String.raw`(?:"?public"?\s*\.\s*)?"?([a-z_][a-z0-9_]*)"?`;
const NAMING = new RegExp(String.raw`\b(FROM|USING|JOIN|INTO|UPDATE|TABLE|REFERENCES|TRUNCATE)\s+${TABLE_REF}`, 'gi');
/** The next table of a comma list, read right after a table: `[[AS] alias] , table`. */
const LISTED = new RegExp(String.raw`(?:\s+(?:AS\s+)?"?[a-z_][a-z0-9_]*"?)?\s*,\s*${TABLE_REF}`, 'iy');

/**
 * The tables a piece of SQL names, in any case: after FROM, USING, JOIN, INTO, UPDATE, TABLE, REFERENCES or
 * TRUNCATE, schema-qualified (`public.x`) or quoted (`"x"`) or not, and every table of a comma list after FROM or
 * USING (`FROM a x, b y`).
 */
export function tablesNamed(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(NAMING)) {
    found.push(m[2]!.toLowerCase());
    if (!/^(?:FROM|USING)$/i.test(m[1]!)) continue;
    LISTED.lastIndex = m.index + m[0].length;
    for (let next = LISTED.exec(text); next; next = LISTED.exec(text)) found.push(next[1]!.toLowerCase());
  }
  return found;
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
    expect(foreignTables('waitlist', 'await m.query(`insert into users (email) values ($1)`)')).toEqual([{ table: 'users', owner: 'auth' }]);
    expect(foreignTables('interview', '`SELECT 1 FROM x JOIN coach_assignments a ON a.x = x.y`')).toEqual([
      { table: 'coach_assignments', owner: 'review' },
    ]);
    expect(foreignTables('rollout', '`UPDATE grades SET overall = 0`')).toEqual([{ table: 'grades', owner: 'interview' }]);
    expect(foreignTables('interview', '`SELECT * FROM session_turns t JOIN grades g ON g.turn_id = t.id`')).toEqual([]);
  });

  // Each names interview_sessions, which review may reach only through interview's public service.
  it.each([
    ['in lower case', '`delete from interview_sessions where id = $1`'],
    ['after USING', '`DELETE FROM review_disputes d USING interview_sessions s WHERE s.id = d.session_id`'],
    ['in a comma list after FROM', '`SELECT 1 FROM review_disputes d, interview_sessions s WHERE s.id = d.session_id`'],
    ['later in a comma list, with AS', '`SELECT 1 FROM review_disputes AS d, coach_assignments a,interview_sessions`'],
    ['schema-qualified', '`SELECT * FROM public.interview_sessions`'],
    ['quoted', '`UPDATE "interview_sessions" SET status = $2`'],
    ['quoted and schema-qualified', '`SELECT 1 FROM "public"."interview_sessions"`'],
    ['after a lower-case JOIN', '`select 1 from review_disputes d left join public."interview_sessions" s on s.id = d.session_id`'],
  ])('catches a cross-lib table named %s', (_form, sql) => {
    expect(foreignTables('review', sql)).toEqual([{ table: 'interview_sessions', owner: 'interview' }]);
  });
});
