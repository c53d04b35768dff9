export { ConfiguredIoAdapter } from './io.adapter.js';
export { RealtimeModule } from './realtime.module.js';
