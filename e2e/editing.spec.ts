// The palette edits the scenario at the cursor; a bad import file is refused with its errors in place.
import { expect, test } from '@playwright/test';
import { collectErrors, defaultExample } from './helpers';

test('applying an event from the palette inserts it at the cursor and keeps later events', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const sc = defaultExample();
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText(`Step 0 of ${sc.events.length}`);
  // Step 0: the task is in the kernel, so guest_fp is refused with a reason.
  const guestFp = page.getByRole('button', { name: 'guest_fp', exact: true });
  await expect(guestFp).toHaveAttribute('aria-disabled', 'true');
  await expect(guestFp).toHaveAccessibleDescription(/guest/);
  await page.getByRole('button', { name: 'kernel_neon', exact: true }).click();
  await expect(page.locator('.step-count')).toHaveText(`Step 1 of ${sc.events.length + 1}`);
  await expect(page.getByRole('heading', { name: 'Step 1: CPU0 kernel_neon' })).toBeVisible();
  await expect(page.locator('.fv-regs')).toContainText('kernel-mode NEON scratch');
  await expect(page.locator('.event-row')).toHaveCount(Math.min(sc.events.length + 2, 30));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.step-count')).toHaveText(`Step 0 of ${sc.events.length}`);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.step-count')).toHaveText(`Step 1 of ${sc.events.length + 1}`);
  expect(errors).toEqual([]);
});

test('an event that becomes illegal is shown, not dropped', async ({ page }) => {
  const sc = defaultExample();
  await page.goto('/');
  // The first event returns to user space; doing it twice is not legal.
  expect(sc.events[0].op).toBe('ret_to_user');
  await page.getByRole('button', { name: 'ret_to_user', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is not legal where it stands' })).toBeVisible();
  await expect(page.locator('#event-row-2')).toContainText('not legal here');
  await expect(page.locator('#event-row-3')).toContainText('not replayed');
});

test('importing a UTF-16 file, or one with a key given twice, says so', async ({ page }) => {
  const sc = defaultExample();
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  const text = JSON.stringify(sc, null, 2);
  const input = page.getByLabel(/Import a scenario file/);
  await input.setInputFiles({
    name: 'wide.json',
    mimeType: 'application/json',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  });
  const wide = page.getByRole('alert').filter({ hasText: 'wide.json was not imported' });
  await expect(wide).toContainText('UTF-16 text (little-endian, with a byte order mark); save it as UTF-8');
  await input.setInputFiles({
    name: 'twice.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.replace(/"title": /, '"title": "first",\n  "title": ')),
  });
  const twice = page.getByRole('alert').filter({ hasText: 'twice.json was not imported' });
  await expect(twice).toContainText(
    /key "title" given twice in one object, at line 4, column 3 and first at line 3, column 3/,
  );
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
});

test('importing a bad file shows its errors in place and changes nothing', async ({ page }) => {
  const sc = defaultExample();
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  const bad = JSON.stringify({ ...sc, cpus: 12, events: [{ cpu: 0, op: 'teleport' }] });
  await page.getByLabel(/Import a scenario file/).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bad),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json was not imported' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('cpus');
  await expect(alert).toContainText('events[0].op');
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
});
