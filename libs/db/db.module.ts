import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { BoundedReadClient } from './bounded-read-client.js';

/** An idle connection is probed after this long without traffic, so a peer that vanished is noticed. */
const KEEPALIVE_AFTER_IDLE_MS = 10_000;

/**
 * The one DataSource of a process. Entities are registered by each lib's module through
 * `TypeOrmModule.forFeature`; migrations are applied by `runMigrations`, never by `synchronize`.
 *
 * Every wait on the database is bounded (config, `DB_*`): getting a connection, a statement on the server,
 * a reply on the client (a connection whose reply is late is dropped: see `BoundedReadClient`), and a
 * transaction left idle. A caller that hits a bound gets an error the transports answer as `UNAVAILABLE`
 * (retryable) instead of waiting on a partitioned network for minutes.
 */
@Module({})
export class DbModule {
  static forRoot(): DynamicModule {
    return {
      module: DbModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            type: 'postgres',
            url: config.database.url,
            autoLoadEntities: true,
            synchronize: false,
            migrationsRun: false,
            extra: {
              Client: BoundedReadClient,
              max: config.database.poolMax,
              connectionTimeoutMillis: config.database.connectTimeoutMs,
              statement_timeout: config.database.statementTimeoutMs,
              query_timeout: config.database.readTimeoutMs,
              idle_in_transaction_session_timeout: config.database.idleInTransactionTimeoutMs,
              keepAlive: true,
              keepAliveInitialDelayMillis: KEEPALIVE_AFTER_IDLE_MS,
            },
          }),
        }),
      ],
    };
  }
}
