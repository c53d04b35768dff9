import { type FormEvent, useState } from 'react';
import { describeError } from './api.js';

/**
 * A form's submit: prevents the page load, marks it busy, and turns a failure into a message for a person.
 * `describe` may word a refusal its own way (e.g. a rollout limit).
 */
export function useSubmit(action: () => Promise<void>, describe: (err: unknown) => string = describeError) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
