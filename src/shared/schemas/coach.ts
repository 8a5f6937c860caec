import { z } from 'zod';
import { seniorities } from './contacts.js';

export const findingSchema = z.object({ rule: z.string(), message: z.string(), suggestion: z.string().optional() });
export const findingsResponse = z.object({ findings: z.array(findingSchema) });
export const emailCheckInput = z.object({ text: z.string().max(50_000) }).strict();
export const questionCheckInput = z.object({ text: z.string().trim().min(1, { message: 'must not be empty' }).max(2000), audience: z.enum(seniorities) }).strict();
export type Finding = z.infer<typeof findingSchema>;
