/** Prints a sheet of plain text lines (no PDF needed): a print-only container with the lines, then the system dialog. */
export function printSheet(title: string, lines: string[], className = 'print-sheet'): void {
  const root = document.createElement('div');
  root.id = 'print-root';
  const sheet = document.createElement('div');
  sheet.className = className;
  const h = document.createElement('h1');
  h.textContent = title;
  sheet.appendChild(h);
  for (const l of lines) {
    const p = document.createElement('p');
    p.textContent = l;
    sheet.appendChild(p);
  }
  root.appendChild(sheet);
  document.body.appendChild(root);
  const cleanup = () => root.remove();
  window.addEventListener('afterprint', cleanup, { once: true });
  window.print();
  setTimeout(cleanup, 60_000);
}
