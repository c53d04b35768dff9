import { z } from 'zod';
import { freeText } from '#libs/protocol';
import { functionSignatureSchema, perLanguageSchema, testCaseSchema } from './coding.schema.js';
import { QUESTION_KINDS } from './common.schema.js';
import { storedQuestionSchema } from './question.schema.js';
import { roleGuideSchema } from './role.schema.js';

/** `GET /api/questions?kind&topic`. */
export const questionFilterSchema = z.object({ kind: z.enum(QUESTION_KINDS).optional(), topic: freeText().max(100).optional() });
export type QuestionFilter = z.infer<typeof questionFilterSchema>;

const version = z.object({ version: z.string() });

/** A role guide (public study material, scoring descriptors included) with its content version. */
export const roleViewSchema = z.intersection(roleGuideSchema, version).meta({ id: 'RoleGuide' });
export type RoleView = z.infer<typeof roleViewSchema>;

export const questionListItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(QUESTION_KINDS),
    title: z.string(),
    difficulty: z.enum(['medium', 'hard', 'very-hard']),
    topics: z.array(z.string()),
    role: z.string(),
  })
  .meta({ id: 'QuestionListItem' });
export type QuestionListItem = z.infer<typeof questionListItemSchema>;

/** The candidate view is built with readonly arrays (`question-view.ts`). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const candidateBase = {
  id: z.string(),
  role: z.string(),
  title: z.string(),
  prompt: z.string(),
  difficulty: z.enum(['medium', 'hard', 'very-hard']),
  topics: list(z.string()),
  answerFramework: z.string(),
  howToAnswer: list(z.string()),
  keyTerminology: list(z.string()),
  /** Phase ids in order; titles and timings come from the role guide. */
  phases: list(z.string()),
  version: z.string(),
};

/** What a candidate may see of a question: no key points, signals, mistakes, reference answers or hidden tests. */
const candidateQuestionSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...candidateBase, kind: z.literal('system-design') }),
    z.object({
      ...candidateBase,
      kind: z.literal('coding'),
      signature: functionSignatureSchema,
      comparison: z.enum(['exact', 'unordered']),
      constraints: list(z.string()),
      starterCode: perLanguageSchema,
      visibleTests: list(testCaseSchema),
    }),
    z.object({
      ...candidateBase,
      kind: z.literal('behavioral'),
      /** Only the guiding prompt of each STAR element. */
      star: z.object({ situation: z.string(), task: z.string(), action: z.string(), result: z.string() }),
    }),
  ])
  .meta({ id: 'CandidateQuestion' });

/** The whole question, rubric included, as coaches and admins see it. */
const fullQuestionSchema = z.intersection(storedQuestionSchema, version).meta({ id: 'Question' });

export const questionDetailSchema = z
  .union([candidateQuestionSchema, fullQuestionSchema])
  .describe('A candidate sees `CandidateQuestion`; a coach or admin the whole `Question`');
export type QuestionDetail = z.infer<typeof questionDetailSchema>;
