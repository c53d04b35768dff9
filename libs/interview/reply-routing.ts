import type { AppConfig } from '#libs/config';

/**
 * Fully offline (offline grader and offline interviewer), the grading job replies right after it stores the
 * grade, with that grade: no second job, read of the answer or analysis per answer. With an LLM on either
 * side the reply is its own job, so it never waits for an LLM grade.
 */
export function repliesAfterGrade(config: AppConfig): boolean {
  return config.llm.provider === 'rubric' && config.interviewer.provider === 'rubric';
}
