import type { Locator, Page } from 'playwright-core';

/**
 * The live coding editor (CodeMirror 6). Its content element is a contenteditable labelled "Your code": Playwright's
 * `fill()` replaces the whole text in one input (no auto-indent or bracket closing on the way), and
 * `press()`/`keyboard` type into it as a person would.
 */
export function codeEditor(page: Page): Locator {
  return page.getByLabel('Your code');
}

/**
 * The editor's text: CodeMirror draws one `.cm-line` per line (every line of a solution this size is drawn; it
 * only skips lines far outside the window), so the lines joined by newlines are the document.
 */
export async function editorText(page: Page): Promise<string> {
  await codeEditor(page).waitFor();
  return page.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent ?? '').join('\n'));
}

/**
 * Replaces the editor's whole text: CodeMirror's own select-all and delete (its commands, so the document is
 * empty), then the text inserted as one input, as a paste is (no auto-indent or bracket closing on the way). The
 * browser's own replacement of a selection spanning several lines can leave an empty line behind.
 */
export async function fillEditor(page: Page, text: string): Promise<void> {
  const editor = codeEditor(page);
  await editor.click();
  await editor.press('ControlOrMeta+a');
  await editor.press('Delete');
  if (text !== '') await page.keyboard.insertText(text);
}

/** The editor's text once it reads `want` (CodeMirror takes a new value after React renders), or as it is after `timeoutMs`. */
export async function editorTextOnce(page: Page, want: string, timeoutMs = 5_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let got = await editorText(page);
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await editorText(page);
  }
  return got;
}
