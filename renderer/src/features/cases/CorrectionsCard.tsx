import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail } from '../../../../src/api';
import { PARTY_ROLE_LABELS } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/dates';
import { showFieldErrors } from '../../lib/form-errors';

const FIELDS = [
  { value: 'name', label: '姓名或名称' },
  { value: 'idNumber', label: '身份证件号码', person: true },
  { value: 'creditCode', label: '统一社会信用代码', org: true },
  { value: 'domicile', label: '住所' },
  { value: 'serviceAddress', label: '送达地址' },
  { value: 'phone', label: '联系电话' },
  { value: 'representativeName', label: '法定代表人（负责人）', org: true },
  { value: 'representativeTitle', label: '职务', org: true },
] as const;

interface Values {
  partyId: string;
  field: (typeof FIELDS)[number]['value'];
  value: string;
  reason: string;
  correctedDate: Dayjs;
}

/**
 * Corrections of a party's particulars after acceptance (issue 10): the correction is recorded with its reason, who and
 * when; documents already issued keep their text, new ones use the corrected particulars.
 */
export function CorrectionsBlock({ c, canCorrect, onChange }: { c: CaseDetail; canCorrect: boolean; onChange: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const partyId = Form.useWatch('partyId', form);
  const parties = [...c.applicants, ...c.respondents, ...c.thirdParties];
  const party = parties.find((p) => p.id === partyId);
  const submit = async (v: Values) => {
    const r = await api('parties.correct', {
      caseId: c.id, partyId: v.partyId, changes: { [v.field]: v.value ?? '' }, reason: v.reason, correctedDate: v.correctedDate.format('YYYY-MM-DD'),
    });
    if (!r.ok) {
      if (!showFieldErrors(form, { ...r.error, issues: r.error.issues?.map((i) => ({ ...i, path: i.path.startsWith('changes.') ? 'value' : i.path })) })) message.error(r.error.message);
      return;
    }
    message.success('已更正，已签发的文书保持原文');
    setOpen(false);
    form.resetFields();
    onChange();
  };
  return (
    <div data-testid="corrections">
      {c.corrections.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          style={{ marginBottom: 8 }}
          dataSource={c.corrections}
          columns={[
            { title: '更正日期', dataIndex: 'correctedDate', width: 110 },
            { title: '当事人', dataIndex: 'partyName' },
            { title: '事项', dataIndex: 'fieldLabel' },
            { title: '原内容', dataIndex: 'oldValue', render: (v: string | null) => v ?? '（空）' },
            { title: '更正为', dataIndex: 'newValue', render: (v: string | null) => v ?? '（空）' },
            { title: '理由', dataIndex: 'reason' },
            { title: '办理', render: (_: unknown, r) => <span className="muted">{r.createdBy} {formatTime(r.createdAt)}</span> },
          ]}
        />
      )}
      {canCorrect && <Button onClick={() => { form.setFieldsValue({ correctedDate: dayjs() }); setOpen(true); }}>更正当事人信息</Button>}
      <Modal open={open} title="更正当事人信息" okText="确认更正" cancelText="取消" onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="更正将记入办理记录；已签发的文书保持原文，此后制作的文书使用更正后的信息。已送达的文书如需更正，请另行制作决定书或重新签发。" />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="partyId" label="当事人" rules={[{ required: true, message: '请选择当事人' }]}>
            <Select options={parties.map((p) => ({ value: p.id, label: `${PARTY_ROLE_LABELS[p.role]} ${p.name}` }))} />
          </Form.Item>
          <Form.Item name="field" label="更正事项" rules={[{ required: true, message: '请选择更正事项' }]}>
            <Select options={FIELDS.filter((f) => !party || (!('person' in f) || party.kind === 'person') && (!('org' in f) || party.kind === 'org')).map((f) => ({ value: f.value, label: f.label }))} />
          </Form.Item>
          <Form.Item name="value" label="更正后的内容"><Input /></Form.Item>
          <Form.Item name="reason" label="更正理由" rules={[{ required: true, message: '请填写更正理由' }]}><Input.TextArea rows={2} placeholder="例如：身份证载明姓名为……，登记时笔误" /></Form.Item>
          <Form.Item name="correctedDate" label="更正日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** The tribunal's decision to decide on the papers (书面审理): without it, or a hearing held, no award can be issued. */
export function PaperReviewBlock({ c, canDecide, onChange }: { c: CaseDetail; canDecide: boolean; onChange: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; decidedDate: Dayjs }>();
  const decided = c.timeline.find((e) => e.kind === 'paper_review');
  if (decided) return <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="paper-review" title={decided.summary} />;
  if (!canDecide || c.closedDate) return null;
  const submit = async (v: { reason: string; decidedDate: Dayjs }) => {
    const r = await api('cases.paperReview', { caseId: c.id, reason: v.reason, decidedDate: v.decidedDate.format('YYYY-MM-DD') });
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) message.error(r.error.message);
      return;
    }
    setOpen(false);
    onChange();
  };
  return (
    <>
      <Button style={{ marginBottom: 12 }} onClick={() => { form.setFieldsValue({ decidedDate: dayjs() }); setOpen(true); }}>决定书面审理（不开庭）</Button>
      <Modal open={open} title="决定书面审理" okText="确认" cancelText="取消" onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <p className="muted">未开庭审理的案件，须有仲裁庭书面审理的决定才能作出裁决。</p>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写书面审理的理由' }]}><Input.TextArea rows={2} placeholder="例如：双方当事人同意不开庭，书面审理" /></Form.Item>
          <Form.Item name="decidedDate" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
