import { useEffect, useState } from 'react';
import { api, auth, describeError } from '../api.js';
import type { SignUpDto, WaitlistStatusDto } from '../protocol.js';
import { Link, navigate } from '../router.js';
import { useSubmit } from '../use-submit.js';
import { homeFor } from './home.js';

type SignUpResult = SignUpDto;

const WAITLIST_TOKEN = 'mi.waitlistToken';

export function LandingPage({ referral }: { referral: string | null }) {
  const principal = auth.principal();
  useEffect(() => {
    if (principal) navigate(homeFor(principal.role), { replace: true });
  }, [principal]);

  return (
    <main className="landing">
      <section className="hero">
        <h1>Live mock interviews for senior backend engineers</h1>
        <p>
          Practise system design and live coding against a real interview's phases and clock. Every answer is graded against a rubric — the key points
          interviewers listen for, the mistakes that sink candidates — and you watch your scores improve across sessions. Coaches review the AI's grades.
        </p>
        <ul>
          <li>Five timed phases, from requirements to trade-offs, with an interviewer who follows up on what you missed.</li>
          <li>Practice mode gives feedback after every answer; realistic mode holds it to the end.</li>
          <li>A report per session: dimension scores, key points hit and missed, what to study next.</li>
        </ul>
      </section>
      <WaitlistForm referral={referral} />
      <p>
        Got an invite? <Link href="/redeem">Redeem it</Link>. Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </main>
  );
}

function WaitlistForm({ referral }: { referral: string | null }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [years, setYears] = useState('');
  const [referralCode, setReferralCode] = useState(referral ?? '');
  const [result, setResult] = useState<SignUpResult | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const body = {
      email,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(years.trim() ? { yearsExperience: Number(years) } : {}),
      ...(referralCode.trim() ? { referralCode: referralCode.trim() } : {}),
    };
    const res = await api<SignUpResult>('POST', '/api/waitlist', body);
    if (res.token) localStorage.setItem(WAITLIST_TOKEN, res.token);
    setResult(res);
  });

  if (result) return <WaitlistPlace place={result} token={result.token} />;
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">Join the waitlist</h2>
      <label>
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Name (optional)
        <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Years of experience (optional)
        <input type="number" min={0} max={80} value={years} onChange={(e) => setYears(e.target.value)} />
      </label>
      <label>
        Referral code (optional)
        <input value={referralCode} onChange={(e) => setReferralCode(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join the waitlist'}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

export function WaitlistPlace({ place, token }: { place: { status: string; position: number | null; referralCode: string; referrals?: number }; token: string | null }) {
  const link = `${location.origin}/?ref=${encodeURIComponent(place.referralCode)}`;
  return (
    <section className="card" aria-labelledby="place-title" data-testid="waitlist-place">
      <h2 id="place-title">{place.status === 'waiting' ? "You're on the waitlist" : place.status === 'invited' ? "You're invited" : 'You have joined'}</h2>
      {place.position !== null && (
        <p>
          Your place: <strong data-testid="waitlist-position">#{place.position}</strong>
        </p>
      )}
      {place.status === 'invited' && (
        <p>
          Check your email for the invite code, then <Link href="/redeem">redeem it</Link>.
        </p>
      )}
      <p>
        Every friend who joins with your link moves you up{place.referrals !== undefined ? ` (${place.referrals} so far)` : ''}:
      </p>
      <p>
        <label>
          Your referral link <input readOnly value={link} size={48} data-testid="referral-link" onFocus={(e) => e.target.select()} />
        </label>{' '}
        <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(link)}>
          Copy
        </button>
      </p>
      {token && (
        <p className="muted">
          Check your place any time: <Link href={`/waitlist/${token}`}>your private status page</Link>.
        </p>
      )}
    </section>
  );
}

export function WaitlistStatusPage({ token }: { token: string }) {
  const [place, setPlace] = useState<WaitlistStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<WaitlistStatusDto>('GET', `/api/waitlist/${encodeURIComponent(token)}`).then(setPlace, (err: unknown) => setError(describeError(err)));
  }, [token]);
  return (
    <main className="narrow">
      <h1>Your place on the waitlist</h1>
      {error && <p role="alert">{error}</p>}
      {place ? <WaitlistPlace place={place} token={null} /> : !error && <p role="status">Loading…</p>}
    </main>
  );
}
