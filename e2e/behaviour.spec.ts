// Issue 21 behaviour: the violating step before and after (step view, gallery, tour), the event editor
// keeping an edited event, focus and the live region, the gallery's busy explorer, an edited tour's
// title, and a duplicate import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  createMachine,
  findVariant,
  galleryVariants,
  printScenario,
  replay,
  type Scenario,
} from '../src/engine';
import { TOURS } from '../src/scenarios/tours';
import { axeFindings, collectErrors, defaultExample, linkFor, tourStartButton } from './helpers';

const scenarioOf = (id: string): Scenario =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../src/scenarios/${id}.json`), 'utf8'));

const firstViolation = (sc: Scenario, variant: string) =>
  replay(createMachine(sc, findVariant(variant)!), sc.events).violations[0];

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** The "before" picture's marked register file or memory copy. */
const marked = (page: Page) => page.locator('svg[data-export="before"] [data-mark]');

for (const size of SIZES)
  test(`a gallery example opens at its violating step with the state before it, marked (${size.width}x${size.height})`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: 'Bug gallery' }).click();
    // Its own header, not the scenario on screen's title.
    await expect(page.getByRole('heading', { name: 'Bug gallery: real kernel fixes, undone' })).toBeFocused();
    await expect(page.locator('.scenario-title')).toHaveCount(0);
    const v = galleryVariants()[0];
    const example = scenarioOf(`history-${v.historic!.commit}`);
    const at = firstViolation(example, v.id).step + 1;
    await page.getByRole('navigation', { name: 'Gallery entries' }).getByRole('link', { name: v.id }).click();
    await page.getByRole('button', { name: `Open the example at the violating step (step ${at})` }).click();
    // Focus on the new view's heading, not on <body>.
    await expect(page.locator('.scenario-title')).toBeFocused();
    await expect(page.locator('.scenario-title')).toHaveText(example.title);
    await expect(page.getByRole('button', { name: 'Show the state before this step' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.locator('svg[data-export="before"]')).toBeVisible();
    await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(at));
    await expect(marked(page).first()).toBeAttached();
    await expect(page.getByText(`Before step ${at}`)).toBeVisible();
    // The live region says what the step did.
    await expect(page.getByTestId('step-announcement')).toHaveText(
      new RegExp(`^Step ${at} of \\d+: \\w+.* on CPU\\d; violation: `),
    );
    expect(await axeFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

test('no-put-flush: before the leaking step the registers still hold vcpu0’s data, marked', async ({
  page,
}) => {
  const sc = defaultExample();
  const v = firstViolation(sc, 'v4.18/no-put-flush');
  await page.goto(linkFor(sc, { variant: 'v4.18/no-put-flush', step: v.step + 1 }));
  const regs = (name: string) => page.locator(`svg[data-export="${name}"] [data-cpu="${v.cpu}"] .fv-regs`);
  await expect(regs('main')).toHaveAttribute('data-owner', v.context!);
  await page.getByRole('button', { name: 'Show the state before this step' }).click();
  await expect(regs('before')).toHaveAttribute('data-owner', v.source!);
  await expect(regs('before')).toHaveAttribute(
    'data-mark',
    `${v.source}'s data, about to leak to ${v.context}`,
  );
  // Exports stay the step's own picture.
  await expect(page.locator('svg[data-export="main"]')).toHaveCount(1);
});

test('a tour’s violating step shows the state before it', async ({ page }) => {
  const tour = TOURS.find((t) => t.scenarioId.startsWith('history-'))!;
  const sc = scenarioOf(tour.scenarioId);
  const at = firstViolation(sc, sc.variant!).step + 1;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page.getByRole('button', { name: tourStartButton(tour.title) }).click();
  for (let k = 1; k <= at; k++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.tour-count')).toHaveText(`Step ${at} of ${sc.events.length}`);
  await expect(page.locator('svg[data-export="before"]')).toBeVisible();
  await expect(marked(page).first()).toBeAttached();
  // An edit makes it the user's copy, not the guided tour.
  await expect(page.locator('.tour-kicker')).toHaveText(`Guided tour: ${tour.title}`);
});

test('an illegal edit leaves the editor on the edited event, saying why; undo restores it', async ({
  page,
}) => {
  const sc = defaultExample();
  const i = sc.events.findIndex((e) => e.op === 'guest_fp');
  await page.goto(linkFor(sc, { step: i + 1 }));
  const editor = page.locator('fieldset.event-editor');
  await expect(editor.locator('legend')).toHaveText(`Event ${i + 1}`);
  await editor.getByLabel('Op').selectOption('ret_to_user');
  await expect(editor.locator('legend')).toHaveText(`Event ${i + 1}`);
  await expect(editor.getByLabel('Op')).toHaveValue('ret_to_user');
  await expect(editor.getByRole('status')).toContainText(`Event ${i + 1} (ret_to_user) is not legal here:`);
  await expect(page.locator('.step-count')).toHaveText(`Step ${i} of ${i}`);
  await page.locator('body').press('Control+z');
  await expect(editor.locator('legend')).toHaveText(`Event ${i + 1}`);
  await expect(editor.getByLabel('Op')).toHaveValue('guest_fp');
  await expect(page.locator('.step-count')).toHaveText(`Step ${i + 1} of ${sc.events.length}`);
});

test('the gallery offers to stop a running search and start its own; the story’s bug is marked', async ({
  page,
}) => {
  const sc = defaultExample();
  const big: Scenario = { ...sc, cpus: 3, tasks: [...sc.tasks, { id: 'qemu2', vcpu: 'vcpu1' }], events: [] };
  await page.goto(linkFor(big, { view: 'explore' }));
  await page.getByRole('spinbutton', { name: 'Depth' }).fill('30');
  await page.getByRole('button', { name: 'Run the explorer' }).click();
  await expect(page.getByRole('button', { name: /Cancel/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  const e = galleryVariants().find((v) => v.id.includes('pre-b045e4d0f392')) ?? galleryVariants()[0];
  await page.getByRole('navigation', { name: 'Gallery entries' }).getByRole('link', { name: e.id }).click();
  await page.getByRole('button', { name: 'Find it with the explorer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The explorer is busy' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop that search and start this one' }).click();
  await expect(page.getByRole('combobox', { name: 'Variant', exact: true })).toHaveValue(e.id);
  await expect(page.locator('tr[data-story]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('tr[data-story]').first()).toContainText('the gallery story’s bug');
});

test('importing a file identical to a saved scenario says so and adds nothing', async ({ page }, info) => {
  const sc = { ...defaultExample(), title: 'Mine to import' };
  const file = path.join(info.outputDir, 'mine.json');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(info.outputDir, { recursive: true });
  writeFileSync(file, printScenario(sc));
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await page.getByLabel(/Import a scenario file/).setInputFiles(file);
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported “Mine to import” into My scenarios' }),
  ).toBeVisible();
  await page.getByLabel(/Import a scenario file/).setInputFiles(file);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'mine.json is identical to “Mine to import” in My scenarios: not added again' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'My scenarios' }).getByRole('listitem')).toHaveCount(1);
});
