/** The preview's save format: Markdown plus a sidecar brings back what the Markdown export loses. No browser needed. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GoogleEmulation } from '../../emulation';
import { documentFromMarkdown } from '../../emulation/document';
import { openDocument, restore, save, serialize, sidecarPath } from '../../tools/preview/storage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'map-preview-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = [
  '# Mutual Action Plan: Acme \\+ Globex',
  '',
  '| **Step** | **Owner** | **Due date** | **Status** |',
  '| :---- | :---- | :---- | :---- |',
  '| Security review | [Ana Ruiz](mailto:ana@example.com) | Dec 12, 2025 | Blocked |',
  '| Pilot | Both | TBD | Pending |',
  '',
  'Notes from the call.',
  '',
].join('\n');

function environment(markdown: string, properties: Record<string, string> = {}): GoogleEmulation {
  return new GoogleEmulation({ document: (ctx) => documentFromMarkdown(markdown, ctx, { name: 'plan' }), properties: { document: properties } });
}

test('colours, a date chip, a Title, a coloured word, a named range and the document properties survive a save and a reopen', () => {
  const file = path.join(dir, 'plan.md');
  const previewDir = path.join(dir, '.preview');
  const env = environment(PLAN);
  const doc = env.document;
  const body = doc.getBody();
  const table = body.getTables()[0]!;
  table.getCell(1, 3).setBackgroundColor('#FAD2CF');
  table.setColumnWidth(0, 160);
  // A prospect's date chip in the Due date cell (DocumentApp cannot make one; the emulation's plumbing can).
  const due = table.getCell(1, 2).getChild(0).asParagraph();
  due.clear();
  doc._appendDateChip(due, { timestamp: new Date('2025-12-12T12:00:00Z') });
  const title = body.getParagraphs()[0]!;
  title.setHeading('TITLE' as unknown as GoogleAppsScript.Document.ParagraphHeading);
  doc.addNamedRange('map.plan', doc.newRange().addElement(title).build());
  body.getParagraphs().at(-1)!.editAsText().setForegroundColor(0, 4, '#d93025');
  env.properties.document.entries.set('map.settings', '{"version":1}');
  const before = doc._snapshot();
  save(serialize(doc, env, file), env, file, previewDir);

  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toContain('| Security review | [Ana Ruiz](mailto:ana@example.com) | Dec 12, 2025 | Blocked |');
  const opened = openDocument('plan.md', { previewDir, cwd: dir });
  expect(opened.sidecar?.tables[0]?.backgrounds[1]).toEqual([null, null, null, '#fad2cf']);
  expect(opened.properties.document).toEqual({ 'map.settings': '{"version":1}' });

  const again = environment(opened.markdown ?? '', opened.properties.document);
  expect(restore(again.document, opened.markdown ?? '', opened.sidecar!)).toEqual([]);
  expect(again.document._snapshot()).toEqual(before);
  expect(again.document.getBody().getTables()[0]!.getColumnWidth(0)).toBe(160);
  const ranges = again.document.getNamedRanges('map.plan');
  expect(ranges).toHaveLength(1);
  expect(ranges[0]!.getRange().getRangeElements()[0]!.getElement().asParagraph().getText()).toBe('Mutual Action Plan: Acme + Globex');
});

test('a Markdown file changed outside the preview keeps its text; the stale sidecar is not laid over it', () => {
  const file = path.join(dir, 'plan.md');
  const previewDir = path.join(dir, '.preview');
  const env = environment(PLAN);
  env.document.getBody().getTables()[0]!.getCell(1, 3).setBackgroundColor('#fad2cf');
  save(serialize(env.document, env, file), env, file, previewDir);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Security review', 'Security review (InfoSec)'));

  const opened = openDocument(file, { previewDir, cwd: dir });
  const again = environment(opened.markdown ?? '');
  const problems = restore(again.document, opened.markdown ?? '', opened.sidecar!);
  expect(problems[0]).toContain('changed outside the preview');
  expect(again.document._snapshot().find((b) => b.kind === 'table')).toMatchObject({ rows: [expect.anything(), [{ text: 'Security review (InfoSec)' }, {}, {}, { backgroundColor: null }], expect.anything()] });
  expect(sidecarPath(previewDir, file)).toMatch(/\.preview\/sidecars\/plan\.md-[0-9a-f]{16}\.json$/);
});
