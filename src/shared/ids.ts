/**
 * UUID version 7: time-ordered, so ids sort roughly by creation and index well.
 * Uses only Web Crypto, so the same helper works in the server, CLI and browser.
 */
const POOL_IDS = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

/** Two hex digits for every byte value, so an id is built by lookup rather than formatting. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function newId(now: number = Date.now()): string {
  // Random bytes come from a pool refilled in blocks: one system call per 4,096 ids.
  if (poolOffset >= pool.length) {
    pool = new Uint8Array(16 * POOL_IDS);
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const b = pool;
  const o = poolOffset;
  poolOffset += 16;
  // The first 48 bits are the time in milliseconds, most significant byte first.
  const time: string[] = [];
  let ms = now;
  for (let i = 0; i < 6; i++) {
    time.unshift(HEX[ms % 256] as string);
    ms = Math.floor(ms / 256);
  }
  const h = (i: number) => HEX[b[o + i] ?? 0] as string;
  return (
    `${time[0]}${time[1]}${time[2]}${time[3]}-${time[4]}${time[5]}-` +
    `${HEX[((b[o + 6] ?? 0) & 0x0f) | 0x70]}${h(7)}-${HEX[((b[o + 8] ?? 0) & 0x3f) | 0x80]}${h(9)}-` +
    `${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`
  );
}

export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
