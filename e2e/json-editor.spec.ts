// The JSON editor on a big scenario (issue 22): typing shows at once, the text is checked once typing
// pauses (errors with their line and column, marked in the text), an applied edit autosaves, a draft and
// the text survive closing the pane and an oversized paste, and Tab leaves the editor.
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { axeFindings, collectErrors, defaultExample, linkFor } from './helpers';

const LIBRARY_KEY = 'fpsimd-viz/library';

/** About 1.5 MB of file text: 800 events with long notes (small enough for localStorage's quota). */
function bigScenario(): Scenario {
  const words = 'the guest traps on its first FP access and the host saves its own state lazily ';
  return {
    format: 'fpsimd-scenario/1',
    title: 'Big notes',
    cpus: 1,
    tasks: [{ id: 'a' }],
    start: { '0': 'a' },
    events: Array.from({ length: 800 }, (_, i) => ({
      cpu: 0,
      op: i % 2 ? 'syscall' : 'ret_to_user',
      note: `${i} ${words.repeat(22)}`.trim(),
    })),
  } as Scenario;
}

const storedTitles = (page: Page): Promise<string[]> =>
  page.evaluate((key) => {
    const lib = JSON.parse(localStorage.getItem(key) ?? '{"items":[]}') as {
      items: { scenario: { title: string } }[];
    };
    return lib.items.map((i) => i.scenario.title);
  }, LIBRARY_KEY);

/** Clicks the editor's line holding `text`, then puts the caret `back` characters before its end. */
async function caretAt(page: Page, text: string, back: number): Promise<void> {
  await page.locator('.scenario-json-text .cm-line').filter({ hasText: text }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

const line = (page: Page, text: string) =>
  page.locator('.scenario-json-text .cm-line').filter({ hasText: text });

test('typing into a big scenario: the text, its check and autosave keep up; an oversized paste is refused', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto(linkFor(bigScenario()));
  await expect(page.getByRole('heading', { name: 'Big notes' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByText('My scenario, saved in this browser')).toBeVisible();

  await page.getByText('Edit the scenario as JSON').click();
  const text = page.getByRole('textbox', { name: 'Scenario file text' });
  await expect(text).toBeVisible();
  const status = page.locator('.scenario-json-check');
  await expect(status).toHaveText('No changes.');

  // Typing shows at once and is checked once it pauses; applied, the edit saves itself.
  await caretAt(page, '"title": "Big notes"', 2);
  await page.keyboard.type(' edited', { delay: 40 });
  await expect(line(page, '"title": "Big notes edited",')).toBeVisible();
  await expect(status).toHaveText(/^Valid: apply/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { name: 'Big notes edited' })).toBeVisible();
  await expect(status).toHaveText('No changes.');
  await expect.poll(() => storedTitles(page), { timeout: 10_000 }).toEqual(['Big notes edited']);

  // A mistake is named by line and column, marked in the text, and nothing is applied.
  await caretAt(page, '"cpus": 1,', 0);
  await page.keyboard.type(',');
  await expect(status).toContainText(/^line 4, column 13: not valid JSON/, { timeout: 30_000 });
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.scenario-json-text .cm-lintRange-error')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  // The draft survives closing and reopening the pane.
  await page.getByText('Edit the scenario as JSON').click();
  await expect(text).toBeHidden();
  await page.getByText('Edit the scenario as JSON').click();
  await expect(line(page, '"cpus": 1,,')).toBeVisible();

  // A paste that would take the text over 5 MB is refused whole, with a message; the draft is kept.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ' '.repeat(4_000_000));
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('.scenario-json-text .cm-content')!.dispatchEvent(paste);
  });
  await expect(status).toContainText(
    /Not inserted: the text would be 5\.\d MB; scenarios are limited to 5 MB\. Your text is unchanged\./,
  );
  await expect(line(page, '"cpus": 1,,')).toBeVisible();
  await expect(status).toContainText(/line 4, column 13: not valid JSON/);

  // Ctrl+Z in the editor undoes its own typing (not the applied edit): back to no changes.
  await caretAt(page, '"cpus": 1,,', 0);
  await page.keyboard.press('Control+z');
  await expect(line(page, '"cpus": 1,')).toBeVisible();
  await expect(status).toHaveText('No changes.', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Big notes edited' })).toBeVisible();

  // Tab leaves the editor (it does not indent), Shift+Tab comes back.
  await text.focus();
  await page.keyboard.press('Tab');
  await expect(text).not.toBeFocused();
  await expect(line(page, '"cpus": 1,')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(text).toBeFocused();

  expect(await storedTitles(page)).toEqual(['Big notes edited']);
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the editor on a phone (${colorScheme}): fits the width, readable, nothing serious for axe`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme });
    await page.goto(linkFor(defaultExample()));
    await page.getByText('Edit the scenario as JSON').click();
    const text = page.getByRole('textbox', { name: 'Scenario file text' });
    await text.scrollIntoViewIfNeeded();
    await expect(text).toBeVisible();
    const box = (await page.locator('.scenario-json-text .cm-editor').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const fontPx = await text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(11);
    expect(await axeFindings(page)).toEqual([]);
  });
}
