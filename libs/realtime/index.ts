export { ConfiguredIoAdapter } from './io.adapter.js';
export { INTERVIEW_NAMESPACE } from './interview.gateway.js';
export { RealtimeModule } from './realtime.module.js';
