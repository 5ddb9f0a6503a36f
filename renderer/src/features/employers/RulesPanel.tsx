import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DatedSettingView } from '../../../../src/api';
import { checkYuanText, fenToYuanText } from '../../../../src/domain';
import { DateItem } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { showFieldErrors } from '../../lib/form-errors';
import { useSession } from '../../lib/session';

/**
 * Supervision rules (issue 16 item 2–3, 5): grade criteria and visit frequency, warning rules, blacklist periods and the
 * towns list are dated settings. This panel shows the version in force and the history of each, and lets the
 * administrator (settings.manage) add a new version from a date with its basis; earlier versions stay and still apply
 * before that date.
 */

const RULE_KEYS = ['supervision.gradeRules', 'supervision.warningRules', 'supervision.blacklistRules', 'supervision.towns'] as const;
type RuleKey = (typeof RULE_KEYS)[number];
const RULE_TITLES: Record<RuleKey, string> = {
  'supervision.gradeRules': '企业分级标准与巡查频次', 'supervision.warningRules': '欠薪预警规则', 'supervision.blacklistRules': '欠薪失信名单期限', 'supervision.towns': '镇（街道）名单',
};

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN')}元`;
const SIGNALS = [
  ['disputes', '案件及咨询（件）', (n: number) => `案件及咨询${n}件`],
  ['arrearsClaims', '欠薪诉求（件）', (n: number) => `欠薪诉求${n}件`],
  ['arrearsWorkers', '涉及欠薪劳动者（人）', (n: number) => `涉及欠薪劳动者${n}人`],
  ['arrearsFen', '涉及欠薪金额（元）', (n: number) => `欠薪金额${yuan(n)}`],
  ['collective', '集体争议（件）', (n: number) => `集体争议${n}件`],
  ['unpaid', '裁决或调解协议未履行（件）', (n: number) => `裁决或调解协议未履行${n}件`],
  ['openFindings', '责令整改未完成（项）', (n: number) => `责令整改未完成${n}项`],
  ['overdueFindings', '逾期未整改（项）', (n: number) => `逾期未整改${n}项`],
] as const;
const THRESHOLD_LABELS: Record<string, (n: number) => string> = Object.fromEntries(SIGNALS.map(([k, , f]) => [k, f]));

/** A rule's value in words. */
export function describeRule(key: string, v: unknown): string[] {
  const x = v as Record<string, any>;
  const any = (t: Record<string, number | null>) => Object.entries(t).filter(([, n]) => n !== null).map(([k, n]) => THRESHOLD_LABELS[k]?.(n as number) ?? k).join('、') || '（不设标准）';
  switch (key) {
    case 'supervision.gradeRules':
      return [
        `统计期间：${x.windowDays}日`, `隐患企业：达到下列任一标准——${any(x.hazard)}`, `重点企业：达到下列任一标准——${any(x.key)}`,
        `巡查频次：一般企业每${x.visitEveryDays.general}日，重点企业每${x.visitEveryDays.key}日，隐患企业每${x.visitEveryDays.hazard}日`,
      ];
    case 'supervision.warningRules':
      return [
        ...(x.cluster ? [`${x.cluster.withinDays}日内${x.cluster.workers}名以上劳动者反映同一单位欠薪`] : []),
        ...(x.collective ? [`集体欠薪争议（${x.collective.workers}人以上）`] : []),
        ...(x.amount ? [`${x.amount.withinDays}日内反映欠薪金额达到${yuan(x.amount.fen)}`] : []),
        ...(x.festival ? [`建设领域单位春节前${x.festival.daysBefore}日内有欠薪反映（春节：${Object.values(x.festival.springFestival).join('、')}）`] : []),
      ];
    case 'supervision.blacklistRules':
      return [`陈述申辩期限：告知后${x.statementDays}日`, `列入期限：${x.listingYears}年`, `提前移出：清偿欠薪满${x.earlyRemovalMonths}个月后申请`, `作出决定的部门：${x.department}`];
    case 'supervision.towns':
      return [(x as unknown as string[]).join('、')];
    default:
      return [JSON.stringify(v)];
  }
}

