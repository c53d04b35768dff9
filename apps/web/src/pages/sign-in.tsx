import { useState } from 'react';
import { api, auth } from '../api.js';
import { navigate } from '../router.js';
import { useSubmit } from '../use-submit.js';
import { homeFor } from './home.js';
import { useTitle } from '../use-title.js';

export function SignInPage({ next }: { next: string | null }) {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const { accessToken } = await api('POST', '/api/auth/login', { body: { email, password } });
    auth.set(accessToken);
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(auth.principal()?.role), { replace: true });
  });

  return (
    <main className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} className="stack">
        <label>
          Email
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
