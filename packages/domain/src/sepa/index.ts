export * as calendar from './calendar';
export * as charset from './charset';
export * as pain008 from './pain008';
export * as rules from './rules';
export * from './service';
