/** Child process for the concurrent-open test: opens (creating and migrating) the file, then reports its version. */
import { openDatabase, schemaVersion } from '../../src/db/open';

const [file] = process.argv.slice(2);
try {
  const db = await openDatabase(file!);
  process.stdout.write(JSON.stringify({ ok: true, version: schemaVersion(db) }));
  db.close();
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) }));
}
