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
/**
 * The server-side bounds, as startup parameters of each connection (the session's own settings). Behind PgBouncer in
 * transaction mode (`DB_POOL_MODE=transaction`) a client's connection is not a server session: PgBouncer refuses
 * such parameters, so none is sent and the pooler's server connections carry the same bounds (its `connect_query`,
 * see scripts/pgbouncer.sh and deploy/). Nothing else the service does lasts beyond a transaction: advisory locks
 * are `pg_advisory_xact_lock`, there is no `SET`, `LISTEN`, temporary table or named prepared statement (pg's
 * parameterised queries use the unnamed statement), so any transaction may run on any server connection.
 */
function serverBounds(config: AppConfig): Record<string, number> {
  if (config.database.poolMode === 'transaction') return {};
  return {
    statement_timeout: config.database.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.database.idleInTransactionTimeoutMs,
  };
}

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
              query_timeout: config.database.readTimeoutMs,
              ...serverBounds(config),
              keepAlive: true,
              keepAliveInitialDelayMillis: KEEPALIVE_AFTER_IDLE_MS,
            },
          }),
        }),
      ],
    };
  }
}
