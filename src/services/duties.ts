import { AppError } from '../api';
import { type ServiceContext, actor } from './context';
import { loadTribunal } from './proceedings';

/**
 * Record-level duties (issue 12 item 1): what the role matrix (src/domain/roles.ts) cannot see because it depends on
 * the case. Documents signed by the tribunal — 裁决书 (LDMAL Art 46), 调解书 (Art 42) and the tribunal's 决定书,
 * including 先予执行 (Art 44) and 裁决书补正 — and mediation within arbitration (Art 42) belong to the arbitrators of
 * the case's tribunal (Art 31). The desk CLI (system actor) is not a person and is not held to it.
 */
export { TRIBUNAL_SIGNED_KINDS } from '../domain/roles';

export function requireTribunalArbitrator(ctx: ServiceContext, caseId: string, what: string): void {
  if (ctx.session.system) return;
  const me = actor(ctx);
  const t = loadTribunal(ctx.db, caseId);
  if (!t) throw new AppError('INVALID_STATE', '请先组成仲裁庭');
  const arbitrators = [t.presiding.id, ...t.members.map((m) => m.id)];
  if (!arbitrators.includes(me.id)) {
    throw new AppError('FORBIDDEN', `${what}只能由本案仲裁庭的仲裁员办理（《劳动争议调解仲裁法》第三十一条、第四十二条、第四十六条）`);
  }
}
