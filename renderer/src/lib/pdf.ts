import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * PDF preview and printing in the renderer with pdf.js: the same bytes the register stores are drawn page by page, so
 * what the clerk sees and prints is the issued file — in Electron and in the browser preview alike.
 */
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Draws every page into a canvas at the given CSS width (px); returns the canvases in page order. */
export async function renderPages(bytes: Uint8Array, cssWidth: number, pixelRatio = window.devicePixelRatio || 1): Promise<HTMLCanvasElement[]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: false }).promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * pixelRatio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.floor((cssWidth * base.height) / base.width)}px`;
      canvas.dataset.page = String(n);
      await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      canvases.push(canvas);
    }
    return canvases;
  } finally {
    await doc.destroy();
  }
}

/** Saves bytes under a file name: the browser's download, or Electron's save dialog (will-download). */
export function saveFile(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Prints the PDF at A4 through the system print dialog: pages rendered at 200 dpi into a print-only container. */
export async function printPdf(bytes: Uint8Array): Promise<void> {
  const canvases = await renderPages(bytes, 794, 200 / 96); // A4 at 96 CSS px per inch, drawn at 200 dpi
  const root = document.createElement('div');
  root.id = 'print-root';
  for (const c of canvases) {
    const img = document.createElement('img');
    img.src = c.toDataURL('image/png');
    img.alt = `第${c.dataset.page}页`;
    root.appendChild(img);
  }
  document.body.appendChild(root);
  const cleanup = () => root.remove();
  window.addEventListener('afterprint', cleanup, { once: true });
  window.print();
  setTimeout(cleanup, 60_000);
}

/** Prints an HTML element (a hearing list, a notice) alone, through the same print-only container as documents. */
export function printHtml(el: HTMLElement): void {
  const root = document.createElement('div');
  root.id = 'print-root';
  root.className = 'print-html';
  root.appendChild(el.cloneNode(true));
  document.body.appendChild(root);
  const cleanup = () => root.remove();
  window.addEventListener('afterprint', cleanup, { once: true });
  window.print();
  setTimeout(cleanup, 60_000);
}
