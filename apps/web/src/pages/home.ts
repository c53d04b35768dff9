import type { Principal } from '../api.js';

/** Where each role lands after signing in. */
export function homeFor(role: Principal['role'] | undefined): string {
  switch (role) {
    case 'coach':
      return '/coach';
    case 'admin':
      return '/admin';
    case 'candidate':
      return '/dashboard';
    default:
      return '/';
  }
}
