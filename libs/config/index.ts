export { APP_CONFIG, ConfigError, loadConfig, type AppConfig } from './app-config.js';
export { ConfigModule } from './config.module.js';
export { parseRedisTarget, type RedisNode, type RedisTarget } from './redis-target.js';
