/**
 * A long, pure computation written as a generator that yields now and then (a bare
 * `yield` between rows). It can run at once, or in slices that give the event loop back
 * every few milliseconds, so one person's large import never stalls everyone else's
 * requests on a shared server.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long one slice may hold the event loop before other requests get their turn. */
export const SLICE_MS = 8;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps, pausing for other work whenever a slice has run `sliceMs`. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await pause();
      started = performance.now();
    }
  }
}

/** For an async loop: `await slicer.tick()` pauses for other work once a slice has run `sliceMs`. */
export function slicer(sliceMs = SLICE_MS): { tick(): Promise<void> | undefined } {
  let started = performance.now();
  return {
    tick() {
      if (performance.now() - started < sliceMs) return undefined;
      return pause().then(() => {
        started = performance.now();
      });
    },
  };
}
