import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { ContentService } from '../../../libs/content/index.js';

/** Signs in through the sign-in form and waits for the role's home page. */
export async function signIn(page: Page, email: string, password: string, home: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === home);
}

/** From the dashboard: picks the question and mode and starts; returns the new session's id. */
export async function startSession(page: Page, questionId: string, mode: 'practice' | 'realistic'): Promise<string> {
  await page.getByLabel('Question').selectOption(questionId);
  await page.getByRole('radio', { name: new RegExp(`^${mode}`, 'i') }).check();
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByTestId('countdown').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Types an answer and sends it with Ctrl+Enter. */
export async function sendAnswer(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Your answer');
  await box.fill(text);
  await box.press('Control+Enter');
}

/** The answer card whose text is exactly `text`. */
export function answerCard(page: Page, text: string) {
  return page.getByTestId('answer').filter({ has: page.getByTestId('answer-text').getByText(text, { exact: true }) });
}

/** Paragraphs of the question's reference answer: a strong candidate's words, one per phase. */
export function strongAnswers(app: INestApplicationContext, questionId: string, count: number): string[] {
  const ref = app.get(ContentService).question(questionId).referenceAnswer;
  const paragraphs = ref
    .split(/\n\s*\n/)
    .filter((p) => p.trim().length > 40)
    .map((p) => p.trim());
  return Array.from({ length: count }, (_, i) => paragraphs[i % paragraphs.length]!);
}
