export { ConfiguredIoAdapter } from './io.adapter.js';
export { RealtimeModule } from './realtime.module.js';
export { SocketDrain } from './socket-drain.service.js';
