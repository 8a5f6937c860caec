import { z } from 'zod';

/** The user's own workspace, or the separate demo one. */
export const workspaceTargets = ['own', 'demo'] as const;
export type WorkspaceTarget = (typeof workspaceTargets)[number];

/** Which workspace is open, where its data lives, and how much it holds. */
export const workspaceInfoSchema = z.object({
  location: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  demo: z.boolean(),
  canSwitch: z.boolean(),
  counts: z.object({ contacts: z.number().int(), organizations: z.number().int(), explorations: z.number().int(), interviews: z.number().int() }),
  profileSaved: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const workspaceSwitchInput = z.object({ to: z.enum(workspaceTargets) }).strict();
export type WorkspaceSwitchInput = z.infer<typeof workspaceSwitchInput>;
