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
