// Dunning (DOMAIN.md §10, docs/dunning.md): levels, runs, letters (PDF, e-mail) and default interest.
export * from './base-rates';
export * from './interest';
export { composeDunningMail } from './message';
export { type DunningLetterData, letterFilename, letterTitle, renderDunningPdf } from './pdf';
export * as rules from './rules';
export * from './service';
