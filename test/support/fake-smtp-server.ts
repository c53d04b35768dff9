import { createServer, type Server } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * Just enough SMTP (no TLS, no auth) for nodemailer to deliver to. `failing` answers 451 to every sender;
 * `failNext` to that many senders.
 */
export class FakeSmtpServer {
  readonly received: ReceivedMail[] = [];
  failing = false;
  failNext = 0;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((socket) => {
      let mail: ReceivedMail = { from: '', to: [], data: '' };
      let inData = false;
      let buffer = '';
      const reply = (line: string) => socket.write(`${line}\r\n`);
      reply('220 fake-smtp ready');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) return;
            mail.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            this.received.push(mail);
            mail = { from: '', to: [], data: '' };
            reply('250 queued');
            continue;
          }
          const eol = buffer.indexOf('\r\n');
          if (eol < 0) return;
          const line = buffer.slice(0, eol);
          buffer = buffer.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') reply('250 fake-smtp');
          else if (verb === 'MAIL') {
            if (this.failing || this.failNext > 0) {
              this.failNext = Math.max(0, this.failNext - 1);
              reply('451 try again later');
            } else {
              mail.from = line;
              reply('250 ok');
            }
          } else if (verb === 'RCPT') {
            mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? line);
            reply('250 ok');
          } else if (verb === 'DATA') {
            inData = true;
            reply('354 end with .');
          } else if (verb === 'QUIT') {
            reply('221 bye');
            socket.end();
          } else reply('250 ok');
        }
      });
      socket.on('error', () => undefined);
    });
  }

  static async start(): Promise<FakeSmtpServer> {
    const fake = new FakeSmtpServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `smtp://127.0.0.1:${address.port}`;
  }

  to(email: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(email));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
