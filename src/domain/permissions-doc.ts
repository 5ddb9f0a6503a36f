import { ACTION_LABELS, type Action, ROLES, ROLE_LABELS, deny } from './roles';

/**
 * docs/permissions.md, rendered from the code: the role × operation table (issue 12 item 1). A test checks that the
 * file in docs/ equals this output, and another checks every cell against the real dispatcher.
 * `npx tsx scripts/permissions-doc.ts` rewrites the file.
 */
export interface OperationRow {
  name: string;
  doc: string;
  auth: 'public' | 'user';
  action?: Action;
}

/** Operations with a record-level duty on top of the role (src/services/duties.ts). */
export const RECORD_LEVEL_NOTES: Record<string, string> = {
  'documents.issue': '决定书须由本案仲裁庭的仲裁员签发',
  'documents.reissue': '裁决书、调解书、决定书须由本案仲裁庭的仲裁员重新签发',
  'award.issue': '须是本案仲裁庭的仲裁员',
  'mediation.create': '仲裁中的调解须是本案仲裁庭的仲裁员',
  'mediation.addSession': '仲裁中的调解须是本案仲裁庭的仲裁员',
  'mediation.conclude': '仲裁中的调解须是本案仲裁庭的仲裁员',
  'mediation.issueStatement': '调解书须由本案仲裁庭的仲裁员签发',
};

export function renderPermissionsDoc(ops: OperationRow[]): string {
  const settings = { acceptanceReservedToArbitrators: false };
  const head = `| 操作 | 说明 | 职责 | ${ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} | 案件层面的限制 |`;
  const sep = `|${' --- |'.repeat(ROLES.length + 4)}`;
  const rows = ops.map((o) => {
    const cells = ROLES.map((r) => (o.auth === 'public' ? '○' : o.action && deny(r, o.action, settings) === null ? '✓' : '—'));
    const duty = o.auth === 'public' ? '无需登录' : o.action ? `${o.action}（${ACTION_LABELS[o.action]}）` : '已登录';
    return `| \`${o.name}\` | ${o.doc} | ${duty} | ${cells.join(' | ')} | ${RECORD_LEVEL_NOTES[o.name] ?? ''} |`;
  });
  return `# Permission matrix (权限矩阵)

Generated from \`src/domain/roles.ts\` and \`src/api/operations.ts\` by \`npx tsx scripts/permissions-doc.ts\`; do not edit
by hand. \`tests/integration/permissions.test.ts\` checks that this file matches the code and that the real dispatcher
allows exactly the ✓ cells for every operation and role.

Legend: ✓ allowed, — refused with a Chinese reason (FORBIDDEN), ○ no login needed (setup and the login itself).

Principles (issue 12 item 1):

- Documents signed by the tribunal — 裁决书 (LDMAL Art 46), 调解书 (Art 42), the tribunal's 决定书 including 先予执行
  (Art 44) and 裁决书补正 — are issued only by the arbitrators of the case's composed tribunal (Art 31). Clerks issue
  procedural notices and service papers.
- Mediation within arbitration is the tribunal's (Art 42); mediation before arbitration is recorded at the legal-aid desk.
- Legal-aid decisions and assignments are made by the legal-aid centre's staff (Legal Aid Law Art 43), a role of its own,
  not by the duty lawyer, the window staff or the administrator.
- The administrator administers accounts, settings, venues, the work calendar and the duty roster, and does not read or
  handle cases or consultations.
- When the commission setting "仅仲裁员可作出受理或不予受理决定" is on, clerks lose \`case.decideAcceptance\` (shown here off).
- The desk CLI acts as the system actor, outside this matrix (local administrators with file access).

${head}
${sep}
${rows.join('\n')}
`;
}