/** The rules in force and their history; the administrator adds a new dated version. */
export function RulesPanel() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const [rows, setRows] = useState<DatedSettingView[]>([]);
  const [editing, setEditing] = useState<RuleKey | null>(null);
  const load = useCallback(() => { void api('supervision.rules', {}).then((r) => r.ok && setRows(r.value)); }, []);
  useEffect(load, [load]);
  return (
    <div data-testid="supervision-rules">
      {!isAdmin && <p className="muted">规则由系统管理员修改；每次修改为新的施行版本，原版本保留并继续适用于施行日期之前。</p>}
      {RULE_KEYS.map((key) => {
        const versions = rows.filter((r) => r.key === key).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
        const current = versions.find((r) => r.current);
        return (
          <Card key={key} size="small" style={{ marginBottom: 12 }} data-testid={`rule-${key}`} title={RULE_TITLES[key]}
            extra={isAdmin && current ? <Button size="small" onClick={() => setEditing(key)}>新增施行版本</Button> : null}>
            <Table size="small" rowKey="validFrom" pagination={false} dataSource={versions} data-testid={`rule-history-${key}`}
              columns={[
                { title: '施行日期', dataIndex: 'validFrom', width: 130, render: (d: string, r) => <>{d}{r.current ? <Tag color="green" style={{ marginLeft: 6 }}>现行</Tag> : d > today() ? <Tag color="blue" style={{ marginLeft: 6 }}>待施行</Tag> : <Tag style={{ marginLeft: 6 }}>已被替代</Tag>}</> },
                { title: '内容', render: (_, r) => <ul style={{ margin: 0, paddingLeft: 18 }}>{describeRule(r.key, r.value).map((l) => <li key={l}>{l}</li>)}</ul> },
                { title: '依据', dataIndex: 'basis', width: 260, render: (b: string, r) => <>依据：{b}{!r.stored && <div className="muted">（系统初始设置）</div>}</> },
              ]} />
          </Card>
        );
      })}
      {editing && (
        <RuleEditor ruleKey={editing} current={rows.find((r) => r.key === editing && r.current)!} onClose={() => setEditing(null)} onSaved={(v) => { setRows(v); setEditing(null); }} />
      )}
    </div>
  );
}

type Thresholds = Record<string, number | null>;

/** Form values from a stored rule value (amounts in yuan text, optional parts with a switch). */
function toForm(key: RuleKey, v: any): Record<string, unknown> {
  switch (key) {
    case 'supervision.gradeRules': {
      const t = (x: Thresholds) => ({ ...x, arrearsFen: x.arrearsFen === null ? null : fenToYuanText(x.arrearsFen!) });
      return { value: { ...v, key: t(v.key), hazard: t(v.hazard) } };
    }
    case 'supervision.warningRules':
      return {
        on: { cluster: !!v.cluster, collective: !!v.collective, amount: !!v.amount, festival: !!v.festival },
        value: {
          cluster: v.cluster ?? { workers: 3, withinDays: 7 }, collective: v.collective ?? { workers: 10 },
          amount: v.amount ? { ...v.amount, fen: fenToYuanText(v.amount.fen) } : { fen: '', withinDays: 30 },
          festival: { daysBefore: v.festival?.daysBefore ?? 60 },
        },
        festivalDates: Object.entries((v.festival?.springFestival ?? {}) as Record<string, string>).map(([, date]) => ({ date })),
      };
    case 'supervision.blacklistRules':
      return { value: v };
    case 'supervision.towns':
      return { towns: (v as string[]).join('\n') };
  }
}

/** The rule value from the form (the server checks it again with the same schema). */
function fromForm(key: RuleKey, f: any): unknown {
  const fen = (t: string | null | undefined) => (t === null || t === undefined || String(t).trim() === '' ? null : (checkYuanText(String(t)) as { fen: number }).fen);
  switch (key) {
    case 'supervision.gradeRules': {
      const t = (x: Record<string, any>) => Object.fromEntries(SIGNALS.map(([k]) => [k, k === 'arrearsFen' ? fen(x[k]) : (x[k] ?? null)]));
      return { windowDays: f.value.windowDays, key: t(f.value.key), hazard: t(f.value.hazard), visitEveryDays: f.value.visitEveryDays };
    }
    case 'supervision.warningRules':
      return {
        cluster: f.on.cluster ? f.value.cluster : null,
        collective: f.on.collective ? f.value.collective : null,
        amount: f.on.amount ? { fen: fen(f.value.amount.fen), withinDays: f.value.amount.withinDays } : null,
        festival: f.on.festival ? { daysBefore: f.value.festival.daysBefore, springFestival: Object.fromEntries((f.festivalDates ?? []).filter((d: any) => d?.date).map((d: any) => [d.date.slice(0, 4), d.date])) } : null,
      };
    case 'supervision.blacklistRules':
      return f.value;
    case 'supervision.towns':
      return String(f.towns ?? '').split(/[\n、，,]/).map((s) => s.trim()).filter(Boolean);
  }
}

