import { Alert, Flex, Input, Pagination, Select, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { MediationListItem, RegisterItem } from '../../../../src/api';
import { DOCUMENT_KINDS, MEDIATION_OUTCOMES, MEDIATION_STAGES, formatFen, isCalendarDate, type DocumentKind, type MediationOutcome, type MediationStage } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { go } from '../../lib/router';
import { ExportButton } from './ExportButton';
import { ImportedTag } from './ImportedTag';
import { MediationReviewPanel } from '../aid/MediationReviewPanel';
import { useSession } from '../../lib/session';

const PAGE = 50;
const yearStart = () => `${today().slice(0, 4)}-01-01`;

/** Date range typed as text; the filter changes only when both ends are valid dates. */
function useRange() {
  const [text, setText] = useState<{ from?: string; to?: string }>({ from: yearStart(), to: today() });
  const [range, setRange] = useState({ from: yearStart(), to: today() });
  const set = (k: 'from' | 'to', v: string | undefined) => {
    const next = { ...text, [k]: v };
    setText(next);
    if (next.from && next.to && isCalendarDate(next.from) && isCalendarDate(next.to)) setRange({ from: next.from, to: next.to });
  };
  const fields = (label: string) => (
    <Flex gap={4} align="start">
      <span style={{ paddingTop: 5 }}>{label}</span>
      <DateField showError value={text.from} onChange={(v) => set('from', v)} style={{ width: 130 }} aria-label={`${label}起`} />
      <span style={{ paddingTop: 5 }}>至</span>
      <DateField showError value={text.to} onChange={(v) => set('to', v)} style={{ width: 130 }} aria-label={`${label}止`} />
    </Flex>
  );
  return { range, fields };
}

function MediationList() {
  const { range, fields } = useRange();
  const [stage, setStage] = useState<MediationStage>();
  const [outcome, setOutcome] = useState<MediationOutcome>();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<MediationListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const filter = { ...range, ...(stage ? { stage } : {}), ...(outcome ? { outcome } : {}), ...(query.trim() ? { query: query.trim() } : {}) };
  const key = JSON.stringify(filter);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    void api('mediations.list', { ...filter, limit: PAGE, offset: (page - 1) * PAGE }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setRows(r.value.items);
      setTotal(r.value.total);
    });
  }, [key, page]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="start">
        {fields('收案日期')}
        <Select allowClear placeholder="全部阶段" value={stage} onChange={setStage} style={{ width: 170 }} aria-label="调解阶段" options={(Object.keys(MEDIATION_STAGES) as MediationStage[]).map((k) => ({ value: k, label: MEDIATION_STAGES[k] }))} />
        <Select allowClear placeholder="全部结果" value={outcome} onChange={setOutcome} style={{ width: 140 }} aria-label="调解结果" options={(Object.keys(MEDIATION_OUTCOMES) as MediationOutcome[]).map((k) => ({ value: k, label: MEDIATION_OUTCOMES[k] }))} />
        <Input.Search allowClear placeholder="搜索：调解组织、当事人、案号" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 260 }} aria-label="搜索调解" />
        <ExportButton op="mediations.export" input={filter} disabled={total === 0} testId="mediations-export" />
        <span className="muted" style={{ paddingTop: 5 }} data-testid="mediation-count">共 {total} 件</span>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <table className="desk-table" data-testid="mediation-table">
        <thead><tr><th>收案日期</th><th>阶段</th><th>调解组织</th><th>案号或调解编号</th><th>申请人</th><th>被申请人</th><th>劳动者</th><th>请求金额</th><th>结果</th></tr></thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} onClick={m.caseId ? () => go(`cases/${m.caseId}`) : undefined}>
              <td>{m.receivedDate}</td><td>{MEDIATION_STAGES[m.stage]}</td><td>{m.organisation}{m.imported && <ImportedTag />}</td><td>{m.caseNumber ?? m.ledgerNumber ?? ''}</td>
              <td>{m.applicantName}</td><td>{m.respondentName}</td><td>{m.workerCount}</td><td className="money">{m.claimedFen === null ? '' : formatFen(m.claimedFen)}</td>
              <td><Tag color={m.outcome === 'success' ? 'green' : m.outcome === 'pending' ? 'gold' : 'default'}>{MEDIATION_OUTCOMES[m.outcome]}</Tag>{m.outcomeDate ?? ''}</td>
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={9} className="muted" style={{ textAlign: 'center', padding: 24 }}>没有符合条件的调解</td></tr>}
        </tbody>
      </table>
      {total > PAGE && <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={PAGE} total={total} onChange={setPage} showSizeChanger={false} />}
    </>
  );
}

