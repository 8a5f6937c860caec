import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CohortReport, ReportPeriod } from '../../../shared/schemas/reports.js';
import { api } from '../../api/client.js';
import { reportKeys } from '../../api/keys.js';

export interface ReportChoice {
  period: ReportPeriod;
  /** A cohort's id, `none`, or '' for every group. */
  cohort: string;
  from: string;
  to: string;
}

/** The query string the report (and its CSV) is asked for with: the days only for a range, the group only when one is picked. */
function reportQuery(choice: ReportChoice): Record<string, string> {
  return {
    period: choice.period,
    ...(choice.cohort ? { cohort: choice.cohort } : {}),
    ...(choice.period === 'range' ? { from: choice.from, to: choice.to } : {}),
  };
}

/** A range waits for both of its days. */
export const readyToAsk = (choice: ReportChoice) => choice.period !== 'range' || (choice.from !== '' && choice.to !== '');

export function useCohortReport(choice: ReportChoice) {
  const query = reportQuery(choice);
  return useQuery({
    queryKey: reportKeys.report(query),
    queryFn: () => api.get<CohortReport>('/api/v1/admin/report', query),
    enabled: readyToAsk(choice),
    placeholderData: keepPreviousData,
  });
}

/** Where the same report downloads as CSV (the server sends it as a file). */
export const reportCsvHref = (choice: ReportChoice) => `/api/v1/admin/report.csv?${new URLSearchParams(reportQuery(choice)).toString()}`;
