import { Alert, Button, Card, Flex, Form, Input, InputNumber, Modal, Pagination, Space, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CollectiveRosterView, MediationView, RosterCheck } from '../../../../src/api';
import { COLLECTIVE_MAX_REPRESENTATIVES, COLLECTIVE_MIN_REPRESENTATIVES, COLLECTIVE_MIN_WORKERS, checkYuanText, fenToYuanText, formatFen } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { DateItem } from '../../components/DateField';
import { showFieldErrors } from '../../lib/form-errors';

const PAGE = 50;

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/**
 * The roster of a collective case (issue 16 item 6): template download, XLSX import checked row by row before anything
 * is written, the roster a page at a time with ID numbers masked, the 3 to 5 elected representatives, and per-worker
 * results for the award or the mediation agreement (the annex of the document).
 */
export function RosterPanel({ caseId, canManage, canDecide, onChange }: { caseId: string; canManage: boolean; canDecide: boolean; onChange: () => void }) {
  const [v, setV] = useState<CollectiveRosterView | null>(null);
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const [check, setCheck] = useState<RosterCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ id: string; name: string }[]>([]);
  const [repsOpen, setRepsOpen] = useState(false);
  const [edit, setEdit] = useState<{ id: string; name: string; fen: number } | null>(null);
  const [claimsOf, setClaimsOf] = useState<{ id: string; name: string } | null>(null);
  const [mediations, setMediations] = useState<MediationView[]>([]);
  const file = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    const r = await api('collective.roster', { caseId, query, limit: PAGE, offset: (page - 1) * PAGE });
    if (r.ok) setV(r.value);
    else setError(r.error.message);
    const o = await api('cases.outcomes', { id: caseId });
    if (o.ok) setMediations(o.value.mediations.filter((m) => m.stage === 'in_arbitration' && m.outcome === 'success' && !m.statementId));
  }, [caseId, query, page]);
  useEffect(() => void load(), [load]);

  const after = (r: { ok: true; value: CollectiveRosterView } | { ok: false; error: { message: string } }) => {
    if (!r.ok) return setError(r.error.message);
    setError(null);
    void load();
    onChange();
  };
  const template = async () => {
    const r = await api('collective.template', {});
    if (!r.ok) return setError(r.error.message);
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  const choose = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    setCheck(null);
    const r = await api('collective.parseRoster', { caseId, base64: await toBase64(f) });
    setBusy(false);
    if (file.current) file.current.value = '';
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCheck(r.value);
  };
  const doImport = async () => {
    if (!check) return;
    setBusy(true);
    const r = await api('collective.importRoster', { caseId, rows: check.rows });
    setBusy(false);
    if (r.ok) setCheck(null);
    after(r);
  };
  const fill = async (kind: 'award' | 'mediation', mediationId?: string) => after(await api('collective.results', { caseId, kind, fillFromClaims: true, ...(mediationId ? { mediationId } : {}) }));

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="roster"
      title={v ? `劳动者名册（集体争议）：${v.workers} 人，请求金额合计 ${formatFen(v.claimedFen)}` : '劳动者名册（集体争议）'}
      extra={<Space>
        <Button size="small" onClick={() => void template()}>下载名册模板</Button>
        {canManage && <Button size="small" type="primary" loading={busy} onClick={() => file.current?.click()}>{v?.workers ? '更换名册…' : '导入名册…'}</Button>}
        <input ref={file} type="file" accept=".xlsx" hidden data-testid="roster-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </Space>}
    >
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="roster-error" />}
      {check && check.errors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="roster-check-errors"
          title={`名册有 ${check.errors.length} 处错误，未导入任何一行。请在 Excel 中改正后重新选择文件：`}
          description={<ul style={{ margin: 0, paddingLeft: 18, maxHeight: 220, overflow: 'auto' }}>{check.errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>} />
      )}
      {check && check.errors.length === 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="roster-check-ok"
          title={`检查通过：${check.rows.length} 名劳动者，欠付金额合计 ${formatFen(check.totalFen)}。${v?.workers ? `确认后将替换现有名册（${v.workers} 人）及其代表和逐人结果。` : ''}`}
          action={<Space><Button size="small" onClick={() => setCheck(null)}>取消</Button><Button size="small" type="primary" loading={busy} onClick={() => void doImport()}>确认导入 {check.rows.length} 人</Button></Space>} />
      )}
      {v && v.workers === 0 && !check && <p className="muted">尚未导入名册。集体争议须有{COLLECTIVE_MIN_WORKERS}人以上劳动者（《劳动争议调解仲裁法》第七条）；请下载模板，逐行填写劳动者后导入。</p>}
      {v && v.workers > 0 && (
        <>
          <div style={{ marginBottom: 8 }} data-testid="roster-summary">
            统计人数 {v.countedWorkers} 人；逐人裁决结果 {v.awardResults.count}/{v.workers} 人（合计 {formatFen(v.awardResults.totalFen)}）
            {v.mediationResults.count > 0 && `；逐人调解金额 ${v.mediationResults.count}/${v.workers} 人（合计 ${formatFen(v.mediationResults.totalFen)}）`}
          </div>
          <div style={{ marginBottom: 8 }} data-testid="representatives">
            推举的代表（《劳动人事争议仲裁办案规则》第六十三条，{COLLECTIVE_MIN_REPRESENTATIVES}至{COLLECTIVE_MAX_REPRESENTATIVES}名）：
            {v.representatives.length ? v.representatives.map((r) => <Tag key={r.workerId} color="red">{r.seq}. {r.name}</Tag>) : <span className="muted">尚未登记</span>}
            {v.representatives[0] && <span className="muted">推举日期 {v.representatives[0].electedDate}；授权：{v.representatives[0].authorisation}</span>}
          </div>
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <Input.Search allowClear placeholder="按姓名、岗位或身份证号查找" style={{ width: 260 }} aria-label="查找劳动者" onSearch={(q) => { setQuery(q); setPage(1); }} />
            {canManage && <Button size="small" disabled={selected.length < COLLECTIVE_MIN_REPRESENTATIVES || selected.length > COLLECTIVE_MAX_REPRESENTATIVES} onClick={() => setRepsOpen(true)}>
              登记所选 {selected.length} 人为推举的代表
            </Button>}
            {canDecide && <Button size="small" onClick={() => void fill('award')}>逐人裁决：按请求金额填入</Button>}
            {canDecide && mediations.map((m) => <Button key={m.id} size="small" onClick={() => void fill('mediation', m.id)}>逐人调解金额：按请求金额填入（{m.outcomeDate}）</Button>)}
          </Flex>
          <table className="desk-table" data-testid="roster-table">
            <thead><tr><th /><th>序号</th><th>姓名</th><th>公民身份号码</th><th>岗位</th><th>工作期间</th><th>请求事项</th><th style={{ textAlign: 'right' }}>请求金额</th><th style={{ textAlign: 'right' }}>裁决金额</th><th style={{ textAlign: 'right' }}>调解金额</th></tr></thead>
            <tbody>
              {v.items.map((w) => (
                <tr key={w.id} style={{ cursor: 'default' }}>
                  <td><input type="checkbox" aria-label={`选择${w.name}`} checked={selected.some((s) => s.id === w.id)}
                    onChange={(e) => setSelected((s) => (e.target.checked ? [...s, { id: w.id, name: w.name }] : s.filter((x) => x.id !== w.id)))} /></td>
                  <td>{w.seq}</td><td>{w.name}{w.representative && <Tag color="red" style={{ marginLeft: 4 }}>代表</Tag>}</td>
                  <td style={{ fontFamily: 'monospace' }}>{w.idNumberMasked}</td><td>{w.job}</td><td>{w.period}</td><td>{w.claimItems}</td>
                  <td style={{ textAlign: 'right' }}>
                    {formatFen(w.claimedFen)}
                    {canManage && <Button size="small" type="link" aria-label={`修改${w.name}的请求`} onClick={() => setClaimsOf({ id: w.id, name: w.name })}>改</Button>}
                  </td>
                  <td style={{ textAlign: 'right' }}>
                    {w.awardFen !== null ? formatFen(w.awardFen) : '—'}
                    {canDecide && <Button size="small" type="link" onClick={() => setEdit({ id: w.id, name: w.name, fen: w.awardFen ?? w.claimedFen })}>改</Button>}
                  </td>
                  <td style={{ textAlign: 'right' }}>{w.mediationFen !== null ? formatFen(w.mediationFen) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination size="small" style={{ marginTop: 8 }} current={page} pageSize={PAGE} total={v.total} showSizeChanger={false} onChange={setPage}
            showTotal={(n) => `共 ${n} 人`} />
        </>
      )}
      <Modal title="登记推举的代表" open={repsOpen} onCancel={() => setRepsOpen(false)} okText="登记" destroyOnHidden
        onOk={() => form.validateFields().then(async (f: { electedDate: string; authorisation: string }) => {
          const r = await api('collective.representatives', { caseId, workerIds: selected.map((s) => s.id), electedDate: f.electedDate, authorisation: f.authorisation });
          if (r.ok) { setRepsOpen(false); setSelected([]); }
          after(r);
        })}>
        <p>代表：{selected.map((s) => s.name).join('、')}（代表人参加仲裁的行为对其所代表的劳动者发生效力；变更、放弃仲裁请求或承认对方请求、进行和解，须经被代表的劳动者同意，《劳动人事争议仲裁办案规则》第六十三条）</p>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ electedDate: today() }}>
          <DateItem name="electedDate" label="推举日期" requiredMessage="请填写推举日期" />
          <Form.Item name="authorisation" label="授权情况" rules={[{ required: true, message: '请填写授权情况（推举书、授权委托书及权限）' }]}>
            <Input.TextArea rows={2} placeholder="如：全体劳动者签名的推举书及授权委托书，特别授权" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title={`修改裁决金额：${edit?.name ?? ''}`} open={!!edit} onCancel={() => setEdit(null)} okText="保存" destroyOnHidden
        onOk={async () => {
          if (!edit) return;
          const r = await api('collective.results', { caseId, kind: 'award', results: [{ workerId: edit.id, amountFen: edit.fen }] });
          if (r.ok) setEdit(null);
          after(r);
        }}>
        <InputNumber aria-label="裁决金额（元）" min={0} precision={2} style={{ width: 200 }} value={edit ? edit.fen / 100 : 0}
          onChange={(x) => edit && setEdit({ ...edit, fen: Math.round(Number(x ?? 0) * 100) })} addonAfter="元" />
      </Modal>
      {claimsOf && <ClaimsDialog caseId={caseId} worker={claimsOf} onClose={() => setClaimsOf(null)} onSaved={() => { setClaimsOf(null); setError(null); void load(); onChange(); }} />}
    </Card>
  );
}

const yuanRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (v === undefined || String(v).trim() === '') return Promise.reject(new Error('请填写金额'));
    const r = checkYuanText(String(v));
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
  },
};

/** One worker's claim items and amounts (issue 16): 1 to 10 items, the total shown as they are typed. */
function ClaimsDialog({ caseId, worker, onClose, onSaved }: { caseId: string; worker: { id: string; name: string }; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = Form.useWatch('items', form) as { item?: string; amount?: string }[] | undefined;
  useEffect(() => {
    void api('collective.workerClaims', { caseId, workerId: worker.id }).then((r) => {
      if (r.ok) form.setFieldsValue({ items: r.value.items.map((i) => ({ item: i.item, amount: fenToYuanText(i.amountFen) })) });
      else setError(r.error.message);
    });
  }, [caseId, worker.id, form]);
  const amounts = (items ?? []).map((i) => checkYuanText(String(i?.amount ?? '')));
  const total = amounts.every((a) => a.ok) ? amounts.reduce((n, a) => n + (a as { fen: number }).fen, 0) : null;
  const save = async () => {
    setError(null);
    let f: { items: { item: string; amount: string }[] };
    try { f = await form.validateFields(); } catch { return; }
    setBusy(true);
    const r = await api('collective.editClaims', { caseId, workerId: worker.id, items: f.items.map((i) => ({ item: i.item, amountFen: (checkYuanText(i.amount) as { fen: number }).fen })) });
    setBusy(false);
    if (!r.ok) { if (!showFieldErrors(form, r.error, { amountFen: 'amount' })) setError(r.error.message); return; }
    onSaved();
  };
  return (
    <Modal open title={`修改请求事项和金额：${worker.name}`} width={640} onCancel={onClose} onOk={save} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" data-testid="claims-form">
        <Form.List name="items" rules={[{ validator: (_, v) => (v?.length ? Promise.resolve() : Promise.reject(new Error('请至少填写一项请求'))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'item']} label={i === 0 ? '请求事项' : undefined} style={{ flex: 1, marginBottom: 8 }}
                    rules={[{ required: true, whitespace: true, message: '请填写请求事项' }, { max: 100, message: '请求事项不能超过100个字' }]}>
                    <Input aria-label={`第${i + 1}项请求事项`} placeholder="如 支付2026年6月至9月工资" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} label={i === 0 ? '金额（元）' : undefined} style={{ width: 170, marginBottom: 8 }} rules={[yuanRule]}>
                    <Input aria-label={`第${i + 1}项金额（元）`} />
                  </Form.Item>
                  <Button size="small" style={{ marginTop: i === 0 ? 30 : 4 }} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={`删除第${i + 1}项`}>删除</Button>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Flex justify="space-between" align="center">
                <Button size="small" disabled={fields.length >= 10} onClick={() => add({ item: '', amount: '' })}>添加一项请求</Button>
                <span data-testid="claims-total">请求金额合计：{total === null ? '（请先改正金额）' : formatFen(total)}</span>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
