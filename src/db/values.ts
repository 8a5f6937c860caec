/** Conversions between stored column values and domain values, identical on both databases. */
export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(value: string | null | undefined, fallback: T): T {
  if (value == null || value === '') return fallback;
  return JSON.parse(value) as T;
}

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | string | boolean | null | undefined): boolean => Number(value) === 1 || value === true;

/** COUNT(*) comes back as a string from PostgreSQL (bigint) and as a number from SQLite. */
export const toCount = (value: unknown): number => Number(value ?? 0);

/** Normalises any accepted ISO 8601 date-time to the canonical UTC form stored everywhere. */
export const toUtcIso = (value: string): string => new Date(value).toISOString();
export const toUtcIsoOrNull = (value: string | null | undefined): string | null => (value ? toUtcIso(value) : null);
