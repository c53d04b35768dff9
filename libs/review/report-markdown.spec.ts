import type { CodeFacts, CodeReportSection } from '#libs/protocol';
import { inline } from './markdown-text.js';
import { codeFactsMarkdown, codeFactsOf } from './report-markdown.js';

const facts: CodeFacts = {
  quality: {
    functions: [{ name: 'lru_cache_operations', line: 1, lines: 30, maxDepth: 3 }],
    longestFunction: { name: 'lru_cache_operations', lines: 30 },
    maxNesting: 3,
    namingIssues: [],
    deadCode: [],
    duplicatedLines: 0,
    score: 3,
    findings: ['lru_cache_operations is 30 lines long: split the list handling out.'],
  },
  complexity: {
    required: 'O(1)',
    measured: 'O(n)',
    operation: 'put/get',
    per: 'operation',
    points: [{ n: 1000, ms: 2 }],
    confident: true,
    contradicts: true,
    note: 'put/get grew linearly: 8× the operations took 61× as long.',
    summary: 'measured O(n) per put/get (required O(1))',
  },
  missing: [],
};

describe(codeFactsMarkdown.name, () => {
  it('says what was measured: complexity against the requirement, and the quality findings', () => {
    const sut = codeFactsMarkdown(facts).join('\n');
    expect(sut).toContain(`**Complexity:** ${inline(facts.complexity!.summary)}. ${inline(facts.complexity!.note)}`);
    expect(sut).toContain('**Code quality:** 3 / 4');
    expect(sut).toContain(inline(facts.quality!.findings[0]!));
  });

  it('says why a fact is missing', () => {
    expect(codeFactsMarkdown({ quality: null, complexity: null, missing: ['The code never ran.'] })).toEqual([
      `- ${inline('The code never ran.')}`,
      '',
    ]);
  });
});

describe(codeFactsOf.name, () => {
  const code = {
    language: 'python',
    code: 'pass',
    status: 'PASSED',
    tests: [],
    visible: { passed: 1, total: 1 },
    hidden: { passed: 2, total: 2 },
    timeline: [],
    snapshots: 1,
  };

  it('finds the facts on a code section that carries them, and none on one stored before', () => {
    const carried = {
      ...code,
      quality: facts.quality ?? undefined,
      complexity: facts.complexity ?? undefined,
      factsMissing: facts.missing,
    } as unknown as CodeReportSection;
    expect(codeFactsOf(carried)).toEqual(facts);
    expect(codeFactsOf(code as unknown as CodeReportSection)).toBeNull();
  });
});
