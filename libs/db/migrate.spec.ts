import { assertTestDatabase } from './migrate.js';

describe(assertTestDatabase.name, () => {
  it('accepts a database whose name contains "test"', () => {
    expect(() => assertTestDatabase('postgres://u@127.0.0.1:5432/test_abc')).not.toThrow();
  });

  it('refuses any other database', () => {
    expect(() => assertTestDatabase('postgres://u@127.0.0.1:5432/mock_interview')).toThrow(/must contain "test"/);
  });
});
