import { CreateUsers1764201600000 } from './1764201600000-create-users.js';

/** Every migration, in order. Listed explicitly so the same list works from source (tests) and from dist. */
export const migrations = [CreateUsers1764201600000];
