import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, auth, describeError, type Schema } from '../api.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link, navigate } from '../router.js';
import { useSubmit } from '../use-submit.js';
import { homeFor } from './home.js';
import { useTitle } from '../use-title.js';

export function LandingPage({ referral }: { referral: string | null }) {
  useTitle('Live mock interviews');
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
          interviewers listen for, the mistakes that sink candidates — and you watch your scores improve across sessions. Coaches review the AI's
          grades.
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
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const body = {
      email,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(years.trim() ? { yearsExperience: Number(years) } : {}),
      ...(referralCode.trim() ? { referralCode: referralCode.trim() } : {}),
    };
    // The answer is the same whether or not the email was already listed: the place comes by mail.
    await api('POST', '/api/waitlist', { body });
    setSentTo(email.trim());
  });

  if (sentTo)
    return (
      <section className="card" aria-labelledby="joined-title" data-testid="waitlist-received">
        <h2 id="joined-title">Check your inbox</h2>
        <p>
          If <strong>{sentTo}</strong> is new to the waitlist, we've sent it your place, your referral link and a private link to follow your place.
          Already signed up? Your first email has all of that.
        </p>
      </section>
    );
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

function WaitlistPlace({ place }: { place: Schema<'WaitlistStatus'> }) {
  const link = `${location.origin}/?ref=${encodeURIComponent(place.referralCode)}`;
  return (
    <section className="card" aria-labelledby="place-title" data-testid="waitlist-place">
      <h2 id="place-title">
        {place.status === 'waiting' ? "You're on the waitlist" : place.status === 'invited' ? "You're invited" : 'You have joined'}
      </h2>
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
      <p>Every friend who joins with your link moves you up ({place.referrals} so far):</p>
      <div className="stack copy-row">
        <label>
          Your referral link <input className="copy-field" readOnly value={link} data-testid="referral-link" onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(link)}>
          Copy
        </button>
      </div>
    </section>
  );
}

export function WaitlistStatusPage({ token }: { token: string }) {
  useTitle('Your place on the waitlist');
  const status = useQuery({ queryKey: queryKeys.waitlistPlace(token), queryFn: apiGet('/api/waitlist/{token}', { path: { token } }) });
  const place = status.data;
  const error = status.error && !place ? describeError(status.error) : null;
  return (
    <main className="narrow">
      <h1>Your place on the waitlist</h1>
      {error && <p role="alert">{error}</p>}
      {place ? <WaitlistPlace place={place} /> : !error && <p role="status">Loading…</p>}
    </main>
  );
}
