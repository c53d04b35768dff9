import type { StaticAnalysis } from '#libs/sandbox';

type BoundName = StaticAnalysis['names'][number];

/** Names from candidate code are printed only when they are plain identifiers (no prose can ride on a name). */
export function shownName(name: string): string {
  return /^[A-Za-z_$#][A-Za-z0-9_$]{0,39}$/.test(name) ? `\`${name}\`` : 'a name';
}

/** Single letters that are conventions of their own: indices, a size, a throwaway. */
const CONVENTIONAL_LETTERS = new Set(['_', 'i', 'j', 'k', 'n']);
/** Loop targets, one-line lambdas' parameters, caught errors and unpacked pairs may be short by convention. */
const SHORT_ALLOWED: ReadonlySet<BoundName['kind']> = new Set(['loop', 'lambda-param', 'exception', 'unpack']);
const VAGUE = /^(foo|bar|baz|qux|tmp|temp|stuff|things?|blah|asdf|xyz|dummy|data\d*|(arr|lst|list|dict|obj|var|val|res|tmp|temp)\d+)$/i;
const CAMEL = /^_*[a-z][a-z0-9]*[A-Z]\w*$/;
const SNAKE = /^_*[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
const CASE_CHECKED: ReadonlySet<BoundName['kind']> = new Set(['function', 'method', 'parameter', 'variable', 'unpack', 'loop']);

/**
 * Naming problems a reviewer would point at: single-letter or placeholder names where the code gives them a
 * lasting role, and a case style against the language's convention or mixed within the file. Names fixed by
 * the question's signature are the question's, not the candidate's.
 */
export function reviewNames(names: readonly BoundName[], language: 'python' | 'javascript', given: ReadonlySet<string>): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  const own = names.filter((n) => !given.has(n.name) && !seen.has(n.name) && seen.add(n.name));
  for (const n of own) {
    if (n.name.length === 1 && !CONVENTIONAL_LETTERS.has(n.name) && !SHORT_ALLOWED.has(n.kind)) {
      issues.push(
        `${shownName(n.name)} (line ${n.line}) is a single letter for a ${n.kind === 'parameter' ? 'parameter' : n.kind}: name it for what it holds`,
      );
    } else if (VAGUE.test(n.name)) {
      issues.push(`${shownName(n.name)} (line ${n.line}) is a placeholder name: say what it holds`);
    }
  }
  const styled = own.filter((n) => CASE_CHECKED.has(n.kind));
  const camel = styled.filter((n) => CAMEL.test(n.name));
  const snake = styled.filter((n) => SNAKE.test(n.name));
  const [against, convention] = language === 'python' ? [camel, 'snake_case (PEP 8)'] : [snake, 'camelCase'];
  const other = language === 'python' ? snake : camel;
  if (against.length > 0) {
    const list = against
      .slice(0, 3)
      .map((n) => `${shownName(n.name)} (line ${n.line})`)
      .join(', ');
    const mixed = other.length > 0 ? ` while ${shownName(other[0]!.name)} and others follow it` : '';
    issues.push(`${list} ${against.length === 1 ? 'breaks' : 'break'} the ${convention} convention${mixed}`);
  }
  return issues;
}
