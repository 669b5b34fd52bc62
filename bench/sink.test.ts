import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startSink, type Sink } from './sink';

let sink: Sink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
});

/** Writes each chunk in its own packet-ish write and collects every reply until the server closes. */
async function converse(port: number, chunks: string[]): Promise<string> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let replies = '';
  socket.on('data', (d) => (replies += String(d)));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await new Promise((resolve) => socket.once('connect', resolve));
  for (const chunk of chunks) {
    socket.write(chunk);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await closed;
  return replies;
}

describe('bench SMTP sink', () => {
  it('answers pipelined commands in order and finds the end of DATA across packets', async () => {
    sink = await startSink();
    const replies = await converse(sink.port, [
      'EHLO a\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n',
      'Subject: one\r\n\r\n..a dot-stuffed line\r\n\r\n.\r',
      '\n',
      'MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\nSubject: two\r\n\r\nbody\r\n.\r\nQUIT\r\n',
    ]);
    const codes = replies.split('\r\n').filter(Boolean).map((line) => line.slice(0, 4));
    expect(codes).toEqual(['220 ', '250-', '250-', '250-', '250-', '250-', '250 ', '250 ', '250 ', '354 ', '250 ', '250 ', '250 ', '354 ', '250 ', '221 ']);
    expect(sink.stats()).toMatchObject({ connections: 1, messages: 2 });
  });

  it('takes mail from nodemailer, DSN parameters included', async () => {
    sink = await startSink();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, ignoreTLS: true });
    const info = await transport.sendMail({ from: 'a@x.test', to: 'b@x.test', subject: 's', text: 'hello\n.\nworld', dsn: { id: 'e1', return: 'headers', notify: 'success' } });
    expect(info.response).toMatch(/^250 /);
    expect(sink.stats().messages).toBe(1);
  });
});