const yuanRule = { validator: (_: unknown, v: string | null | undefined) => {
  if (v === null || v === undefined || String(v).trim() === '') return Promise.resolve();
  const r = checkYuanText(String(v));
  return r.ok ? (r.fen > 0 ? Promise.resolve() : Promise.reject(new Error('金额应大于0'))) : Promise.reject(new Error(r.message));
} };
const daysField = (name: (string | number)[], label: string, extra?: string) => (
  <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }, { type: 'integer', min: 1, max: 3650, message: `${label}应为1至3650之间的整数` }]}>
    <InputNumber precision={0} style={{ width: 140 }} aria-label={label} />
  </Form.Item>
);

function RuleEditor({ ruleKey, current, onClose, onSaved }: { ruleKey: RuleKey; current: DatedSettingView; onClose: () => void; onSaved: (rows: DatedSettingView[]) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const on = Form.useWatch('on', form) as Record<string, boolean> | undefined;
  useEffect(() => { form.setFieldsValue({ ...toForm(ruleKey, current.value), validFrom: undefined, basis: '' }); }, [form, ruleKey, current]);

  const save = async () => {
    setError(null);
    let f: any;
    try { f = await form.validateFields(); } catch { return; }
    setBusy(true);
    const r = await api('supervision.setRule', { key: ruleKey, validFrom: f.validFrom, basis: f.basis, value: fromForm(ruleKey, f) } as never);
    setBusy(false);
    if (!r.ok) { if (!showFieldErrors(form, r.error)) setError(r.error.issues?.[0]?.message ?? r.error.message); return; }
    message.success(`已新增${RULE_TITLES[ruleKey]}（自${f.validFrom}起施行）`);
    onSaved(r.value);
  };

  return (
    <Modal open title={`新增施行版本：${RULE_TITLES[ruleKey]}`} width={820} onCancel={onClose} onOk={save} okText="保存新版本" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <p className="muted">以现行版本（自{current.validFrom}起施行）为底稿修改。新版本自施行日期起适用，之前的日期仍按原版本。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" data-testid="rule-editor">
        <Flex gap={12}>
          <DateItem name="validFrom" label="施行日期" requiredMessage="请填写施行日期" />
          <Form.Item name="basis" label="依据（文件名称、文号）" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写依据' }, { max: 300, message: '依据不能超过300个字' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Flex>
        {ruleKey === 'supervision.gradeRules' && (
          <>
            {daysField(['value', 'windowDays'], '统计期间（日）', '统计评级日之前多少日内的案件、咨询等')}
            <table className="rule-grid" style={{ width: '100%', marginBottom: 12 }}>
              <thead><tr><th style={{ textAlign: 'left' }}>信号（达到任一标准即评为该级；不填表示不以此评级）</th><th>重点企业标准</th><th>隐患企业标准</th></tr></thead>
              <tbody>
                {SIGNALS.map(([k, label]) => (
                  <tr key={k}>
                    <td>{label}</td>
                    {(['key', 'hazard'] as const).map((g) => (
                      <td key={g}>
                        <Form.Item name={['value', g, k]} style={{ marginBottom: 4 }}
                          rules={k === 'arrearsFen' ? [yuanRule] : [{ type: 'integer', min: 1, message: '标准应为不小于1的整数' }]}>
                          {k === 'arrearsFen'
                            ? <Input style={{ width: 140 }} aria-label={`${g === 'key' ? '重点企业' : '隐患企业'}：${label}`} placeholder="不适用" />
                            : <InputNumber precision={0} style={{ width: 140 }} aria-label={`${g === 'key' ? '重点企业' : '隐患企业'}：${label}`} placeholder="不适用" />}
                        </Form.Item>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <Flex gap={12}>
              {daysField(['value', 'visitEveryDays', 'general'], '一般企业巡查间隔（日）')}
              {daysField(['value', 'visitEveryDays', 'key'], '重点企业巡查间隔（日）')}
              {daysField(['value', 'visitEveryDays', 'hazard'], '隐患企业巡查间隔（日）')}
            </Flex>
          </>
        )}
        {ruleKey === 'supervision.warningRules' && (
          <>
            <Flex gap={12} align="center">
              <Form.Item name={['on', 'cluster']} valuePropName="checked" label="集中反映"><Switch aria-label="启用集中反映预警" /></Form.Item>
              {on?.cluster && <>{daysField(['value', 'cluster', 'withinDays'], '集中反映期间（日）')}
                <Form.Item name={['value', 'cluster', 'workers']} label="集中反映人数" rules={[{ required: true, message: '请填写集中反映人数' }, { type: 'integer', min: 2, message: '人数至少为2' }]}><InputNumber precision={0} aria-label="集中反映人数" /></Form.Item></>}
            </Flex>
            <Flex gap={12} align="center">
              <Form.Item name={['on', 'collective']} valuePropName="checked" label="集体争议"><Switch aria-label="启用集体争议预警" /></Form.Item>
              {on?.collective && <Form.Item name={['value', 'collective', 'workers']} label="集体争议人数（《劳动人事争议仲裁办案规则》第六十二条：十人以上）" rules={[{ required: true, message: '请填写集体争议人数' }, { type: 'integer', min: 2, message: '人数至少为2' }]}><InputNumber precision={0} aria-label="集体争议人数" /></Form.Item>}
            </Flex>
            <Flex gap={12} align="center">
              <Form.Item name={['on', 'amount']} valuePropName="checked" label="金额较大"><Switch aria-label="启用金额预警" /></Form.Item>
              {on?.amount && <>{daysField(['value', 'amount', 'withinDays'], '金额统计期间（日）')}
                <Form.Item name={['value', 'amount', 'fen']} label="预警金额（元）" rules={[{ required: true, message: '请填写预警金额' }, yuanRule]}><Input aria-label="预警金额（元）" style={{ width: 160 }} /></Form.Item></>}
            </Flex>
            <Flex gap={12} align="start">
              <Form.Item name={['on', 'festival']} valuePropName="checked" label="春节前建设领域"><Switch aria-label="启用春节前预警" /></Form.Item>
              {on?.festival && (
                <>
                  {daysField(['value', 'festival', 'daysBefore'], '春节前天数')}
                  <Form.List name="festivalDates">
                    {(fields, { add, remove }) => (
                      <div>
                        <div style={{ marginBottom: 8 }}>各年春节日期</div>
                        {fields.map((fd) => (
                          <Flex key={fd.key} gap={6}>
                            <DateItem name={[fd.name, 'date']} requiredMessage="请填写春节日期" fieldProps={{ 'aria-label': `春节日期${fd.name + 1}` }} style={{ marginBottom: 4 }} />
                            <Button size="small" onClick={() => remove(fd.name)}>删除</Button>
                          </Flex>
                        ))}
                        <Button size="small" onClick={() => add({})}>添加年份</Button>
                      </div>
                    )}
                  </Form.List>
                </>
              )}
            </Flex>
          </>
        )}
        {ruleKey === 'supervision.blacklistRules' && (
          <>
            <Flex gap={12}>
              {daysField(['value', 'statementDays'], '陈述申辩期限（日）')}
              <Form.Item name={['value', 'listingYears']} label="列入期限（年）" rules={[{ required: true, message: '请填写列入期限' }, { type: 'integer', min: 1, max: 10, message: '列入期限应为1至10年' }]}><InputNumber precision={0} aria-label="列入期限（年）" /></Form.Item>
              <Form.Item name={['value', 'earlyRemovalMonths']} label="清偿后可申请提前移出（月）" rules={[{ required: true, message: '请填写月数' }, { type: 'integer', min: 1, max: 60, message: '月数应为1至60' }]}><InputNumber precision={0} aria-label="清偿后可申请提前移出（月）" /></Form.Item>
            </Flex>
            <Form.Item name={['value', 'department']} label="作出决定的部门" rules={[{ required: true, whitespace: true, message: '请填写作出决定的部门' }]}><Input /></Form.Item>
          </>
        )}
        {ruleKey === 'supervision.towns' && (
          <Form.Item name="towns" label="镇（街道），每行一个" rules={[{ required: true, whitespace: true, message: '请至少填写一个镇（街道）' }]}><Input.TextArea rows={8} /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}
