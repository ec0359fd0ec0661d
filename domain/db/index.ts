export * from './command';
export * from './types';
