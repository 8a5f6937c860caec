import type { GrantScope } from '../../shared/schemas/accounts.js';
import type { AccessAction, AccessLog, AuditExportQuery } from '../../shared/schemas/sharing.js';
import { newId } from '../../shared/ids.js';
import { csvCell } from '../exports/formats.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { sameVisit } from './sharing.rules.js';

/** Someone named in the audit: names and addresses are copied in, so entries outlive accounts. */
export interface AuditPerson {
  id: string;
  name: string;
  email: string;
}

/**
 * Records that a coach looked at a student's shared data. Looks by the same coach
 * at the same part (progress, or notes), seen the same way (with or without names),
 * within ACCESS_WINDOW_MINUTES of the last one make one entry: its `lastAt` moves on
 * and `views` counts them.
 */
export async function recordView({ control, coach, explorer, scope, showNames }: { control: AppContext; coach: AuditPerson; explorer: AuditPerson; scope: GrantScope; showNames: boolean }): Promise<void> {
  const at = now(control);
  await control.transaction(async (tx) => {
    const last = await tx.repos.audit.lastView(explorer.id, coach.id, scope, showNames);
    if (last && sameVisit(last.lastAt, at)) await tx.repos.audit.extendView(last.id, at);
    else await tx.repos.audit.insert({ id: newId(), action: 'viewed', scope, showNames, coach, explorer, at, lastAt: at, views: 1 });
  });
}

/** Records a student's sharing, changing what they share, or stopping. */
export async function recordGrantChange({ control, explorer, coach, action, scope, showNames }: { control: AppContext; explorer: AuditPerson; coach: AuditPerson; action: Exclude<AccessAction, 'viewed'>; scope: GrantScope; showNames: boolean }): Promise<void> {
  const at = now(control);
  await control.repos.audit.insert({ id: newId(), action, scope, showNames, coach, explorer, at, lastAt: at, views: 1 });
}

/** One student's audit, the latest first: only ever their own entries. */
export async function accessLogOf({ control, explorerId, limit, offset }: { control: AppContext; explorerId: string; limit: number; offset: number }): Promise<AccessLog> {
  const { items, total } = await control.repos.audit.ofExplorer(explorerId, { limit, offset });
  return { items, total, limit, offset };
}

const EXPORT_PAGE = 1000;

/** The whole audit (or from `since` on) as CSV, oldest first, for an administrator. */
export async function auditCsv({ control, since }: { control: AppContext } & AuditExportQuery): Promise<string> {
  const from = since === undefined ? null : since.length === 10 ? `${since}T00:00:00.000Z` : new Date(since).toISOString();
  const lines = [['When (UTC)', 'Last look (UTC)', 'Looks', 'Action', 'Done by', 'What', 'Names shown', 'Coach', 'Coach email', 'Student', 'Student email', 'Id'].map(csvCell).join(',')];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await control.repos.audit.all({ since: from, limit: EXPORT_PAGE, offset });
    for (const e of page) {
      const by = e.action === 'viewed' ? 'coach' : 'student';
      lines.push([e.at, e.lastAt, e.views, e.action, by, e.scope, e.showNames ? 'yes' : 'no', e.coach.name, e.coach.email, e.explorer.name, e.explorer.email, e.id].map(csvCell).join(','));
    }
    if (page.length < EXPORT_PAGE) break;
  }
  return `${lines.join('\r\n')}\r\n`;
}
