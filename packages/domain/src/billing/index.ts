// Pure rules of recurring billing (DOMAIN.md §6–§8): no database, no clock — callers pass dates.
export * from './dates';
export * from './mrr';
export * from './periods';
export * from './pricing';
export * from './terms';
