// The pure document core: data, VAT, totals, PDF and EN 16931 e-invoices. No database, no clock.
export * from './einvoice';
export * from './en16931';
export * from './labels';
export * from './pdf';
export * from './tax';
export * from './totals';
export * from './types';
