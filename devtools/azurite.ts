import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running Azurite blob service on the loopback interface (for the tests and the benchmark). */
export interface Azurite {
  readonly connectionString: string;
  readonly blobEndpoint: string;
  /** Stops the service and removes its folder; safe to call more than once. */
  stop(): Promise<void>;
}

// Azurite's fixed development account: a published, well-known key, not a secret.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const STARTUP_LIMIT_MS = 20_000;
const STOP_LIMIT_MS = 5_000;
const LISTENING = /listens on http:\/\/127\.0\.0\.1:(\d+)/;

function blobServiceScript(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('azurite/package.json');
  const manifest = require(manifestPath) as { bin: Record<string, string> };
  const script = manifest.bin['azurite-blob'];
  if (script === undefined) throw new Error('The installed azurite package has no azurite-blob program');
  return path.resolve(path.dirname(manifestPath), script);
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${STARTUP_LIMIT_MS} ms:\n${output}`)), STARTUP_LIMIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1] !== undefined) {
        cleanUp();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`Azurite exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    const onError = (error: Error) => fail(error);
    function cleanUp() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    function fail(error: Error) {
      cleanUp();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function acceptsConnections(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
  } finally {
    socket.destroy();
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Azurite's blob service from the installed npm package, on 127.0.0.1 and a port the
 * system picks, in a fresh temporary folder, with telemetry off (this machine has no network).
 * `inMemory` keeps the blobs in memory instead: a benchmark that fills hundreds of thousands
 * of them measures the bot, not this machine's disk.
 */
export async function startAzurite(options: { readonly inMemory?: boolean } = {}): Promise<Azurite> {
  const location = await mkdtemp(path.join(tmpdir(), 'azurite-'));
  const child = spawn(
    process.execPath,
    [
      blobServiceScript(),
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      // Azurite refuses a location with in-memory persistence; its debug log still goes to the folder it runs in.
      ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', location]),
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
    ],
    { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test process ends without calling stop(), the service must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await stopProcess(child);
      process.off('exit', killOnExit);
      await rm(location, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    const port = await waitForPort(child);
    await acceptsConnections(port);
    // Drain output so a chatty service never blocks on a full pipe.
    child.stdout?.resume();
    child.stderr?.resume();
    const blobEndpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
    return {
      blobEndpoint,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
