import { useEffect } from 'react';
import { auth } from '../api.js';
import { Link, navigate } from '../router.js';
import { homeFor } from './home.js';

export function LandingPage() {
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
      <p>
        Already invited? <Link href="/sign-in">Sign in</Link>.
      </p>
    </main>
  );
}
