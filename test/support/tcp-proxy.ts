import net from 'node:net';

/**
 * A TCP proxy in front of a real server (Postgres) that can cut the network the way a partition does: no reset,
 * no FIN, bytes simply stop arriving. `partition()` freezes every connection, open or new; `heal()` lets new
 * connections through again, while the ones frozen during the partition stay dead: half-open links whose packets
 * never arrive, which is what a client's pool is left holding when the other end gave up meanwhile.
 */
export class TcpProxy {
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private partitioned = false;
  private down = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    server.on('connection', (client) => proxy.accept(client, target));
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  partition(): void {
    this.partitioned = true;
    for (const pair of this.pairs) freeze(pair);
  }

  /**
   * The server goes away (killed, restarting): every open connection is reset and new ones are refused at once,
   * until `heal()`. Unlike a partition, clients see it and reconnect when it is back.
   */
  cut(): void {
    this.down = true;
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  heal(): void {
    this.partitioned = false;
    this.down = false;
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
    if (this.partitioned) freeze(pair);
  }
}

/** Bytes in either direction stop: nothing is read from either side (so neither sees the other close) or written. */
function freeze({ client, upstream }: { client: net.Socket; upstream: net.Socket }): void {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
}
