export { createRedisConnection, isCluster, type Redis, type RedisConnectionOptions } from './redis-connection.js';
export { REDIS, RedisModule } from './redis.module.js';
export { hitFixedWindow } from './fixed-window-counter.js';
export { NOTICE_SHARDS, noticeChannel, noticeChannels, publishNotice, subscribeNotices } from './notices.js';
