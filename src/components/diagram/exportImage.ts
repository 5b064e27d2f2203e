// Export of a diagram as a standalone SVG file (its own style sheet, theme colours resolved) or a PNG.
// Everything happens in the page: no network.
import { downloadBlob } from '../library/fileIo';
import { DIAGRAM_VARS } from './diagramCss';

/** The SVG's markup with the current theme's colours written in, ready to save. */
export function svgMarkup(svg: SVGSVGElement, styles: Pick<CSSStyleDeclaration, 'getPropertyValue'>): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const vars = DIAGRAM_VARS.map((v) => `${v}: ${styles.getPropertyValue(v).trim() || 'initial'};`).join(' ');
  const style = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `svg { ${vars} }`;
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export function mainDiagram(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg[data-export="main"]');
}

export function exportSvg(svg: SVGSVGElement, name: string): void {
  const markup = svgMarkup(svg, getComputedStyle(svg));
  downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Rasterises the SVG at twice its size. Resolves when the download has been offered. */
export function exportPng(svg: SVGSVGElement, name: string): Promise<void> {
  const markup = svgMarkup(svg, getComputedStyle(svg));
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
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
