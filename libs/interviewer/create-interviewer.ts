import type { AppConfig } from '#libs/config';
import type { LoadedPromptTemplate } from '#libs/content';
import { createOpenAiClient } from '#libs/grading';
import type { Interviewer } from './interviewer.port.js';
import { OfflineInterviewer } from './offline-interviewer.js';
import { OpenAiInterviewer } from './openai-interviewer.js';

/** The interviewer configured (`INTERVIEWER_PROVIDER`, default `LLM_PROVIDER`): offline, or the LLM one falling back to it. */
export function createInterviewer(config: Pick<AppConfig, 'llm' | 'interviewer'>, prompt: LoadedPromptTemplate): Interviewer {
  if (config.interviewer.provider === 'rubric') return new OfflineInterviewer();
  const { apiKey, baseUrl, model } = config.llm.openai;
  const client = createOpenAiClient({
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    timeoutMs: config.interviewer.timeoutMs,
  });
  return new OpenAiInterviewer({ client, model, timeoutMs: config.interviewer.timeoutMs, prompt });
}
