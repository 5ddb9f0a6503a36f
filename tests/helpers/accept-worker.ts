/** Child process for the numbering test: accepts the given draft ids one by one, as fast as it can. */
import { openDatabase } from '../../src/db/open';
import { SYSTEM_USER, dispatch } from '../../src/services';

const [file, ...ids] = process.argv.slice(2);
const db = await openDatabase(file!);
const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
const out: string[] = [];
for (const id of ids) {
  const r = dispatch(ctx, 'cases.accept', { id, acceptanceDate: '2026-11-21' });
  if (!r.ok) throw new Error(r.error.message);
  out.push((r.value as { caseNumber: string }).caseNumber);
}
process.stdout.write(JSON.stringify(out));
db.close();
