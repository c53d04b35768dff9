export { createRedisConnection, type Redis } from './redis-connection.js';
export { REDIS, RedisModule } from './redis.module.js';
export { hitFixedWindow } from './fixed-window-counter.js';
export { NOTICE_SHARDS, noticeChannel, publishNotice, subscribeNotices } from './notices.js';
