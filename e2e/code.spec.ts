// Reviewer mode: the code pane of a guest trap lists __hyp_switch_fpsimd with its executed statements
// marked; removing a statement from the pane shows the violation the command line reports.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { axeFindings, collectErrors, linkFor, screenshot } from './helpers';

const ROOT = path.join(import.meta.dirname, '..');
const FILE = 'src/scenarios/guest-first-fp.json';
const sc: Scenario = JSON.parse(readFileSync(path.join(ROOT, FILE), 'utf8'));

test('the code pane of a guest FP trap lists __hyp_switch_fpsimd with its executed statements', async ({
  page,
}, info) => {
  const errors = collectErrors(page);
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (/CodePane-[\w-]+\.js$/.test(r.url())) chunks.push(r.url());
  });
  const trap = sc.events.findIndex((e) => e.op === 'guest_fp');
  expect(trap).toBe(4);
  await page.goto(linkFor(sc, { step: trap + 1 }));
  await expect(page.locator('.step-count')).toContainText(`Step ${trap + 1} of`);
  expect(chunks, 'the pane and the engine sources load only when asked for').toEqual([]);

  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  const pane = page.getByRole('region', { name: /Kernel code of step 5: CPU0 guest_fp/ });
  await expect(pane).toBeVisible();
  expect(chunks.length).toBe(1);
  const blocks = pane.locator('.code-block');
  await expect(blocks.first()).toHaveAttribute('data-function', '__hyp_switch_fpsimd');
  const hyp = pane.locator('.code-block[data-function="__hyp_switch_fpsimd"]');
  await expect(hyp.locator('.code-meta')).toContainText('arch/arm64/kvm/hyp/switch.c');
  await expect(hyp.locator('.code-meta')).toContainText('executed: save-host, load-guest');
  for (const label of ['save-host', 'load-guest']) {
    const marker = hyp.locator(`.code-line[data-marker="${label}"]`);
    await expect(marker).toHaveClass(/executed/);
    await expect(marker.locator('.code-mark')).toHaveText('ran');
  }
  const ran = await hyp.locator('.code-line.executed .code-text').allTextContents();
  expect(ran.map((t) => t.trim())).toEqual(
    expect.arrayContaining(["enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);", 'memoryToRegs(k, v);']),
  );
  expect(ran.map((t) => t.trim())).not.toContain('set_fp_trap(k, false);');
  // The pane follows the cursor.
  await page.getByRole('listbox', { name: /Events/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('region', { name: /Kernel code of step 6: CPU0 guest_exit/ })).toBeVisible();
  await expect(page.locator('.code-block[data-function="kvm_arch_vcpu_ctxsync_fp"]')).toBeVisible();
  await screenshot(page, info, 'code-pane');
  expect(await axeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('re-running without put-flush from the pane shows the violation the CLI reports', async ({ page }) => {
  // The expected step, from the command line itself (exit status 1: violations found).
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/fpsimd-viz.mjs'), 'run', FILE, '--variant', 'v4.18/no-put-flush', '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(cli.status).toBe(1);
  const first = JSON.parse(cli.stdout).violations[0] as {
    step: number;
    kind: string;
    context: string;
    source: string;
    cpu: number;
  };
  expect(first).toMatchObject({ kind: 'leak', context: 'qemu', source: 'vcpu0' });
  const step = first.step + 1;

  const errors = collectErrors(page);
  const put = sc.events.findIndex((e) => e.op === 'vcpu_put');
  await page.goto(linkFor(sc, { step: put + 1 }));
  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  const fn = page.locator('.code-block[data-function="kvm_arch_vcpu_put_fp"]');
  await expect(fn).toBeVisible();
  const control = fn.locator('.code-ablation[data-ablation="put-flush"]');
  await control.getByRole('button', { name: /Re-run without this statement/ }).click();
  await expect(control.getByRole('status')).toContainText(
    `first goes wrong at step ${step}: ${first.source}'s data leaked to qemu on CPU${first.cpu}`,
  );
  await control.getByRole('button', { name: `Go to step ${step} in v4.18/no-put-flush` }).click();
  await expect(page.locator('.step-count')).toContainText(`Step ${step} of`);
  await expect(page.getByRole('combobox', { name: 'Kernel variant' })).toHaveValue('v4.18/no-put-flush');
  await expect(page.locator('.banner-danger')).toContainText(`Violation at step ${step}`);
  await expect(page.locator('.banner-danger')).toContainText("vcpu0's data leaked to qemu");
  expect(errors).toEqual([]);
});

test('the pane marks a fix’s branch as the syntax has it: the else after a marked block stays unrun', async ({
  page,
}) => {
  // exec under v4.17 (the fixed era): fpsimd_flush_thread runs the flush-task branch, not its else.
  const history: Scenario = JSON.parse(
    readFileSync(path.join(ROOT, 'src/scenarios/history-674c242c9323.json'), 'utf8'),
  );
  const exec = history.events.findIndex((e) => e.op === 'exec');
  const errors = collectErrors(page);
  await page.goto(linkFor(history, { step: exec + 1, variant: 'v4.17' }));
  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  const flush = page.locator('.code-block[data-function="fpsimd_flush_thread"]');
  await expect(flush.locator('.code-line[data-marker="flush-task"]')).toHaveClass(/executed/);
  await expect(flush.locator('.code-line[data-marker="zero-cpu"]')).toHaveClass(/skipped/);
  const ran = (await flush.locator('.code-line.executed .code-text').allTextContents()).map((t) => t.trim());
  expect(ran).toContain('fpsimd_flush_task_state(k, t);');
  expect(ran).not.toContain('} else {');
  // The fix test carries its commit for the historic variant's note.
  await expect(flush.locator('.code-line.historic')).toHaveCount(1);
  expect(errors).toEqual([]);
});
