// The program of a record writer thread (see recordFileWriter.ts). Plain JavaScript, so that it
// runs the same under tsx, vitest and a compiled build: a worker thread does not inherit the
// TypeScript loader of the thread that starts it.
import { mkdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { TextFileSync } from 'lowdb/node';

/** Folders already made by this thread: made once, not on every write. */
const known = new Set();

/**
 * Carries out one request: writes `text` to `file` (lowdb writes a temporary file and renames it
 * over the old one), or removes the file when `text` is null.
 * @param {{ id: number, file: string, text: string | null }} request
 */
function carryOut(request) {
  try {
    if (request.text === null) {
      try {
        unlinkSync(request.file);
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
    } else {
      const folder = path.dirname(request.file);
      if (!known.has(folder)) {
        mkdirSync(folder, { recursive: true });
        known.add(folder);
      }
      new TextFileSync(request.file).write(request.text);
    }
    return { id: request.id };
  } catch (error) {
    return { id: request.id, error: { message: String(error && error.message), code: error && error.code } };
  }
}

parentPort.on('message', (requests) => {
  parentPort.postMessage(requests.map(carryOut));
});
