import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The real preview (`src/preview/main.ts`) in a child process, so that a crash shows as the process exiting. */
export interface PreviewProcess {
  child: ChildProcess;
  origin: string;
  url: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

export function startPreviewProcess(dbFile: string, port = 0): Promise<PreviewProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/preview/main.ts'), '--db', dbFile, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${out}`)), 30_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:(\d+))\/\?token=[0-9a-f]+/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({
        child,
        origin: m[1]!,
        url: m[0],
        port: Number(m[2]),
        output: () => out,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`preview exited: ${out}`));
    });
  });
}

/** Sends raw bytes on a fresh connection and collects whatever comes back until the server closes it or `ms` pass. */
export function rawRequest(port: number, bytes: Buffer | string, ms = 2000): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const sock = net.connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, ms);
    sock.on('data', (c: Buffer) => chunks.push(c));
    sock.on('end', done);
    sock.on('close', done);
    sock.on('error', done);
    sock.write(bytes, () => undefined);
  });
}
