import { EmployerHint } from '../employers/EmployerFlag';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import {
  AGENT_KINDS, AGENT_KIND_LABELS, ID_TYPES, ID_TYPE_LABELS, REPRESENTATIVE_KINDS, REPRESENTATIVE_KIND_LABELS, SEXES, SEX_LABELS,
  checkCreditCode, checkResidentId, residentIdFacts,
} from '../../../../src/domain';
import { DateItem } from '../../components/DateField';
import { LawyerAccountSelect, useLawyerAccounts } from './LawyerAccountSelect';

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** One party card inside a Form.List (applicants, respondents or third parties). */
export function PartyFields({ list, index, title, onRemove, collective }: { list: string; index: number; title: string; onRemove?: () => void; collective?: boolean }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch([list, index, 'kind'], form) as 'person' | 'org' | undefined;
  const idType = Form.useWatch([list, index, 'idType'], form) as 'resident' | 'other' | undefined;
  const f = (name: string) => [index, name];
  const lawyers = useLawyerAccounts();

  // Type once: a valid ID number fills birth date and sex when they are still empty.
  const fillFromId = () => {
    const id = form.getFieldValue([list, index, 'idNumber']) as string | undefined;
    if (!id || (idType ?? 'resident') !== 'resident') return;
    const r = checkResidentId(id);
    if (!r.ok) return;
    const facts = residentIdFacts(r.value);
    const cur = form.getFieldValue([list, index]) as Record<string, unknown>;
    form.setFieldValue([list, index, 'idNumber'], r.value);
    if (!cur.birthDate) form.setFieldValue([list, index, 'birthDate'], facts.birthDate);
    if (!cur.sex) form.setFieldValue([list, index, 'sex'], facts.sex);
  };

  return (
    <Card
      size="small"
      className="party-card"
      data-testid={`${list}-${index}`}
      title={title}
      extra={
        <>
          <Form.Item name={f('kind')} noStyle>
            <Select size="small" style={{ width: 110, marginRight: 8 }} options={[{ value: 'person', label: '自然人' }, { value: 'org', label: '单位' }]} aria-label="当事人类型" />
          </Form.Item>
          {onRemove && <Button size="small" danger onClick={onRemove}>删除</Button>}
        </>
      }
    >
      {kind === 'org' ? (
        <Row gutter={12}>
          <Col span={12}><Form.Item name={f('name')} label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}><Input /></Form.Item></Col>
          <Col span={12}>
            <Form.Item
              name={f('creditCode')}
              label="统一社会信用代码"
              validateTrigger={['onChange', 'onBlur']}
              rules={[{ validator: (_, v: string | undefined) => { if (!v) return Promise.resolve(); const r = checkCreditCode(v); return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message)); } }]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={24}><OrgHint name={[list, index, 'name']} code={[list, index, 'creditCode']} /></Col>
          <Col span={6}><Form.Item name={f('representativeKind')} label="负责人类型" initialValue="legal"><Select options={opts(REPRESENTATIVE_KINDS, REPRESENTATIVE_KIND_LABELS)} /></Form.Item></Col>
          <Col span={9}><Form.Item name={f('representativeName')} label="法定代表人/主要负责人"><Input /></Form.Item></Col>
          <Col span={9}><Form.Item name={f('representativeTitle')} label="职务"><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name={f('domicile')} label="住所地"><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name={f('serviceAddress')} label="送达地址"><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name={f('phone')} label="联系电话"><Input /></Form.Item></Col>
        </Row>
      ) : (
        <Row gutter={12}>
          <Col span={6}><Form.Item name={f('name')} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name={f('idType')} label="证件类型" initialValue="resident"><Select options={opts(ID_TYPES, ID_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item
              name={f('idNumber')}
              label="证件号码"
              validateTrigger={['onChange', 'onBlur']}
              rules={[{ validator: (_, v: string | undefined) => {
                if (!v || (idType ?? 'resident') !== 'resident') return Promise.resolve();
                const r = checkResidentId(v);
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
              } }]}
            >
              <Input maxLength={idType === 'other' ? 40 : 18} onBlur={fillFromId} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={4}><Form.Item name={f('sex')} label="性别"><Select allowClear options={opts(SEXES, SEX_LABELS)} /></Form.Item></Col>
          <Col span={6}><DateItem name={f('birthDate')} label="出生日期" fieldProps={{ style: { width: '100%' } }} /></Col>
          <Col span={4}><Form.Item name={f('ethnicity')} label="民族"><Input placeholder="汉族" /></Form.Item></Col>
          <Col span={10}><Form.Item name={f('phone')} label="联系电话"><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name={f('domicile')} label="住所"><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name={f('serviceAddress')} label="送达地址"><Input /></Form.Item></Col>
          {collective && list === 'applicants' && (
            <Col span={24}><Form.Item name={f('isRepresentative')} valuePropName="checked"><Checkbox>推举的代表人（《办案规则》第六十三条）</Checkbox></Form.Item></Col>
          )}
        </Row>
      )}
      <Form.List name={[index, 'agents']}>
        {(agents, { add, remove }) => (
          <>
            {agents.map((a) => (
              <Row gutter={12} key={a.key} data-testid={`${list}-${index}-agent-${a.name}`}>
                <Col span={4}><Form.Item name={[a.name, 'name']} label="委托代理人" rules={[{ required: true, message: '请填写代理人姓名' }]}><Input /></Form.Item></Col>
                <Col span={4}><Form.Item name={[a.name, 'kind']} label="代理人类型" initialValue="lawyer"><Select options={opts(AGENT_KINDS, AGENT_KIND_LABELS)} /></Form.Item></Col>
                <Col span={5}><Form.Item name={[a.name, 'organisation']} label="所在单位"><Input /></Form.Item></Col>
                <Col span={4}><Form.Item name={[a.name, 'phone']} label="电话"><Input /></Form.Item></Col>
                {/* Need-to-know (issue 12 item 2): a linked lawyer account may read this case. */}
                <Col span={5}>
                  <Form.Item name={[a.name, 'userId']} label="关联律师账号（可不填）">
                    <LawyerAccountSelect
                      lawyers={lawyers}
                      ariaLabel="关联律师账号"
                      onPick={(l) => { if (l && !form.getFieldValue([list, index, 'agents', a.name, 'name'])) form.setFieldValue([list, index, 'agents', a.name, 'name'], l.displayName); }}
                    />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: 30 }}><Button size="small" onClick={() => remove(a.name)}>移除</Button></Col>
              </Row>
            ))}
            {agents.length < 2 && <Button size="small" type="dashed" onClick={() => add({ kind: 'lawyer' })}>添加委托代理人</Button>}
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** The registered employer an org party will be linked to, with its grade and list flag (issue 16). */
function OrgHint({ name, code }: { name: (string | number)[]; code: (string | number)[] }) {
  const form = Form.useFormInstance();
  return <EmployerHint name={Form.useWatch(name, form) as string | undefined} creditCode={Form.useWatch(code, form) as string | undefined} />;
}
