// Reports (DOMAIN.md §8, issue 7): MRR with its movements, revenue, receivables aging and the VAT report.

export { type Cell, type CsvDelimiter, csvLine, toCsv } from './csv';
export type {
  AgingContactRow,
  AgingTotal,
  RevenueRateRow,
  RevenueRow,
  VatReportRow,
  VatReportTotal,
} from './documents';
export * from './documents-service';
export {
  MRR_MOVEMENTS,
  type MrrEntry,
  type MrrMovement,
  type MrrReportRow,
  REPORT_INTERVALS,
  type ReportInterval,
} from './mrr';
export * from './mrr-service';
export type { DateBasis } from './repo';
