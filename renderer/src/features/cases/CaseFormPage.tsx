import { Alert, App, Button, Card, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Venue } from '../../../../src/api';
import { CLAIM_TYPES, CLAIM_TYPE_INFO, type ClaimType, COLLECTIVE_MIN_WORKERS, GROUP_FLAGS, GROUP_FLAG_LABELS, checkYuanText, fenToYuanText, isCalendarDate, shanghaiDate } from '../../../../src/domain';
import { inputIssues } from '../../../../src/api';
import { CalculatorPanel, MONEY_CALCULATORS } from '../calculators/CalculatorPanel';
import { DateItem } from '../../components/DateField';
import { today } from '../../lib/dates';

/** The calculator that fits each kind of claim. */
const CLAIM_CALCULATOR: Partial<Record<ClaimType, string>> = {
  economic_compensation: 'compensation', damages: 'compensation', double_wages: 'double-wage', overtime: 'overtime', annual_leave: 'annual-leave', work_injury: 'disability',
};
import { api } from '../../lib/api-client';
import { formKeys, showAllErrors, useLeaveGuard, useSaveKeys } from '../../lib/form-work';
import { go } from '../../lib/router';
import { PartyFields } from './PartyFields';
import { type DraftValues, fromConsultation, fromDetail, toDraft } from './draft-mapping';

const newPerson = () => ({ kind: 'person', idType: 'resident', agents: [] });
const newOrg = () => ({ kind: 'org', representativeKind: 'legal', agents: [] });
/** API field names that the form calls otherwise. */
const RENAME = { amountFen: 'amountYuan' };

