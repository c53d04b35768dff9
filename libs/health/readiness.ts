import { Injectable } from '@nestjs/common';

/**
 * Whether the api still wants new connections. On SIGTERM the api starts draining (apps/api/main.ts): from then
 * on `/health/ready` answers 503 naming `draining`, so a load balancer stops sending it clients before its
 * sockets close.
 */
@Injectable()
export class Readiness {
  private drainingSince: Date | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  startDraining(): void {
    this.drainingSince ??= new Date();
  }
}
