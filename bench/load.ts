import http from 'node:http';
import net from 'node:net';

/**
 * A small HTTP load generator for the benchmarks: `connections` keep-alive connections on
 * loopback, each sending the next request as soon as the previous answer has been read, for a
 * fixed time after a warm-up. Counts requests per second and latency percentiles; any answer other
 * than the expected status is counted as an error (and the figures are then not to be trusted).
 *
 * Two clients:
 * - `raw` (default): plain sockets and a minimal HTTP/1.1 response reader (status line,
 *   Content-Length or chunked bodies). Measured here against a trivial Node server returning the
 *   item page's bytes: ~26–39k req/s at ~0.5 core, so it does not cap the servers it measures.
 * - `http`: Node's http.Agent client. Its per-request cost (~10–12k req/s at most on this
 *   machine, whatever the server) made it the bottleneck for nginx and flattered every ratio
 *   to the static ceiling; kept for comparison (`--client http`).
 */
export interface LoadResult {
  url: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
}

export type LoadClient = 'raw' | 'http';

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
  expectStatus?: number;
  client?: LoadClient;
}

export async function load(url: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const connections = opts.connections ?? 50;
  const expect = opts.expectStatus ?? 200;
  const phase = opts.client === 'http' ? httpPhase : rawPhase;
  if ((opts.warmupSeconds ?? 2) > 0) await phase(url, connections, opts.warmupSeconds ?? 2, expect);
  return phase(url, connections, opts.seconds ?? 10, expect);
}

function summarize(
  url: string,
  latencies: number[],
  errors: number,
  bytes: number,
  elapsed: number,
): LoadResult {
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)] ?? 0;
  return {
    url,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    bytes,
  };
}

const CRLF2 = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/**
 * Reads one HTTP/1.1 response at a time from a byte stream. Returns the status and the total
 * length of the response (head + body) once it is complete in `buf`, else null. Responses without
 * Content-Length or chunked framing (read until close) are not supported: reported as -1.
 */
export function parseResponse(buf: Buffer): { status: number; length: number; close: boolean } | null {
  const end = buf.indexOf(CRLF2);
  if (end < 0) return null;
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const lower = head.toLowerCase();
  const close = /\r\nconnection:\s*close/.test(lower);
  const bodyStart = end + 4;
  if (/\r\ntransfer-encoding:[^\r]*chunked/.test(lower)) {
    let at = bodyStart;
    for (;;) {
      const eol = buf.indexOf(CRLF, at);
      if (eol < 0) return null;
      const size = Number.parseInt(buf.toString('latin1', at, eol), 16);
      if (Number.isNaN(size)) return { status, length: -1, close: true };
      if (size === 0) {
        // no trailers expected: the last chunk is followed by an empty line
        const last = eol + 4;
        return buf.length >= last ? { status, length: last, close } : null;
      }
      at = eol + 2 + size + 2;
      if (buf.length < at) return null;
    }
  }
  const m = /\r\ncontent-length:\s*(\d+)/.exec(lower);
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  if (!m && !noBody) return { status, length: -1, close: true };
  const length = bodyStart + (noBody ? 0 : Number(m![1]));
  return buf.length >= length ? { status, length, close } : null;
}

async function rawPhase(
  url: string,
  connections: number,
  seconds: number,
  expect: number,
): Promise<LoadResult> {
  const target = new URL(url);
  const port = Number(target.port || 80);
  const request = Buffer.from(
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nAccept-Encoding: identity\r\nConnection: keep-alive\r\n\r\n`,
    'latin1',
  );
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;

  const connection = () =>
    new Promise<void>((resolve) => {
      let socket: net.Socket;
      let buf: Buffer | null = null;
      let start = 0;
      let inFlight = false;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve();
      };
      const send = () => {
        if (performance.now() >= until) return finish();
        start = performance.now();
        inFlight = true;
        socket.write(request);
      };
      const open = () => {
        buf = null;
        inFlight = false;
        socket = net.connect(port, target.hostname);
        socket.setNoDelay(true);
        socket.on('connect', send);
        socket.on('error', () => {
          errors++;
          finish();
        });
        socket.on('close', () => {
          // the server closed a keep-alive connection between answers: open another one
          if (!done && performance.now() < until) {
            if (inFlight) errors++;
            open();
          } else finish();
        });
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          buf = buf ? Buffer.concat([buf, chunk]) : chunk;
          for (;;) {
            const r = parseResponse(buf);
            if (!r) return;
            if (r.length < 0) {
              errors++;
              return finish();
            }
            inFlight = false;
            latencies.push(performance.now() - start);
            if (r.status !== expect) errors++;
            buf = buf.length > r.length ? buf.subarray(r.length) : null;
            if (r.close) {
              buf = null;
              socket.removeAllListeners('close');
              socket.destroy();
              if (performance.now() < until) open();
              else finish();
              return;
            }
            send();
            if (!buf) return;
          }
        });
      };
      open();
    });
  await Promise.all(Array.from({ length: connections }, connection));
  return summarize(url, latencies, errors, bytes, (performance.now() - t0) / 1000);
}

async function httpPhase(
  url: string,
  connections: number,
  seconds: number,
  expect: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: { 'accept-encoding': 'identity' },
        },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          res.on('end', () => {
            if (res.statusCode !== expect) errors++;
            latencies.push(performance.now() - start);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < until) await one();
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return summarize(url, latencies, errors, bytes, elapsed);
}
