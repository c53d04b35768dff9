import type { ContentIssue } from './content-validation.error.js';
import { formatIssuePath } from './content-validation.error.js';
import type { LoadedQuestion, LoadedRoleGuide } from './content.schema.js';

/**
 * Checks that need more than one file: a question's role guide must exist, and the
 * question must use that guide's phase plan (all phases, in order) and only its
 * dimensions, scoring every one of them somewhere.
 */
export function crossCheckQuestion(question: LoadedQuestion, roles: ReadonlyMap<string, LoadedRoleGuide>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const issue = (path: PropertyKey[], message: string): void => {
    issues.push({ file: question.file, path: formatIssuePath(path), message });
  };
  const role = roles.get(question.role);
  if (!role) {
    issue(['role'], `unknown role guide "${question.role}"`);
    return issues;
  }
  const plan = role.sessions[question.kind];
  const phaseIds = plan.phases.map((p) => p.id);
  const dimensionIds = new Set(plan.dimensions.map((d) => d.id));
  const where = `the ${question.kind} plan of role guide "${role.slug}"`;

  let phasesKnown = true;
  question.phases.forEach((phase, i) => {
    if (!phaseIds.includes(phase.id)) {
      phasesKnown = false;
      issue(['phases', i, 'id'], `unknown phase "${phase.id}" (not in ${where})`);
    }
    phase.dimensions.forEach((dimension, j) => {
      if (!dimensionIds.has(dimension)) {
        issue(['phases', i, 'dimensions', j], `unknown dimension "${dimension}" (not in ${where})`);
      }
    });
  });
  // The server runs the role's clock; a question that skipped or reordered phases
  // would have no rubric for part of the session.
  const listed = question.phases.map((p) => p.id);
  if (phasesKnown && listed.join('|') !== phaseIds.join('|')) {
    issue(['phases'], `must list the phases of ${where} in order: ${phaseIds.join(', ')}`);
  }
  const scored = new Set(question.phases.flatMap((p) => p.dimensions));
  for (const dimension of dimensionIds) {
    if (!scored.has(dimension)) {
      issue(['phases'], `dimension "${dimension}" of ${where} is never scored`);
    }
  }
  checkComplexityClaims(question, issue);
  checkDiagramExpectations(question, issue);
  return issues;
}

/**
 * A question's diagram expectations name its own key points and mistakes, and a probe conditioned on the board
 * (`when.board`) names a check the question declares: a typo would silently never credit or never ask.
 */
function checkDiagramExpectations(question: LoadedQuestion, issue: (path: PropertyKey[], message: string) => void): void {
  const keyPoints = new Set(question.keyPoints.map((k) => k.id));
  const mistakes = new Set(question.commonMistakes.map((m) => m.id));
  const diagram = question.kind === 'system-design' ? question.diagram : undefined;
  const keyPoint = (id: string | undefined, path: PropertyKey[]) => {
    if (id !== undefined && !keyPoints.has(id)) issue(path, `unknown key point "${id}"`);
  };
  diagram?.components?.forEach((c, i) => keyPoint(c.keyPoint, ['diagram', 'components', i, 'keyPoint']));
  diagram?.flows?.forEach((f, i) => keyPoint(f.keyPoint, ['diagram', 'flows', i, 'keyPoint']));
  diagram?.checks?.forEach((c, i) => {
    keyPoint(c.keyPoint, ['diagram', 'checks', i, 'keyPoint']);
    if (c.mistake !== undefined && !mistakes.has(c.mistake)) issue(['diagram', 'checks', i, 'mistake'], `unknown mistake "${c.mistake}"`);
  });
  const declared = new Set((diagram?.checks ?? []).map((c) => c.id));
  question.keyPoints.forEach((k, i) =>
    (k.probes ?? []).forEach((p, j) =>
      (p.when?.board ?? []).forEach((check, n) => {
        if (!declared.has(check))
          issue(['keyPoints', i, 'probes', j, 'when', 'board', n], `check "${check}" is not among the question's diagram.checks`);
      }),
    ),
  );
}

/**
 * A coding question times every submission (its `scaling` run) and names the one key point whose complexity claim
 * the timing can contradict. Optional in the schema only for question versions stored before the scaling run.
 */
function checkComplexityClaims(question: LoadedQuestion, issue: (path: PropertyKey[], message: string) => void): void {
  const claims = question.keyPoints.flatMap((k, i) => (k.claimsComplexity ? [{ k, i }] : []));
  if (question.kind !== 'coding') {
    for (const { i } of claims) issue(['keyPoints', i, 'claimsComplexity'], 'only a coding question has a measured complexity to claim');
    return;
  }
  if (!question.scaling) issue(['scaling'], 'a coding question must define its scaling run');
  if (claims.length !== 1) issue(['keyPoints'], `a coding question marks exactly one key point with claimsComplexity (found ${claims.length})`);
  for (const { k, i } of claims) {
    if (k.dimension !== 'complexity')
      issue(['keyPoints', i, 'claimsComplexity'], 'the key point claiming the complexity must count for the complexity dimension');
  }
}
