export * from './domain/directory';
export * from './domain/personnummer';
export * from './schemas/common';
export * from './schemas/problem';
export * from './schemas/auth';
export * from './schemas/directory';
export * from './schemas/audit';
export * from './i18n/problem-messages';
