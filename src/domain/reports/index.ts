// Reports: a campaign's figures and the national view, counted from the rows by SQL.
export { campaignReport, type ReportScope } from './campaign-report.ts';
export { nationalReport, readsNationalView } from './national-report.ts';
export { sumFigures, nationalTotals } from './national-totals.ts';
