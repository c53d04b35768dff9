import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** nest-cli.json names every Nest app and every lib as they are on disk (apps/web is Vite's, not Nest's). */
describe('nest-cli.json', () => {
  const projects = (JSON.parse(readFileSync('nest-cli.json', 'utf8')) as { projects: Record<string, { type: string; root: string }> }).projects;
  const dirs = (parent: string) =>
    readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);

  it('lists each lib in libs/ as a library', () => {
    const listed = Object.entries(projects).filter(([, p]) => p.type === 'library');
    expect(listed.map(([name]) => name).sort()).toEqual(dirs('libs').sort());
    for (const [name, p] of listed) expect(p.root).toBe(`libs/${name}`);
  });

  it('lists each Nest app (a main.ts in apps/) as an application', () => {
    const apps = dirs('apps').filter((a) => a !== 'web' && existsSync(join('apps', a, 'main.ts')));
    const listed = Object.entries(projects).filter(([, p]) => p.type === 'application');
    expect(listed.map(([name]) => name).sort()).toEqual(apps.sort());
    for (const [name, p] of listed) expect(p.root).toBe(`apps/${name}`);
  });
});
