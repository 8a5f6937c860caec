/**
 * UUID version 7: time-ordered, so ids sort roughly by creation and index well.
 * Uses only Web Crypto, so the same helper works in the server, CLI and browser.
 */
const POOL_IDS = 256;
let pool = new Uint8Array(0);
let poolOffset = 0;

/** Random bytes drawn from a pool refilled in blocks: one system call per 256 ids. */
function randomBytes16(): Uint8Array {
  if (poolOffset >= pool.length) {
    pool = new Uint8Array(16 * POOL_IDS);
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
}

export function newId(now: number = Date.now()): string {
  const bytes = randomBytes16();
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
