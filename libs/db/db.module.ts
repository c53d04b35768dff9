import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/**
 * The one DataSource of a process. Entities are registered by each lib's module through
 * `TypeOrmModule.forFeature`; migrations are applied by `runMigrations`, never by `synchronize`.
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
            extra: { max: 20 },
          }),
        }),
      ],
    };
  }
}
