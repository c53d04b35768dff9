import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { auth, setUnauthenticatedHandler } from './api.js';
import { keepAccessTokenFresh, signOut as endSignIn } from './auth-token.js';
import { AdminPage } from './pages/admin.js';
import { CalibrationPage, ReviewQueuePage } from './pages/coach.js';
import { CoachReviewPage } from './pages/coach-review.js';
import { DashboardPage } from './pages/dashboard.js';
import { homeFor } from './pages/home.js';
import { LandingPage, WaitlistStatusPage } from './pages/landing.js';
import { LiveSessionPage } from './pages/live-session.js';
import { QuestionBrowserPage, QuestionPage } from './pages/questions.js';
import { RedeemPage } from './pages/redeem.js';
import { SignInPage } from './pages/sign-in.js';
import { Link, match, navigate, useLocation } from './router.js';
import { useTitle } from './use-title.js';

type Role = 'candidate' | 'coach' | 'admin';

/** Page routes; `roles` limits who sees a page (the api enforces the same on every request). */
const ROUTES: { path: string; roles?: Role[]; render(params: Record<string, string>, url: URL): React.ReactNode }[] = [
  { path: '/', render: (_, url) => <LandingPage referral={url.searchParams.get('ref')} /> },
  { path: '/waitlist/:token', render: (p) => <WaitlistStatusPage token={p.token!} /> },
  { path: '/redeem', render: (_, url) => <RedeemPage code={url.searchParams.get('code')} /> },
  { path: '/sign-in', render: (_, url) => <SignInPage next={url.searchParams.get('next')} /> },
  { path: '/dashboard', roles: ['candidate'], render: () => <DashboardPage /> },
  { path: '/questions', roles: ['candidate', 'coach', 'admin'], render: () => <QuestionBrowserPage /> },
  { path: '/questions/:id', roles: ['candidate', 'coach', 'admin'], render: (p) => <QuestionPage id={p.id!} /> },
  { path: '/sessions/:id', roles: ['candidate'], render: (p) => <LiveSessionPage sessionId={p.id!} /> },
  { path: '/coach', roles: ['coach', 'admin'], render: () => <ReviewQueuePage /> },
  { path: '/coach/calibration', roles: ['coach', 'admin'], render: () => <CalibrationPage /> },
  { path: '/coach/sessions/:id', roles: ['coach', 'admin'], render: (p) => <CoachReviewPage sessionId={p.id!} /> },
  { path: '/admin', roles: ['admin'], render: () => <AdminPage /> },
];

const NAV: Record<Role, { href: string; label: string }[]> = {
  candidate: [
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/questions', label: 'Questions' },
  ],
  coach: [
    { href: '/coach', label: 'Review queue' },
    { href: '/coach/calibration', label: 'Calibration' },
    { href: '/questions', label: 'Questions' },
  ],
  admin: [
    { href: '/admin', label: 'Waitlist & rollout' },
    { href: '/coach', label: 'Reviews' },
    { href: '/coach/calibration', label: 'Calibration' },
  ],
};

export function App() {
  const url = useLocation();
  const [, setAuthVersion] = useState(0);
  const principal = auth.principal();

  // The query cache holds one account's data: another sign-in (or none) starts from an empty one, before any page
  // of the new account renders what the previous one read.
  const queryClient = useQueryClient();
  const [cacheOwner, setCacheOwner] = useState(principal?.userId ?? null);
  if (cacheOwner !== (principal?.userId ?? null)) {
    queryClient.clear();
    setCacheOwner(principal?.userId ?? null);
  }

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      auth.clear();
      setAuthVersion((v) => v + 1);
    });
    // The access token lives minutes, a session an hour: it is renewed before it runs out, on every page.
    return keepAccessTokenFresh();
  }, []);

  const route = ROUTES.map((r) => ({ r, params: match(r.path, url.pathname) })).find((m) => m.params);
  const needsSignIn = route?.r.roles && !principal;
  const wrongRole = route?.r.roles && principal && !route.r.roles.includes(principal.role);

  useEffect(() => {
    if (needsSignIn) navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
  }, [needsSignIn, url.pathname, url.search]);

  const signOut = () => {
    void endSignIn();
    setAuthVersion((v) => v + 1);
    navigate('/');
  };

  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <Link href={principal ? homeFor(principal.role) : '/'} className="brand">
          Mock Interview
        </Link>
        <nav aria-label="Main">
          {principal &&
            NAV[principal.role].map((n) => (
              <Link key={n.href} href={n.href} aria-current={url.pathname === n.href ? 'page' : undefined}>
                {n.label}
              </Link>
            ))}
        </nav>
        <div className="who">
          {principal ? (
            <button type="button" className="link" onClick={signOut}>
              Sign out ({principal.role})
            </button>
          ) : (
            <Link href="/sign-in">Sign in</Link>
          )}
        </div>
      </header>
      <div id="content" tabIndex={-1}>
        {!route ? (
          <Notice title="Not found">
            <p>
              <Link href="/">Go to the start page</Link>
            </p>
          </Notice>
        ) : needsSignIn ? null : wrongRole ? (
          <Notice title="Not for your account">
            <p>This page is for {route.r.roles!.join(' or ')} accounts.</p>
          </Notice>
        ) : (
          route.r.render(route.params!, url)
        )}
      </div>
    </>
  );
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  useTitle(title);
  return (
    <main>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
