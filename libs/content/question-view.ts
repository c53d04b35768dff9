import type {
  BehavioralQuestion,
  CodingQuestion,
  FunctionSignature,
  PerLanguage,
  Question,
  QuestionKind,
  RoleGuide,
  TestCase,
} from './content.schema.js';

/**
 * What a candidate may see of a question. Built from an explicit allow-list: a field
 * added to the schema stays internal until someone adds it here on purpose, so key
 * points, signals, mistakes, reference answers and hidden tests can never leak by default.
 */
interface CandidateQuestionBase {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly role: string;
  readonly title: string;
  readonly prompt: string;
  readonly difficulty: Question['difficulty'];
  readonly topics: readonly string[];
  readonly answerFramework: string;
  readonly howToAnswer: readonly string[];
  readonly keyTerminology: readonly string[];
  /** Phase ids in order; titles and timings come from the role guide. */
  readonly phases: readonly string[];
}

interface CandidateSystemDesignQuestion extends CandidateQuestionBase {
  readonly kind: 'system-design';
}

interface CandidateCodingQuestion extends CandidateQuestionBase {
  readonly kind: 'coding';
  readonly signature: FunctionSignature;
  readonly comparison: CodingQuestion['comparison'];
  readonly constraints: readonly string[];
  readonly starterCode: PerLanguage;
  readonly visibleTests: readonly TestCase[];
}

interface CandidateBehavioralQuestion extends CandidateQuestionBase {
  readonly kind: 'behavioral';
  /** Only the guiding prompt of each STAR element, not what a strong answer contains. */
  readonly star: Readonly<Record<keyof BehavioralQuestion['star'], string>>;
}

export type CandidateQuestion = CandidateSystemDesignQuestion | CandidateCodingQuestion | CandidateBehavioralQuestion;

export function toCandidateQuestion(question: Question): CandidateQuestion {
  const base: CandidateQuestionBase = {
    id: question.id,
    kind: question.kind,
    role: question.role,
    title: question.title,
    prompt: question.prompt,
    difficulty: question.difficulty,
    topics: [...question.topics],
    answerFramework: question.answerFramework,
    howToAnswer: [...question.howToAnswer],
    keyTerminology: [...question.keyTerminology],
    phases: question.phases.map((p) => p.id),
  };
  switch (question.kind) {
    case 'system-design':
      return { ...base, kind: 'system-design' };
    case 'coding':
      return {
        ...base,
        kind: 'coding',
        signature: structuredClone(question.signature),
        comparison: question.comparison,
        constraints: [...question.constraints],
        starterCode: { ...question.starterCode },
        visibleTests: structuredClone(question.tests.visible),
      };
    case 'behavioral':
      return {
        ...base,
        kind: 'behavioral',
        star: {
          situation: question.star.situation.prompt,
          task: question.star.task.prompt,
          action: question.star.action.prompt,
          result: question.star.result.prompt,
        },
      };
  }
}

/**
 * The role guide is public study material, scoring descriptors included, so the
 * candidate view is the whole validated guide; it exists so callers never hand out the
 * loader's bookkeeping (`file`) or a live reference into the shared bundle.
 */
export type CandidateRoleGuide = RoleGuide;

export function toCandidateRole(role: RoleGuide): CandidateRoleGuide {
  const { file: _file, version: _version, ...guide } = role as RoleGuide & { file?: string; version?: string };
  return structuredClone(guide);
}
