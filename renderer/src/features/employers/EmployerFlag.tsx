import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { EmployerSummary } from '../../../../src/api';
import { api } from '../../lib/api-client';

const GRADE_COLORS = { general: 'default', key: 'orange', hazard: 'red' } as const;

/** The grade and blacklist flag of an employer (issue 16: a listed employer is flagged wherever it appears). */
export function EmployerTags({ e }: { e: Pick<EmployerSummary, 'grade' | 'gradeLabel' | 'listed'> }) {
  return (
    <>
      {e.grade && <Tag color={GRADE_COLORS[e.grade]} data-testid="employer-grade">{e.gradeLabel}</Tag>}
      {e.listed && <Tag color="#a8071a" data-testid="employer-listed">欠薪失信名单</Tag>}
    </>
  );
}

/** The employer of a case or consultation, linked to its page, with its flags. */
export function EmployerFlag({ caseId, consultationId }: { caseId?: string; consultationId?: string }) {
  const [e, setE] = useState<EmployerSummary | null>(null);
  useEffect(() => {
    void api('employers.lookup', caseId ? { caseId } : { consultationId }).then((r) => r.ok && setE(r.value));
  }, [caseId, consultationId]);
  if (!e) return null;
  return (
    <span data-testid="employer-flag" style={{ marginLeft: 8, fontSize: 14, fontWeight: 400 }}>
      <a href={`#/employers/${e.id}`}>用人单位档案</a> <EmployerTags e={e} />
    </span>
  );
}

/** Under an employer name typed into a form: the registered employer it will be linked to, with its grade and list flag. */
export function EmployerHint({ name, creditCode }: { name?: string; creditCode?: string }) {
  const [e, setE] = useState<EmployerSummary | null>(null);
  useEffect(() => {
    const q = (creditCode?.trim().length === 18 ? creditCode.trim() : name?.trim()) ?? '';
    if (q.length < 2) return setE(null);
    const timer = window.setTimeout(() => {
      void api('employers.list', { query: q, pageSize: 20 }).then((r) => {
        if (!r.ok) return;
        const rows = r.value.rows;
        setE(rows.find((x) => x.creditCode && x.creditCode === creditCode?.trim().toUpperCase()) ?? rows.find((x) => x.name === name?.trim()) ?? (rows.length === 1 ? rows[0]! : null));
      });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [name, creditCode]);
  if (!e) return null;
  return (
    <div data-testid="employer-hint" style={{ marginTop: -12, marginBottom: 12, fontSize: 13 }}>
      已登记的用人单位：<a href={`#/employers/${e.id}`} target="_blank" rel="noreferrer">{e.name}</a>（案件{e.cases}件，咨询{e.consultations}次） <EmployerTags e={e} />
    </div>
  );
}