/** New application, or editing a draft: parties, claim items, evidence. Ctrl+S saves. */
export function CaseFormPage({ caseId, consultationId }: { caseId?: string; consultationId?: string }) {
  const [form] = Form.useForm<DraftValues>();
  const { message } = App.useApp();
  const [venues, setVenues] = useState<Venue[]>([]);
  const [loading, setLoading] = useState(Boolean(caseId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const collective = Form.useWatch('collective', form);
  const [fromConsultationLabel, setFromConsultation] = useState<string | null>(null);
  const [converted, setConverted] = useState<{ id: string; label: string } | null>(null);

  useEffect(() => {
    void api('venues.list', {}).then((r) => {
      if (!r.ok) return;
      setVenues(r.value);
      if (!caseId && !form.getFieldValue('venueId')) form.setFieldValue('venueId', r.value[0]?.id);
    });
    if (consultationId) {
      void api('consultations.get', { id: consultationId }).then((r) => {
        if (!r.ok) return setError(r.error.message);
        const made = r.value.cases[0];
        if (made) return setConverted({ id: made.id, label: made.caseNumber ?? '仲裁申请（草稿）' });
        form.setFieldsValue(fromConsultation(r.value, today()));
        setFromConsultation(`${r.value.windowLabel} ${r.value.personName}（${shanghaiDate(new Date(r.value.arrivedAt))}）`);
      });
    }
    if (caseId) {
      void api('cases.get', { id: caseId }).then((r) => {
        setLoading(false);
        if (!r.ok) return setError(r.error.message);
        if (r.value.status !== 'draft') return setError('该申请已作出受理或不予受理决定，不能再修改。');
        form.setFieldsValue(fromDetail(r.value));
      });
    }
  }, [caseId, consultationId, form]);

  const guard = useLeaveGuard();
  /** Every problem in one round: the browser's field checks and the schema's (same messages as the server's), at their fields. */
  const save = useCallback(async () => {
    const input = toDraft(form.getFieldsValue(true) as DraftValues, caseId);
    const loose = await showAllErrors(form, 'draft', inputIssues('cases.saveDraft', input), RENAME);
    if (loose) return setError(`未保存：请按红色提示修改后再保存${loose.length ? `（${loose.join('；')}）` : ''}`);
    setBusy(true);
    setError(null);
    const r = await api('cases.saveDraft', input);
    setBusy(false);
    if (!r.ok) {
      await showAllErrors(form, 'draft', r.error.issues ?? [], RENAME);
      setError(`未保存：${r.error.message}`);
      return;
    }
    guard.saved();
    message.success('已保存');
    go(`cases/${r.value.id}`);
  }, [caseId, form, message, guard]);

  useSaveKeys(() => void save());

  if (loading) return <Spin />;
  if (converted) {
    return (
      <Alert type="info" showIcon data-testid="already-converted" title="该咨询登记已转为仲裁申请，不再重复建立"
        description={<a onClick={() => go(`cases/${converted.id}`)}>打开 {converted.label}</a>} />
    );
  }
  return (
    <div style={{ maxWidth: 1100 }} onKeyDownCapture={formKeys()}>
      <h1 className="page-title">{caseId ? '修改仲裁申请（草稿）' : '新建仲裁申请'}</h1>
      <Form
        form={form}
        layout="vertical"
        name="draft"
        onValuesChange={guard.onValuesChange}
        onFinish={() => void save()}
        initialValues={{ receivedDate: today(), collective: false, groupFlags: [], applicants: [newPerson()], respondents: [newOrg()], thirdParties: [], claims: [{}], evidence: [] }}
      >
        {fromConsultationLabel && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="from-consultation" title={`已由咨询登记带入当事人、用人单位、帮扶群体和请求：${fromConsultationLabel}。请核对、补充后保存。`} />}
        <Form.Item name="consultationId" hidden><Input /></Form.Item>
        <Card size="small" title="收件信息" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col span={8}><Form.Item name="venueId" label="办案场所" rules={[{ required: true, message: '请选择办案场所' }]}><Select options={venues.map((v) => ({ value: v.id, label: `${v.name}${v.kind === 'circuit' ? '（巡回庭）' : ''}` }))} /></Form.Item></Col>
            <Col span={5}><DateItem name="receivedDate" label="收件日期" requiredMessage="请填写收件日期" fieldProps={{ style: { width: '100%' } }} /></Col>
            <Col span={11}><Form.Item name="cause" label="案由"><Input placeholder="例如：劳动报酬争议" /></Form.Item></Col>
            <Col span={12}>
              <Form.Item name="groupFlags" label="特殊群体（来自窗口登记，用于优先办理与统计）">
                <Checkbox.Group options={GROUP_FLAGS.map((g) => ({ value: g, label: GROUP_FLAG_LABELS[g] }))} />
              </Form.Item>
            </Col>
            <Col span={6}><Form.Item name="collective" valuePropName="checked" label="集体争议"><Checkbox>劳动者{COLLECTIVE_MIN_WORKERS}人以上并有共同请求</Checkbox></Form.Item></Col>
            {collective && <Col span={6}><Form.Item name="workerCount" label="涉及劳动者人数"><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>}
          </Row>
        </Card>

        {(['applicants', 'respondents', 'thirdParties'] as const).map((list) => {
          const label = { applicants: '申请人', respondents: '被申请人', thirdParties: '第三人' }[list];
          return (
            <Form.List name={list} key={list}>
              {(fields, { add, remove }) => (
                <Card size="small" title={label} style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => add(list === 'applicants' ? newPerson() : newOrg())}>添加{label}</Button>}>
                  {fields.map((field, i) => (
                    <PartyFields key={field.key} list={list} index={field.name} title={`${label}${fields.length > 1 ? i + 1 : ''}`} collective={collective} onRemove={list === 'thirdParties' || fields.length > 1 ? () => remove(field.name) : undefined} />
                  ))}
                  {fields.length === 0 && <span className="muted">无</span>}
                </Card>
              )}
            </Form.List>
          );
        })}

        <Form.List name="claims">
          {(fields, { add, remove }) => (
            <Card size="small" title="仲裁请求" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => add({})}>添加请求</Button>}>
              {fields.map((field, i) => (
                <ClaimRow key={field.key} index={field.name} n={i + 1} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <Card size="small" title="证据清单" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => add({ copies: 1 })}>添加证据</Button>}>
              {fields.map((field, i) => (
                <Row gutter={12} key={field.key} data-testid={`evidence-${field.name}`}>
                  <Col span={1} style={{ paddingTop: 30 }}>{i + 1}.</Col>
                  <Col span={7}><Form.Item name={[field.name, 'name']} label="证据名称" rules={[{ required: true, message: '请填写证据名称' }]}><Input /></Form.Item></Col>
                  <Col span={5}><Form.Item name={[field.name, 'source']} label="来源"><Input /></Form.Item></Col>
                  <Col span={7}><Form.Item name={[field.name, 'purpose']} label="证明内容"><Input /></Form.Item></Col>
                  <Col span={2}><Form.Item name={[field.name, 'copies']} label="份数"><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={2} style={{ paddingTop: 30 }}><Button size="small" onClick={() => remove(field.name)}>移除</Button></Col>
                </Row>
              ))}
              {fields.length === 0 && <span className="muted">尚未登记证据</span>}
            </Card>
          )}
        </Form.List>

        <Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
        <Flex gap={8}>
          <Button type="primary" onClick={() => void save()} loading={busy}>保存草稿（Ctrl+S）</Button>
          <Button onClick={() => go(caseId ? `cases/${caseId}` : 'cases')}>取消</Button>
        </Flex>
      </Form>
    </div>
  );
}

