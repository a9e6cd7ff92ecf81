export * from './types.ts';
export * from './money.ts';
export * from './dates.ts';
export * from './invoice-amounts.ts';
export * from './pay-rate.ts';
