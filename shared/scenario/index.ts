/** Scenario files: their schema, the model's coefficients, and the validating parser. */
export * from './schema';
export * from './coefficients';
export * from './parse';
