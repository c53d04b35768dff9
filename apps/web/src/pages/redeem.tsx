import { useState } from 'react';
import { api, auth } from '../api.js';
import { navigate } from '../router.js';
import { useSubmit } from '../use-submit.js';
import { useTitle } from '../use-title.js';

/** Redeem an invite code: creates the account (early access) and signs in. */
export function RedeemPage({ code: initialCode }: { code: string | null }) {
  useTitle('Redeem your invite');
  const [code, setCode] = useState(initialCode ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    if (password !== confirm) throw new Error('The two passwords differ.');
    const { accessToken } = await api('POST', '/api/auth/redeem', { body: { code: code.trim(), password } });
    auth.set(accessToken);
    navigate('/dashboard', { replace: true });
  });

  return (
    <main className="narrow">
      <h1>Redeem your invite</h1>
      <form className="stack" onSubmit={submit}>
        <label>
          Invite code
          <input required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" />
        </label>
        <label>
          Choose a password (12 characters or more)
          <input type="password" required minLength={12} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label>
          Repeat the password
          <input type="password" required autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create my account'}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
