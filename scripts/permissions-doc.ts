/** Rewrites docs/permissions.md from the code (see src/domain/permissions-doc.ts). */
import fs from 'node:fs';
import { operations } from '../src/api';
import { renderPermissionsDoc } from '../src/domain/permissions-doc';

const rows = Object.entries(operations).map(([name, s]) => ({ name, doc: s.doc, auth: s.auth, action: 'action' in s ? s.action : undefined }));
fs.writeFileSync('docs/permissions.md', renderPermissionsDoc(rows));
console.log(`docs/permissions.md: ${rows.length} operations`);
