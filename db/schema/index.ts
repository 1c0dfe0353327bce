export * from './enums';
export * from './seller';
export * from './accounts';
export * from './persons';
export * from './users';
export * from './catalog';
export * from './system';
