import { checkCreditCode } from '../domain';
import {
  insertAlias, insertEmployer, selectEmployer, selectEmployerOfCase, selectEmployerByCreditCode, selectEmployersByNameOrAlias, selectSurvivorId, setConsultationEmployer,
  setEmployerCreditCode, setMediationEmployer, setPartyEmployer,
} from '../db/queries/employers';
import { type ServiceContext, newId, nowIso } from './context';
import { reviewEmployer } from './supervision';

/** What a case party, a consultation or a mediation says about its employer. */
export interface EmployerMention {
  name: string | null | undefined;
  creditCode?: string | null;
  alias?: string | null;
}

/**
 * The one place that finds or creates the employer record a party, consultation or mediation refers to (issue 16 item 1),
 * inside the caller's write transaction:
 *   1. a valid unified social credit code finds the record holding it (followed through merges to the survivor);
 *   2. otherwise the exact name (or a recorded alias) finds a surviving record that has no other code; a record found by
 *      name takes the code it lacked;
 *   3. otherwise a new record is created (with the alias, if one was given).
 * Returns null when there is no name to go by.
 */
export function linkEmployer(ctx: ServiceContext, m: EmployerMention): string | null {
  const name = m.name?.trim();
  if (!name) return null;
  const checked = m.creditCode?.trim() ? checkCreditCode(m.creditCode) : null;
  const code = checked?.ok ? checked.value : null;
  const at = nowIso(ctx);
  const by = ctx.session.user?.id ?? null;
  let id: string | null = null;
  if (code) {
    const byCode = selectEmployerByCreditCode(ctx.db, code);
    if (byCode) id = selectSurvivorId(ctx.db, byCode.id) ?? byCode.id;
  }
  if (!id) {
    const byName = selectEmployersByNameOrAlias(ctx.db, name).find((e) => !code || !e.credit_code || e.credit_code === code);
    if (byName) {
      id = byName.id;
      if (code && !byName.credit_code) setEmployerCreditCode(ctx.db, id, code, at, by);
    }
  }
  if (!id) {
    id = newId();
    insertEmployer(ctx.db, { id, credit_code: code, name, created_at: at, created_by: by });
  }
  const alias = m.alias?.trim();
  if (alias && alias !== name && alias !== selectEmployer(ctx.db, id)?.name) insertAlias(ctx.db, id, alias, at);
  return id;
}

/** Links an org party (on filing and on correction); a natural person is never an employer record. */
export function linkPartyEmployer(ctx: ServiceContext, partyId: string, p: { kind: string; name: string; creditCode?: string | null }): string | null {
  const id = p.kind === 'org' ? linkEmployer(ctx, { name: p.name, creditCode: p.creditCode ?? null }) : null;
  setPartyEmployer(ctx.db, partyId, id);
  return id;
}

export function linkConsultationEmployer(ctx: ServiceContext, consultationId: string, m: EmployerMention): string | null {
  const id = linkEmployer(ctx, m);
  setConsultationEmployer(ctx.db, consultationId, id);
  if (id) reviewEmployer(ctx, id); // grade and warnings (issue 16 items 2–3)
  return id;
}

/** After a filing: the case's employer is graded and its warnings raised in the same transaction. */
export function reviewCaseEmployer(ctx: ServiceContext, caseId: string): void {
  const id = selectEmployerOfCase(ctx.db, caseId);
  if (id) reviewEmployer(ctx, id);
}

export function linkMediationEmployer(ctx: ServiceContext, mediationId: string, m: EmployerMention): string | null {
  const id = linkEmployer(ctx, m);
  setMediationEmployer(ctx.db, mediationId, id);
  return id;
}
