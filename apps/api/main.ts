// Tracing (on when OTEL_EXPORTER_OTLP_ENDPOINT is set) patches http, pg and ioredis as they load, so it starts
// before the app is imported: the app itself is ./start.js.
import { instrumentProcess } from '#libs/tracing';

await instrumentProcess('api');
await import('./start.js');
