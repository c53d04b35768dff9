export { APP_CONFIG, loadConfig, type AppConfig } from './app-config.js';
export { ConfigModule } from './config.module.js';
export { parseRedisTarget, type RedisTarget } from './redis-target.js';
