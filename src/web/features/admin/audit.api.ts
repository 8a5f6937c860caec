/** The whole audit of sharing as a CSV file (admins only): a plain download, so a link. */
export const auditCsvLink = '/api/v1/admin/audit.csv';