function RegisterList() {
  const { range, fields } = useRange();
  const [kind, setKind] = useState<DocumentKind>();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<RegisterItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const filter = { ...range, ...(kind ? { kind } : {}), ...(query.trim() ? { query: query.trim() } : {}) };
  const key = JSON.stringify(filter);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    void api('documents.register', { ...filter, limit: PAGE, offset: (page - 1) * PAGE }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setRows(r.value.items);
      setTotal(r.value.total);
    });
  }, [key, page]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="start">
        {fields('签发日期')}
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部文书" value={kind} onChange={setKind} style={{ width: 200 }} aria-label="文书种类"
          options={(Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((k) => ({ value: k, label: DOCUMENT_KINDS[k] }))} />
        <Input.Search allowClear placeholder="搜索：案号、文号、标题" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} aria-label="搜索文书" />
        <ExportButton op="documents.exportRegister" input={filter} disabled={total === 0} testId="register-export" />
        <span className="muted" style={{ paddingTop: 5 }} data-testid="register-count">共 {total} 份</span>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <table className="desk-table" data-testid="register-table">
        <thead><tr><th>签发日期</th><th>案号</th><th>文书</th><th>标题</th><th>文号</th><th>版本</th><th>状态</th><th>送达记录</th><th>签发人</th></tr></thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} onClick={() => go(`cases/${d.caseId}`)}>
              <td>{d.issuedDate}</td><td>{d.caseNumber ?? '（未受理）'}</td><td>{d.kindLabel}</td><td>{d.title}</td><td>{d.docNumber ?? ''}</td><td>{d.version}</td>
              <td>{d.current ? <Tag color="green">现行</Tag> : <Tag>已重新签发</Tag>}</td><td>{d.serviceRecords}</td><td>{d.issuedBy}</td>
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={9} className="muted" style={{ textAlign: 'center', padding: 24 }}>没有符合条件的文书</td></tr>}
        </tbody>
      </table>
      {total > PAGE && <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={PAGE} total={total} onChange={setPage} showSizeChanger={false} />}
    </>
  );
}

const REVIEW_STATES: Record<NonNullable<MediationListItem['reviewState']> | 'none', { label: string; color: string }> = {
  none: { label: '未申请审查', color: 'default' },
  applied: { label: '待受理', color: 'gold' },
  accepted: { label: '待审查结论', color: 'blue' },
  statement: { label: '已出具调解书', color: 'green' },
  refused: { label: '不予出具调解书', color: 'red' },
};

/**
 * The arbitral review of mediation agreements reached before arbitration (Rules Arts 74–78), where the clerks record the
 * joint application, the acceptance role accepts and designates an arbitrator, and that arbitrator concludes: each row
 * opens the same review panel the legal-aid desk sees on the consultation.
 */
function ReviewList() {
  const { user } = useSession();
  const { range, fields } = useRange();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<MediationListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const filter = { ...range, stage: 'pre_arbitration' as const, outcome: 'success' as const, ...(query.trim() ? { query: query.trim() } : {}) };
  const key = JSON.stringify(filter);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    void api('mediations.list', { ...filter, limit: PAGE, offset: (page - 1) * PAGE }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setRows(r.value.items);
      setTotal(r.value.total);
    });
  }, [key, page, reload]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>仲裁前调解达成的调解协议，双方当事人可以自协议生效之日起十五日内共同向仲裁委员会提出仲裁审查申请（《劳动人事争议仲裁办案规则》第七十四条）。</p>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="start">
        {fields('收案日期')}
        <Input.Search allowClear placeholder="搜索：调解组织、当事人" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} aria-label="搜索调解协议" />
        <span className="muted" style={{ paddingTop: 5 }} data-testid="review-count">共 {total} 件</span>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <table className="desk-table" data-testid="review-table">
        <thead><tr><th>收案日期</th><th>调解组织</th><th>申请人</th><th>被申请人</th><th>达成协议日期</th><th>仲裁审查</th></tr></thead>
        <tbody>
          {rows.flatMap((m) => {
            const st = REVIEW_STATES[m.reviewState ?? 'none'];
            const row = (
              <tr key={m.id} onClick={() => setOpenId(openId === m.id ? null : m.id)} data-testid="review-row" aria-expanded={openId === m.id}>
                <td>{m.receivedDate}</td><td>{m.organisation}{m.imported && <ImportedTag />}</td><td>{m.applicantName}</td><td>{m.respondentName}</td><td>{m.outcomeDate ?? ''}</td>
                <td><Tag color={st.color}>{st.label}</Tag></td>
              </tr>
            );
            if (openId !== m.id) return [row];
            return [row, (
              <tr key={`${m.id}-panel`} className="no-hover">
                <td colSpan={6}><MediationReviewPanel mediationId={m.id} role={user.role} userId={user.id} onChanged={() => setReload((n) => n + 1)} /></td>
              </tr>
            )];
          })}
          {rows.length === 0 && <tr><td colSpan={6} className="muted" style={{ textAlign: 'center', padding: 24 }}>没有达成协议的仲裁前调解</td></tr>}
        </tbody>
      </table>
      {total > PAGE && <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={PAGE} total={total} onChange={setPage} showSizeChanger={false} />}
    </>
  );
}

/** Lists across cases that had no page: mediations (before and within arbitration) and the document register. */
export function RecordListsPage({ tab }: { tab?: string }) {
  return (
    <div>
      <h1 className="page-title">调解与文书登记簿</h1>
      <Tabs activeKey={tab === 'register' || tab === 'reviews' ? tab : 'mediations'} onChange={(k) => go(`lists/${k}`)} destroyOnHidden
        items={[{ key: 'mediations', label: '调解', children: <MediationList /> }, { key: 'reviews', label: '调解协议仲裁审查', children: <ReviewList /> },
          { key: 'register', label: '文书登记簿', children: <RegisterList /> }]} />
    </div>
  );
}
