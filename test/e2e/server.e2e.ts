/** The preview server on bad input: malformed requests, a port in use, a file it cannot read. No browser needed. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { PreviewError, startPreview, type PreviewOptions, type PreviewServer } from '../../tools/preview/server';

const ROOT = path.join(__dirname, '..', '..');
let dir: string;
let server: PreviewServer | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'map-preview-server-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

function start(options: Partial<PreviewOptions> = {}): Promise<PreviewServer> {
  return startPreview({ root: ROOT, file: path.join(dir, 'plan.md'), port: 0, previewDir: path.join(dir, '.preview'), cwd: dir, quiet: true, ...options });
}

async function post(url: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<{ status: number; error: string }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const json = (await response.json()) as { error?: string };
  return { status: response.status, error: json.error ?? '' };
}

/** A port something else is listening on. */
async function busyPort(): Promise<{ port: number; close(): Promise<void> }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  return { port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('malformed API requests get a 400 with a message, and the server stays up', () => {
  test.each([
    ['/api/run', '{"name": "previewMap", "args": [', 400, 'Malformed JSON'],
    ['/api/run', '{"name": "previewMap()", "args": []}', 400, 'Bad request at name: a function name'],
    ['/api/run', '{"name": "previewMap"}', 400, 'Bad request at args'],
    ['/api/edit', '{"op": "explode"}', 400, 'Bad request at op'],
    ['/api/edit', '{"op": "text", "id": "e999", "base": "", "text": "x", "chips": []}', 409, 'has changed since the page showed it'],
    ['/api/cursor', '{"id": "e1", "offset": -1}', 400, 'Bad request at offset'],
    ['/api/dialog', '{"id": 1, "button": "OK", "text": ""}', 409, 'no longer open'],
  ])('POST %s %s', async (route, body, status, message) => {
    server = await start();
    const answer = await post(new URL(route, server.url).href, body);
    expect(answer.status).toBe(status);
    expect(answer.error).toContain(message);
    expect((await fetch(new URL('/api/document', server.url))).status).toBe(200);
  });

  test('not JSON, wrong method, unknown path, another site', async () => {
    server = await start();
    expect((await post(new URL('/api/run', server.url).href, 'name=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await fetch(new URL('/api/run', server.url))).status).toBe(405);
    expect((await fetch(new URL('/nothing-here', server.url))).status).toBe(404);
    const foreign = await post(new URL('/api/run', server.url).href, '{"name":"getSidebarState","args":[]}', { 'Content-Type': 'application/json', Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  test('a server function that throws comes back as a failure, not an HTTP error', async () => {
    server = await start();
    const response = await fetch(new URL('/api/run', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"noSuchFunction","args":[]}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: { name: 'TypeError', message: 'google.script.run.noSuchFunction is not a function' } });
  });
});

describe('a port in use', () => {
  test('a port the person chose: a clear error (the command line exits with 1)', async () => {
    const busy = await busyPort();
    try {
      await expect(start({ port: busy.port, strictPort: true })).rejects.toThrow(new PreviewError(`Port ${busy.port} is in use. Stop whatever uses it, or choose another port: npm start -- --port ${busy.port + 1}`));
    } finally {
      await busy.close();
    }
  });

  test('the default port: the next free one, and the console says which', async () => {
    const busy = await busyPort();
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      server = await start({ port: busy.port, quiet: false });
      expect(server.port).toBeGreaterThan(busy.port);
      expect(lines).toContain(`Port ${busy.port} is in use; using ${server.port} instead.`);
    } finally {
      log.mockRestore();
      await busy.close();
    }
  });

  test('npm start -- --port N on a taken port prints why and exits with 1', async () => {
    const bundle = path.join(dir, 'preview.cjs');
    await build({ entryPoints: [path.join(ROOT, 'tools/preview/server.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: bundle, logLevel: 'silent', nodePaths: [path.join(ROOT, 'node_modules')] });
    const busy = await busyPort();
    try {
      const child = spawn(process.execPath, [bundle, '--port', String(busy.port), '--preview-dir', path.join(dir, '.preview')], { cwd: ROOT, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${busy.port} is in use.`);
    } finally {
      await busy.close();
    }
  });
});

describe('a file that cannot be read', () => {
  test('binary content: an empty document with a banner, saved elsewhere, and the file left alone', async () => {
    const file = path.join(dir, 'plan.md');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
    writeFileSync(file, bytes);
    const errors: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void errors.push(line));
    try {
      server = await start({ quiet: false });
    } finally {
      log.mockRestore();
    }
    expect(errors.join('\n')).toContain('Could not open plan.md: it is not a text file.');
    const view = (await (await fetch(new URL('/api/document', server.url))).json()) as { notice: string; file: string; blocks: { id: string }[] };
    expect(view.notice).toContain('Could not open plan.md: it is not a text file.');
    expect(view.file).toMatch(/^\.preview\/recovered-.*plan\.md$/);

    // Editing the empty document writes the recovery file, never the unreadable one.
    const edit = await post(new URL('/api/edit', server.url).href, JSON.stringify({ op: 'text', id: view.blocks[0]?.id, base: '', text: 'Notes', chips: [] }));
    expect(edit.status).toBe(200);
    expect(readFileSync(file)).toEqual(bytes);
    expect(readFileSync(path.join(dir, view.file), 'utf8')).toBe('Notes\n');
  });

  test('a folder where the file should be', async () => {
    mkdirSync(path.join(dir, 'plan.md'));
    server = await start();
    const view = (await (await fetch(new URL('/api/document', server.url))).json()) as { notice: string };
    expect(view.notice).toContain('it is a folder, not a file');
  });

  test('no file given: the last document opened comes back', async () => {
    writeFileSync(path.join(dir, 'plan.md'), '# Kept\n');
    server = await start();
    await server.close();
    server = await start({ file: null });
    const view = (await (await fetch(new URL('/api/document', server.url))).json()) as { file: string; blocks: { text: string }[] };
    expect(view.file).toBe('plan.md');
    expect(view.blocks[0]?.text).toBe('Kept');
  });
});
