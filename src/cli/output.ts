/** Plain-text tables for people; `--json` prints the API's own objects instead. */
const cut = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));

export function table(rows: Array<Record<string, string>>, columns: string[]): string {
  if (rows.length === 0) return '';
  const widths = columns.map((c) => Math.min(48, Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length))));
  const line = (cells: string[]) => cells.map((cell, i) => cut(cell, widths[i] ?? 10)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  if (text) process.stdout.write(`${text}\n`);
}

export const shortDate = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
