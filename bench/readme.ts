import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export const README_START = '<!-- performance:start (written by `npm run bench -- --readme`; edits here are replaced) -->';
export const README_END = '<!-- performance:end -->';

/** The machine a run measured, in one line: what a reader needs to compare the figures with their own. */
export function machine(): string {
  const cores = cpus();
  const gib = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, ${gib} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

/**
 * The README's performance section, from a run's own output: between the markers, the
 * command, the machine and how busy it was, and the tables exactly as the bench printed them.
 * Everything outside the markers (the quick start included) is left as it is.
 */
export function performanceSection(lines: string[], command: string, loadAtStart: number): string {
  const date = new Date().toISOString().slice(0, 10);
  return [
    README_START,
    '',
    `Measured on ${date} with \`${command}\` on ${machine()}.`,
    `Load average at the start of the run: ${loadAtStart.toFixed(1)} (other work was ${loadAtStart >= cpus().length / 2 ? 'running beside it, so the figures are noisy' : 'light'}).`,
    ...lines,
    '',
    README_END,
  ].join('\n');
}

/** Replaces the section between the markers in `file` (which must have them, once each). */
export function writeReadme(file: string, section: string): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start || text.indexOf(README_START, start + 1) >= 0) throw new Error(`${file} needs the performance markers, once each: ${README_START} … ${README_END}`);
  writeFileSync(file, `${text.slice(0, start)}${section}${text.slice(end + README_END.length)}`);
}

export const loadAtStart = (): number => loadavg()[0] ?? 0;
