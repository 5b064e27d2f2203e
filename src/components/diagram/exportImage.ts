// Export of a diagram as a standalone SVG file (its own style sheet, theme colours resolved) or a PNG.
// Everything happens in the page: no network.
import { downloadBlob } from '../library/fileIo';
import { DIAGRAM_VARS } from './diagramCss';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A copy of the diagram, with its legend below it when the legend is drawn as an <svg> of its own
 * right after the diagram (LegendSvg): one picture, as the user sees it.
 */
export function withLegend(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const legend = svg.nextElementSibling;
  if (!legend || legend.tagName.toLowerCase() !== 'svg' || !legend.classList.contains('fv-legend-svg'))
    return clone;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const below = Number(legend.getAttribute('height'));
  const g = svg.ownerDocument.createElementNS(SVG_NS, 'g');
  g.setAttribute('transform', `translate(0 ${height})`);
  // Its own style sheet is the diagram's: one copy is enough.
  for (const child of legend.children)
    if (child.tagName.toLowerCase() !== 'style') g.appendChild(child.cloneNode(true));
  clone.appendChild(g);
  clone.setAttribute('height', String(height + below));
  clone.setAttribute('viewBox', `0 0 ${width} ${height + below}`);
  return clone;
}

/** Height of the caption band above an exported picture. */
export const CAPTION_H = 30;

/**
 * Puts a caption band (scenario, step, variant) above the picture, and the same text as its <title>:
 * an image passed around still says what it shows.
 */
export function withCaption(clone: SVGSVGElement, caption: string): void {
  const doc = clone.ownerDocument;
  const width = Number(clone.getAttribute('width'));
  const height = Number(clone.getAttribute('height'));
  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${CAPTION_H})`);
  for (const child of [...clone.childNodes])
    if (!(child instanceof Element && child.tagName.toLowerCase() === 'style')) body.appendChild(child);
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = caption;
  const band = doc.createElementNS(SVG_NS, 'rect');
  band.setAttribute('class', 'fv-bg');
  band.setAttribute('width', String(width));
  band.setAttribute('height', String(CAPTION_H));
  const text = doc.createElementNS(SVG_NS, 'text');
  text.setAttribute('class', 'fv-caption');
  text.setAttribute('x', '10');
  text.setAttribute('y', '20');
  text.setAttribute('font-size', '14');
  text.setAttribute('font-weight', '700');
  text.textContent = caption;
  clone.append(title, band, text, body);
  clone.setAttribute('height', String(height + CAPTION_H));
  clone.setAttribute('viewBox', `0 0 ${width} ${height + CAPTION_H}`);
}

/** The picture to save: the diagram joined with its legend, the current theme's colours written in. */
function standalone(
  svg: SVGSVGElement,
  styles: Pick<CSSStyleDeclaration, 'getPropertyValue'>,
  caption?: string,
): { markup: string; width: number; height: number } {
  const clone = withLegend(svg);
  if (caption) withCaption(clone, caption);
  clone.setAttribute('xmlns', SVG_NS);
  const vars = DIAGRAM_VARS.map((v) => `${v}: ${styles.getPropertyValue(v).trim() || 'initial'};`).join(' ');
  const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
  style.textContent = `svg { ${vars} }`;
  clone.insertBefore(style, clone.firstChild);
  return {
    markup: new XMLSerializer().serializeToString(clone),
    width: Number(clone.getAttribute('width')) || svg.clientWidth,
    height: Number(clone.getAttribute('height')) || svg.clientHeight,
  };
}

/** The SVG's markup (with its legend and caption) and the current theme's colours written in, ready to save. */
export function svgMarkup(
  svg: SVGSVGElement,
  styles: Pick<CSSStyleDeclaration, 'getPropertyValue'>,
  caption?: string,
): string {
  return standalone(svg, styles, caption).markup;
}

export function mainDiagram(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg[data-export="main"]');
}

export function exportSvg(svg: SVGSVGElement, name: string, caption?: string): void {
  const markup = svgMarkup(svg, getComputedStyle(svg), caption);
  downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Rasterises the SVG at twice its size. Resolves when the download has been offered. */
export function exportPng(svg: SVGSVGElement, name: string, caption?: string): Promise<void> {
  const { markup, width, height } = standalone(svg, getComputedStyle(svg), caption);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('this browser cannot draw to a canvas'));
        return;
      }
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (blob) {
          downloadBlob(blob, `${name}.png`);
          resolve();
        } else reject(new Error('the image could not be encoded as PNG'));
      }, 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the diagram could not be rendered as an image'));
    };
    img.src = url;
  });
}
