export * from './dimensions';
export * from './indicators';
export * from './periods';
export * from './statistics-policy';
export * from './suppression';
export * from '../schemas/statistics';
export * from './labels';
