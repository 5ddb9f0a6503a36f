/**
 * The first preview after start, in a fresh process (run by bench/documents.ts, once per mode):
 *  cold — the clerk's first preview pays for parsing the faces and the first layout;
 *  warm — the app warmed the renderers in the background at start (warmDocuments, as electron/main and the browser
 *         preview do), and the clerk's first click comes after that finished.
 * Prints {"ms": wall time, "cpuMs": CPU time of this process} of the documents.preview call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseDetail } from '../src/api';
import { openDatabase } from '../src/db/open';
import { SYSTEM_USER, dispatch, dispatchAsync, warmDocuments } from '../src/services';
import { sampleDraft } from '../tests/helpers/fixtures';

const mode = process.argv[2] === 'warm' ? 'warm' : 'cold';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-first-'));
const db = await openDatabase(path.join(dir, 'first.sqlite'));
const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
const today = new Date().toISOString().slice(0, 10);
const d = dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: today }));
if (!d.ok) throw new Error(d.error.message);
const a = dispatch(ctx, 'cases.accept', { id: (d.value as CaseDetail).id, acceptanceDate: today });
if (!a.ok) throw new Error(a.error.message);
if (mode === 'warm') await warmDocuments(db);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await dispatchAsync(ctx, 'documents.preview', { caseId: (a.value as CaseDetail).id, kind: 'acceptance_notice', issuedDate: today });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (!r.ok) throw new Error(r.error.message);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
