import { useEffect, useState } from 'react';
import { auth, setUnauthenticatedHandler } from './api.js';
import { DashboardPage } from './pages/dashboard.js';
import { homeFor } from './pages/home.js';
import { LandingPage } from './pages/landing.js';
import { LiveSessionPage } from './pages/live-session.js';
import { QuestionBrowserPage, QuestionPage } from './pages/questions.js';
import { SignInPage } from './pages/sign-in.js';
import { Link, match, navigate, useLocation } from './router.js';

type Role = 'candidate' | 'coach' | 'admin';

/** Page routes; `roles` limits who sees a page (the api enforces the same on every request). */
const ROUTES: { path: string; roles?: Role[]; render(params: Record<string, string>, url: URL): React.ReactNode }[] = [
  { path: '/', render: () => <LandingPage /> },
  { path: '/sign-in', render: (_, url) => <SignInPage next={url.searchParams.get('next')} /> },
  { path: '/dashboard', roles: ['candidate'], render: () => <DashboardPage /> },
  { path: '/questions', roles: ['candidate', 'coach', 'admin'], render: () => <QuestionBrowserPage /> },
  { path: '/questions/:id', roles: ['candidate', 'coach', 'admin'], render: (p) => <QuestionPage id={p.id!} /> },
  { path: '/sessions/:id', roles: ['candidate'], render: (p) => <LiveSessionPage sessionId={p.id!} /> },
];

const NAV: Record<Role, { href: string; label: string }[]> = {
  candidate: [
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/questions', label: 'Questions' },
  ],
  coach: [{ href: '/coach', label: 'Review queue' }],
  admin: [{ href: '/admin', label: 'Rollout' }],
};

export function App() {
  const url = useLocation();
  const [, setAuthVersion] = useState(0);
  const principal = auth.principal();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      auth.clear();
      setAuthVersion((v) => v + 1);
    });
  }, []);

  const route = ROUTES.map((r) => ({ r, params: match(r.path, url.pathname) })).find((m) => m.params);
  const needsSignIn = route?.r.roles && !principal;
  const wrongRole = route?.r.roles && principal && !route.r.roles.includes(principal.role);

  useEffect(() => {
    if (needsSignIn) navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
  }, [needsSignIn, url.pathname, url.search]);

  const signOut = () => {
    auth.clear();
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
          <main>
            <h1>Not found</h1>
            <p>
              <Link href="/">Go to the start page</Link>
            </p>
          </main>
        ) : needsSignIn ? null : wrongRole ? (
          <main>
            <h1>Not for your account</h1>
            <p>This page is for {route.r.roles!.join(' or ')} accounts.</p>
          </main>
        ) : (
          route.r.render(route.params!, url)
        )}
      </div>
    </>
  );
}