function ClaimRow({ index, n, onRemove }: { index: number; n: number; onRemove?: () => void }) {
  const form = Form.useFormInstance();
  const type = Form.useWatch(['claims', index, 'type'], form) as ClaimType | undefined;
  const amountRule = type ? CLAIM_TYPE_INFO[type].amount : 'optional';
  const [calc, setCalc] = useState(false);
  const calculator = type ? CLAIM_CALCULATOR[type] : undefined;
  return (
    <Row gutter={12} data-testid={`claims-${index}`} style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
      <Col span={1} style={{ paddingTop: 30 }}>{n}.</Col>
      <Col span={5}>
        <Form.Item name={[index, 'type']} label="请求类型" rules={[{ required: true, message: '请选择请求类型' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_TYPE_INFO[t].label }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item
          name={[index, 'amountYuan']}
          label="金额（元）"
          dependencies={[['claims', index, 'type']]}
          rules={[{ validator: (_, v: string | undefined) => {
            const empty = !v || !v.trim();
            if (amountRule === 'required' && empty) return Promise.reject(new Error('该类请求须填写金额'));
            if (amountRule === 'none' && !empty) return Promise.reject(new Error('该类请求不涉及金额'));
            const amount = empty ? null : checkYuanText(v!);
            if (amount && !amount.ok) return Promise.reject(new Error(amount.message));
            return Promise.resolve();
          } }]}
        >
          <Input disabled={amountRule === 'none'} placeholder={amountRule === 'none' ? '不涉及金额' : '0.00'} style={{ textAlign: 'right' }} />
        </Form.Item>
        {calculator && <Button size="small" type="link" style={{ marginTop: -16, padding: 0 }} onClick={() => setCalc(true)}>用计算器计算</Button>}
        <Drawer title="计算器" open={calc} onClose={() => setCalc(false)} size={560} destroyOnHidden>
          <CalculatorPanel initial={calculator} only={MONEY_CALCULATORS} onUse={(fen, summary) => {
            form.setFieldValue(['claims', index, 'amountYuan'], fenToYuanText(fen));
            if (!form.getFieldValue(['claims', index, 'basis'])) form.setFieldValue(['claims', index, 'basis'], summary.replace(/^.*（(.*)）$/, '$1'));
            setCalc(false);
          }} />
        </Drawer>
      </Col>
      <Col span={4}><DateItem name={[index, 'periodStart']} label="期间起" fieldProps={{ style: { width: '100%' } }} /></Col>
      <Col span={4}>
        <DateItem
          name={[index, 'periodEnd']} label="期间止" fieldProps={{ style: { width: '100%' } }} dependencies={[['claims', index, 'periodStart']]}
          rules={[{ validator: (_, end: string | undefined) => {
            const start = form.getFieldValue(['claims', index, 'periodStart']) as string | undefined;
            return start && end && isCalendarDate(start) && isCalendarDate(end) && end < start ? Promise.reject(new Error('期间截止日不能早于起始日')) : Promise.resolve();
          } }]}
        />
      </Col>
      <Col span={6}><Form.Item name={[index, 'basis']} label="依据"><Input placeholder="如《劳动合同法》第三十条" /></Form.Item></Col>
      <Col span={1} />
      <Col span={11}><Form.Item name={[index, 'text']} label="请求内容" rules={[{ required: true, message: '请填写请求内容' }]}><Input.TextArea rows={1} autoSize /></Form.Item></Col>
      <Col span={10}><Form.Item name={[index, 'facts']} label="事实与理由"><Input.TextArea rows={1} autoSize /></Form.Item></Col>
      <Col span={2} style={{ paddingTop: 30 }}>{onRemove && <Button size="small" onClick={onRemove}>移除</Button>}</Col>
      <Col span={1} />
      <Col span={23}><LimitationFields index={index} /></Col>
    </Row>
  );
}

/** The facts for the indicative one-year limitation check (LDMAL Art 27); it warns on the case page, it never refuses. */
function LimitationFields({ index }: { index: number }) {
  const form = Form.useFormInstance();
  const enabled = Form.useWatch(['claims', index, 'limitation', 'enabled'], form) as boolean | undefined;
  const wage = Form.useWatch(['claims', index, 'limitation', 'wageArrearsDuringEmployment'], form) as boolean | undefined;
  const name = (f: string) => [index, 'limitation', f];
  return (
    <div style={{ background: '#fafafa', padding: '6px 10px', marginBottom: 8 }}>
      <Form.Item name={name('enabled')} valuePropName="checked" noStyle><Checkbox>登记仲裁时效信息（《劳动争议调解仲裁法》第二十七条，仅作提示）</Checkbox></Form.Item>
      {enabled && (
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col span={5}><DateItem name={name('knewDate')} label="知道或应当知道权利被侵害之日" rules={[{ required: !wage, message: '请填写该日期' }]} fieldProps={{ style: { width: '100%' } }} /></Col>
          <Col span={5}><Form.Item name={name('wageArrearsDuringEmployment')} valuePropName="checked" label="拖欠劳动报酬"><Checkbox>劳动关系存续期间拖欠</Checkbox></Form.Item></Col>
          <Col span={4}><DateItem name={name('employmentEndDate')} label="劳动关系终止日" fieldProps={{ style: { width: '100%' } }} /></Col>
          <Col span={10}>
            <Form.List name={[index, 'limitation', 'interruptions']}>
              {(fields, { add, remove }) => (
                <Form.Item label="时效中断日期（主张权利、请求救济、对方同意履行）">
                  <Flex gap={6} wrap align="center">
                    {fields.map((f) => (
                      <Flex key={f.key} gap={2} align="center">
                        <DateItem name={f.name} noStyle requiredMessage="请填写中断日期" fieldProps={{ style: { width: 130 }, 'aria-label': '时效中断日期' }} />
                        <Button size="small" type="text" onClick={() => remove(f.name)} aria-label="移除中断日期">×</Button>
                      </Flex>
                    ))}
                    <Button size="small" type="dashed" onClick={() => add()}>添加中断日期</Button>
                  </Flex>
                </Form.Item>
              )}
            </Form.List>
          </Col>
          <Col span={24}>
            <Form.List name={[index, 'limitation', 'suspensions']}>
              {(fields, { add, remove }) => (
                <Form.Item label="时效中止期间" style={{ marginBottom: 0 }}>
                <Flex gap={8} wrap align="center">
                  {fields.map((f) => (
                    <Flex key={f.key} gap={4}>
                      <DateItem name={[f.name, 'start']} noStyle requiredMessage="请填写中止开始日期" fieldProps={{ style: { width: 130 }, 'aria-label': '中止开始日期' }} />
                      <span>至</span>
                      <DateItem name={[f.name, 'end']} noStyle requiredMessage="请填写中止结束日期" fieldProps={{ style: { width: 130 }, 'aria-label': '中止结束日期' }} />
                      <Button size="small" onClick={() => remove(f.name)}>移除</Button>
                    </Flex>
                  ))}
                  <Button size="small" type="dashed" onClick={() => add({})}>添加中止期间</Button>
                </Flex>
                </Form.Item>
              )}
            </Form.List>
          </Col>
        </Row>
      )}
    </div>
  );
}
