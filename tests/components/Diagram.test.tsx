import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectedDiagram } from '../../src/components/diagram/Diagram';
import { exportCaption, exportName } from '../../src/components/diagram/exportCaption';
import { CAPTION_H, svgMarkup } from '../../src/components/diagram/exportImage';
import { CARD_W } from '../../src/components/diagram/layout';
import { textWidth, valueFit } from '../../src/components/diagram/Rows';
import { DIAGRAM_CSS } from '../../src/components/diagram/diagramCss';
import { useDisplayStore } from '../../src/state/stores/displayStore';
import { FAMILIES, preferredShade } from '../../src/state/viewmodels/ownerStyle';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { nextViolationStep } from '../../src/state/viewmodels/timelineModel';
import { resetStores, twoCpuScenario } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('Diagram', () => {
  beforeEach(() => resetStores());

  it('draws a panel per CPU and a card per context, with the initial state', () => {
    const { container } = render(<ConnectedDiagram />);
    expect(container.querySelectorAll('.fv-cpu')).toHaveLength(1);
    expect([...container.querySelectorAll('.fv-context')].map((g) => g.getAttribute('data-context'))).toEqual(
      ['qemu', 'vcpu0'],
    );
    expect(container.querySelector('.fv-regs')?.getAttribute('data-state')).toBe('empty');
    expect(screen.getByText('fpsimd_last_state = NULL')).toBeInTheDocument();
    expect(container.querySelectorAll('.fv-arrow')).toHaveLength(0);
  });

  it('follows the cursor: owner tile, arrow to the pointed-at context, changed rows', () => {
    const { container } = render(<ConnectedDiagram />);
    act(() => st().setCursor(1));
    const regs = container.querySelector('.fv-regs')!;
    expect(regs.getAttribute('data-owner')).toBe('qemu');
    expect(regs.textContent).toContain('qemu · newest');
    const arrow = container.querySelector('.fv-arrow')!;
    expect(arrow.getAttribute('data-from')).toBe('cpu0');
    expect(arrow.getAttribute('data-to')).toBe('qemu');
    expect(arrow.getAttribute('d')).toMatch(/^M/);
    const changed = [...container.querySelectorAll('[data-changed]')].map((e) =>
      e.getAttribute('data-field'),
    );
    expect(changed).toContain('fpsimd_last_state');
    expect(changed).toContain('foreignFpstate');
  });

  it('draws a legend of every owner on screen and every mark, and never fills a change', () => {
    const { container } = render(<ConnectedDiagram />);
    act(() => st().setCursor(1));
    const legend = [...container.querySelectorAll('[data-legend]')].map((g) => g.getAttribute('data-legend'));
    expect(legend).toEqual(
      expect.arrayContaining([
        'o-qemu',
        'o-vcpu0',
        'scratch',
        'stale',
        'empty',
        'changed',
        'violation',
        'arrow',
        'checker',
      ]),
    );
    expect(container.querySelector('[data-legend="o-vcpu0"]')?.textContent).toBe('vcpu0: vcpu');
    // The owner tile takes the owner's family colour; a changed row is outlined, not filled.
    const tile = container.querySelector<SVGRectElement>('.fv-regs .fv-tile')!;
    expect(tile.getAttribute('fill')).toBe(
      FAMILIES.task.shades[preferredShade('qemu', FAMILIES.task.shades.length)],
    );
    expect(DIAGRAM_CSS).toMatch(/\.fv-row-changed \.fv-row-bg \{ fill: none;/);
    expect(container.querySelectorAll('.fv-row-changed .fv-change-mark').length).toBeGreaterThan(0);
    // Beside a scrolling diagram the legend is an <svg> of its own (a step never redraws it), at the
    // diagram's width; exported markup joins the two into one picture.
    const [main, legendSvg, ...more] = container.querySelectorAll('svg');
    expect(more).toHaveLength(0);
    expect(main.querySelector('[data-legend]')).toBeNull();
    expect(legendSvg.classList).toContain('fv-legend-svg');
    expect(legendSvg.getAttribute('width')).toBe(main.getAttribute('width'));
    const markup = svgMarkup(main, getComputedStyle(document.body));
    expect(markup).toContain('Legend');
    expect(markup).toContain('data-legend="o-vcpu0"');
    const joined = Number(main.getAttribute('height')) + Number(legendSvg.getAttribute('height'));
    expect(markup).toContain(`height="${joined}"`);
    act(() => useDisplayStore.getState().setLegend(false));
    expect(container.querySelector('[data-legend]')).toBeNull();
    act(() => useDisplayStore.getState().setLegend(true));
  });

  it('draws the legend inside a diagram fitted into a box (tours, presenter mode, the embed)', () => {
    const { container } = render(<ConnectedDiagram contain />);
    expect(container.querySelectorAll('svg')).toHaveLength(1);
    expect(container.querySelector('svg [data-legend="o-vcpu0"]')).not.toBeNull();
  });

  it('marks the CPU and context of a violation', () => {
    resetStores(undefined, 'v4.18/no-put-save');
    const { container } = render(<ConnectedDiagram />);
    act(() => st().setCursor(nextViolationStep(st().replay, 0)!));
    expect(container.querySelector('.fv-cpu[data-violation]')).not.toBeNull();
    expect(container.querySelector('.fv-context[data-violation]')).not.toBeNull();
    expect(screen.getAllByText('⚠ violation').length).toBeGreaterThan(0);
  });

  it('labels owners in text (not by colour alone), including kernel-mode NEON scratch', () => {
    resetStores(twoCpuScenario());
    const { container } = render(<ConnectedDiagram />);
    act(() => st().toEnd());
    const tiles = [...container.querySelectorAll('.fv-regs')].map((t) => t.textContent);
    expect(tiles.some((t) => t?.includes('kernel-mode NEON scratch'))).toBe(true);
    expect(container.querySelectorAll('pattern').length).toBeGreaterThanOrEqual(4);
  });

  it('squeezes a value that would run into its label, and only such a value', () => {
    resetStores(undefined, 'v6.15');
    const { container } = render(<ConnectedDiagram />);
    act(() => st().toEnd());
    // Every value text carries exactly the squeeze valueFit asks for (none for short values).
    for (const row of container.querySelectorAll('.fv-row')) {
      const [label, value] = [...row.querySelectorAll('text')].map((t) => t.textContent ?? '');
      const fit = row.querySelectorAll('text')[1].getAttribute('textLength');
      const bold = row.classList.contains('fv-row-changed');
      expect(fit === null ? undefined : Number(fit)).toBe(valueFit(label, value, CARD_W, bold));
    }
    // A changed (bold) row needs more room: v4.18's KVM_ARM64_FP_ENABLED is squeezed only then.
    expect(valueFit('KVM_ARM64_FP_ENABLED', 'set', CARD_W)).toBeUndefined();
    expect(valueFit('KVM_ARM64_FP_ENABLED', 'set *', CARD_W, true)).toBeDefined();
    expect(valueFit('cpu', '0', CARD_W)).toBeUndefined();
    const fit = valueFit('fp_owner', 'FP_STATE_GUEST_OWNED', CARD_W)!;
    expect(fit).toBeLessThan(textWidth('FP_STATE_GUEST_OWNED'));
    expect(textWidth('fp_owner') + fit).toBeLessThanOrEqual(CARD_W - 16);
  });

  it('exports a standalone SVG with the theme colours written in', () => {
    const { container } = render(<ConnectedDiagram />);
    const svg = container.querySelector('svg')!;
    const markup = svgMarkup(svg, { getPropertyValue: (v: string) => (v === '--d-bg' ? '#fff' : '') });
    expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).toContain('--d-bg: #fff;');
    expect(markup).toContain('.fv-diagram');
  });

  it('captions an exported picture with the scenario, the step and the variant, and names it with the variant', () => {
    const { container } = render(<ConnectedDiagram />);
    const svg = container.querySelector('svg')!;
    const subject = { title: 'Guest first FP', cursor: 5, steps: 12, variant: 'v4.18/no-put-flush' };
    const caption = exportCaption(subject);
    expect(caption).toBe('Guest first FP · step 5 of 12 · v4.18/no-put-flush');
    expect(exportName(subject)).toBe('guest-first-fp-v4-18-no-put-flush-step-5');
    const markup = svgMarkup(svg, { getPropertyValue: () => '' }, caption);
    const root = /^<svg[^>]*>/.exec(markup)![0];
    // The caption as the picture's title and as text in a band above it.
    expect(markup).toContain(`<title>${caption}</title>`);
    expect(markup).toMatch(new RegExp(`<text class="fv-caption"[^>]*>${caption}</text>`));
    // The picture itself moves down under the band, and the image grows by it.
    const plain = /^<svg[^>]*>/.exec(svgMarkup(svg, { getPropertyValue: () => '' }))![0];
    const height = (tag: string) => Number(/ height="(\d+)"/.exec(tag)![1]);
    expect(height(root)).toBe(height(plain) + CAPTION_H);
    expect(markup).toContain(`<g transform="translate(0 ${CAPTION_H})">`);
    // Without a caption, as before.
    expect(svgMarkup(svg, { getPropertyValue: () => '' })).not.toContain('fv-caption');
  });
});
