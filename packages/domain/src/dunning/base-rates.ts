import type { BaseRate } from './types';

/**
 * The Basiszinssatz of § 247 BGB, which default interest is reckoned from (§ 288 BGB). It changes only on
 * 1 January and 1 July, by the points the ECB's main refinancing rate moved since the last change; the
 * Deutsche Bundesbank publishes each value in the Bundesanzeiger (§ 247 (2) BGB).
 *
 * Source: Deutsche Bundesbank, "Basiszinssatz nach § 247 BGB" (bundesbank.de, Statistiken › Geld- und
 * Kapitalmärkte › Zinssätze und Renditen › Basiszinssatz), and the footnote to § 247 BGB on
 * gesetze-im-internet.de listing each Bundesanzeiger notice.
 *
 * Checked for this release against published notices: 2002-01-01 … 2007-01-01 (the § 247 footnote with its
 * Bundesanzeiger references), 2008-01-01 3.32, 2009-01-01 1.62, 2016-07-01 −0.88 and unchanged through
 * 2022-07-01, 2023-01-01 1.62, 2023-07-01 3.12, 2024-01-01 3.62, and 2026-01-01 1.27 (the Bundesbank's notice
 * of December 2025: unchanged since 2025-07-01, the ECB rate at 2.15 % since June 2025). Not seen in a
 * primary source here, but each equals the ECB main refinancing rate then in force minus 0.88 points, as
 * every checked value since 2016 does: 2024-07-01 3.37, 2025-01-01 2.27, 2025-07-01 1.27. Values 2007-07-01 …
 * 2016-01-01 other than those named are from the Bundesbank's series as remembered, not re-checked.
 *
 * A rate published after this release goes into an organisation's settings (`baseRates`), which take
 * precedence; until then the last known rate stays in effect, which is what § 247 does when the reference
 * rate does not move.
 */
export const BUNDESBANK_BASE_RATES: readonly BaseRate[] = [
  { validFrom: '2002-01-01', rate: '2.57' },
  { validFrom: '2002-07-01', rate: '2.47' },
  { validFrom: '2003-01-01', rate: '1.97' },
  { validFrom: '2003-07-01', rate: '1.22' },
  { validFrom: '2004-01-01', rate: '1.14' },
  { validFrom: '2004-07-01', rate: '1.13' },
  { validFrom: '2005-01-01', rate: '1.21' },
  { validFrom: '2005-07-01', rate: '1.17' },
  { validFrom: '2006-01-01', rate: '1.37' },
  { validFrom: '2006-07-01', rate: '1.95' },
  { validFrom: '2007-01-01', rate: '2.70' },
  { validFrom: '2007-07-01', rate: '3.19' },
  { validFrom: '2008-01-01', rate: '3.32' },
  { validFrom: '2008-07-01', rate: '3.19' },
  { validFrom: '2009-01-01', rate: '1.62' },
  { validFrom: '2009-07-01', rate: '0.12' },
  { validFrom: '2011-07-01', rate: '0.37' },
  { validFrom: '2012-01-01', rate: '0.12' },
  { validFrom: '2013-01-01', rate: '-0.13' },
  { validFrom: '2013-07-01', rate: '-0.38' },
  { validFrom: '2014-01-01', rate: '-0.63' },
  { validFrom: '2014-07-01', rate: '-0.73' },
  { validFrom: '2015-01-01', rate: '-0.83' },
  { validFrom: '2016-07-01', rate: '-0.88' },
  { validFrom: '2023-01-01', rate: '1.62' },
  { validFrom: '2023-07-01', rate: '3.12' },
  { validFrom: '2024-01-01', rate: '3.62' },
  { validFrom: '2024-07-01', rate: '3.37' },
  { validFrom: '2025-01-01', rate: '2.27' },
  { validFrom: '2025-07-01', rate: '1.27' },
  { validFrom: '2026-01-01', rate: '1.27' },
];

/**
 * The table in effect for an organisation: the built-in one with the organisation's own entries laid over it
 * (an own entry for the same half-year wins), sorted by date.
 */
export function effectiveBaseRates(own: readonly BaseRate[] = []): BaseRate[] {
  const byDate = new Map(BUNDESBANK_BASE_RATES.map((r) => [r.validFrom, r]));
  for (const r of own) byDate.set(r.validFrom, { validFrom: r.validFrom, rate: r.rate });
  return [...byDate.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/**
 * The base rate in effect on `date` (YYYY-MM-DD): the latest entry on or before it. Before the first entry
 * (2002, when § 247 BGB took effect) the first rate stands in.
 */
export function baseRateOn(date: string, table: readonly BaseRate[]): BaseRate {
  let found = table[0]!;
  for (const entry of table) {
    if (entry.validFrom <= date) found = entry;
    else break;
  }
  return found;
}

/** True for the days § 247 (1) BGB changes the rate on: 1 January and 1 July. */
export function isHalfYearStart(date: string): boolean {
  return /^\d{4}-(01|07)-01$/.test(date);
}
