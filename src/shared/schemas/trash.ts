import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';

export const trashTypes = ['contact', 'organization', 'interview'] as const;

/** A delete that can be undone: `trashId` restores it with `POST /api/v1/trash/{trashId}/restore`. */
export const deletedWithUndoResponse = z.object({
  deleted: z.literal(true),
  id: idSchema,
  trashId: idSchema,
  /** Until when the delete can be undone (the item is forgotten after that). */
  undoUntil: isoDateTime,
});

export const restoredResponse = z.object({
  restored: z.literal(true),
  type: z.enum(trashTypes),
  id: idSchema,
  label: z.string(),
});

export type DeletedWithUndo = z.infer<typeof deletedWithUndoResponse>;
export type Restored = z.infer<typeof restoredResponse>;
