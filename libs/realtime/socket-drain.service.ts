import { Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';

/** An engine.io connection (one per client, under every namespace it joined). */
type Connection = Socket['conn'];

/**
 * The api's socket side of a drain (SIGTERM). Counts, per client connection, the client events still waiting for
 * their ack; `drain` refuses new connections, then closes each connection as soon as nothing of it is in flight
 * (at the latest after `graceMs`). The connection is closed under the socket (a transport close, not a socket.io
 * disconnect), so the client reconnects by itself — through the load balancer, to another api — and re-joins
 * with its last seq. An event cut off by the bound loses nothing: it was not acknowledged, so the client sends
 * it again with its clientId and the first store wins.
 */
@Injectable()
export class SocketDrain {
  private readonly open = new Set<Connection>();
  private readonly inFlight = new Map<Connection, number>();
  private draining = false;

  /** Called by ConfiguredIoAdapter with the server it created. */
  attach(server: Server): void {
    server.on('new_namespace', (namespace) => {
      namespace.on('connection', (socket: Socket) => {
        const conn = socket.conn;
        if (!this.open.has(conn)) {
          this.open.add(conn);
          conn.once('close', () => (this.open.delete(conn), this.inFlight.delete(conn)));
        }
        socket.use((packet, next) => (this.track(conn, packet), next()));
      });
    });
  }

  /** For engine.io's `allowRequest`: no new connection once draining. */
  get accepting(): boolean {
    return !this.draining;
  }

  /** Closes every client connection once its in-flight events are answered, within `graceMs`. */
  async drain(graceMs: number): Promise<{ connections: number; cutOff: number }> {
    this.draining = true;
    const connections = [...this.open];
    for (const conn of connections) if (!this.inFlight.get(conn)) conn.close();
    const deadline = Date.now() + graceMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cutOff = this.inFlight.size;
    for (const conn of [...this.open]) conn.close();
    return { connections: connections.length, cutOff };
  }

  /** Wraps the event's ack (its last argument, when it has one) to count the event until it is answered. */
  private track(conn: Connection, packet: unknown[]): void {
    const ack = packet.at(-1);
    if (typeof ack !== 'function') return;
    this.inFlight.set(conn, (this.inFlight.get(conn) ?? 0) + 1);
    let answered = false;
    packet[packet.length - 1] = (...args: unknown[]) => {
      if (!answered) {
        answered = true;
        this.settle(conn);
      }
      return (ack as (...a: unknown[]) => unknown)(...args);
    };
  }

  private settle(conn: Connection): void {
    const left = (this.inFlight.get(conn) ?? 1) - 1;
    if (left > 0) return void this.inFlight.set(conn, left);
    this.inFlight.delete(conn);
    if (this.draining) conn.close();
  }
}
