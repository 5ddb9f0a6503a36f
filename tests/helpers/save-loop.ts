/**
 * Child process for the crash test: saves cases in a loop and prints "ACK <id> <n>" after each committed save.
 * The parent kills it with SIGKILL at a random moment.
 */
import { openDatabase } from '../../src/db/open';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { sampleDraft } from './fixtures';

const file = process.argv[2]!;
const db = await openDatabase(file);
const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
for (let n = 0; ; n++) {
  // Each case carries its own claim count (1..5) in its note, so a half-saved case would be visible.
  const k = (n % 5) + 1;
  const claims = Array.from({ length: k }, (_, i) => ({ type: 'wages' as const, amountFen: 1000 + i, text: `工资${i}` }));
  const r = dispatch(ctx, 'cases.saveDraft', sampleDraft({ claims, note: `claims=${k}` }));
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`ACK ${(r.value as { id: string }).id} ${n}\n`);
}
