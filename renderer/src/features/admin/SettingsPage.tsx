import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Room, Settings, Venue } from '../../../../src/api';
import { DOCUMENT_NUMBER_SERIES, formatCaseNumber } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';
import { useSession } from '../../lib/session';
import { CalendarSettings } from './CalendarSettings';
import { AuditChainCard } from './AuditChainCard';

/** Commission settings and venues; everyone may read them, only the administrator may change them. */
export function SettingsPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const { message } = App.useApp();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [venues, setVenues] = useState<Venue[]>([]);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [roomForm] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Settings>();
  const [venueForm] = Form.useForm();
  const pattern = Form.useWatch('caseNumberPattern', form);

  const load = useCallback(async () => {
    const s = await api('settings.get', {});
    if (s.ok) { setSettings(s.value); form.setFieldsValue(s.value); } else setError(s.error.message);
    const v = await api('venues.list', {});
    if (v.ok) setVenues(v.value);
    const r = await api('rooms.list', {});
    if (r.ok) setRooms(r.value);
  }, [form]);
  useEffect(() => void load(), [load]);

  const save = async (v: Settings) => {
    const r = await api('settings.update', v);
    if (!r.ok) { if (!showFieldErrors(form, r.error)) setError(r.error.message); return; }
    setSettings(r.value);
    message.success('设置已保存');
  };
  const addVenue = async (v: { name: string; kind: 'commission' | 'circuit'; address?: string }) => {
    const r = await api('venues.create', v);
    if (!r.ok) { if (!showFieldErrors(venueForm, r.error)) setError(r.error.message); return; }
    venueForm.resetFields();
    void load();
  };

  const addRoom = async (v: { venueId: string; name: string }) => {
    const r = await api('rooms.create', v);
    if (!r.ok) { if (!showFieldErrors(roomForm, r.error)) setError(r.error.message); return; }
    roomForm.resetFields();
    void load();
  };

  if (!settings) return error ? <Alert type="error" title={error} showIcon /> : null;
  return (
    <div style={{ maxWidth: 1100 }}>
      <h1 className="page-title">设置</h1>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Card size="small" title="仲裁委员会" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" onFinish={save} disabled={!isAdmin}>
          <Form.Item name="commissionName" label="仲裁委员会全称（用于文书抬头）" rules={[{ required: true, message: '请填写全称' }]}><Input /></Form.Item>
          <Form.Item name="caseNumberPattern" label="案号格式（{year} 为受理年份，{n} 为当年序号）" extra={pattern ? `示例：${formatCaseNumber(pattern, 2026, 1)}` : undefined}>
            <Input />
          </Form.Item>
          {Object.entries(DOCUMENT_NUMBER_SERIES).map(([code, s]) => (
            <Form.Item key={code} name={['documentNumberPatterns', code]} label={`${s.label}文号格式（无案号的文书；{year} 为签发年份，{n} 为当年序号，签发时按序编号、不重号不跳号）`} rules={[{ required: true, message: '请填写文号格式' }]}>
              <Input />
            </Form.Item>
          ))}
          <Form.Item name="acceptanceReservedToArbitrators" label="仅仲裁员可作出受理或不予受理决定" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="intermediateCourt" label="本委所在地中级人民法院（终局裁决书中申请撤销裁决的法院，《劳动争议调解仲裁法》第四十九条）" rules={[{ required: true, message: '请填写中级人民法院名称' }]}><Input /></Form.Item>
          <Form.Item name="basicCourt" label="基层人民法院（裁决书告知起诉的法院；不填则写“有管辖权的基层人民法院”）"><Input /></Form.Item>
          <Form.Item name="commissionAddress" label="本委地址（印在各类通知书上）"><Input /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="commissionPhone" label="联系电话" style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="commissionContact" label="联系人" style={{ flex: 1 }}><Input /></Form.Item>
          </Flex>
          <Form.Item name="documentFonts" label="文书字体">
            <Select options={[{ value: 'bundled', label: '内置字体（思源宋体/黑体，任何电脑打印一致）' }, { value: 'system', label: '优先使用本机的仿宋、宋体、黑体（缺字时自动用内置字体补足）' }]} />
          </Form.Item>
          <Form.Item name="splitMixedAwards" label="终局与非终局裁决事项分别制作裁决书（《办案规则》第五十条）" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="backupDir" label="自动备份文件夹（U 盘或网络共享文件夹的完整路径；每天使用时自动备份一次，保留最近 7 天、4 周、12 个月）" normalize={(v: string) => (v ? v : null)}>
            <Input placeholder="例如 E:\工作台备份 或 /media/usb/工作台备份；不填则不自动备份" />
          </Form.Item>
          <Form.Item name="idleLockMinutes" label="无操作自动锁定（分钟，1–240；解锁需输入本人密码）" rules={[{ required: true, message: '请填写分钟数' }]}>
            <InputNumber min={1} max={240} precision={0} style={{ width: 120 }} />
          </Form.Item>
          {isAdmin && <Button type="primary" htmlType="submit">保存设置</Button>}
        </Form>
      </Card>
      <Card size="small" title="备份与恢复" style={{ marginBottom: 12 }} data-testid="backup-card">
        <p data-testid="last-backup">
          最近一次备份：{settings.lastBackup ? `${new Date(settings.lastBackup.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}，${settings.lastBackup.file}（${(settings.lastBackup.bytes / 1024 / 1024).toFixed(1)} MB）` : '尚无备份'}
        </p>
        <p data-testid="last-integrity-check">
          最近一次完整性检查：{settings.lastIntegrityCheck ? (
            <>
              {new Date(settings.lastIntegrityCheck.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}，
              <Typography.Text type={settings.lastIntegrityCheck.ok ? 'success' : 'danger'}>{settings.lastIntegrityCheck.message}</Typography.Text>
            </>
          ) : '尚未检查'}
          <br />
          <span className="muted">工作台每天在后台自动检查一次数据库文件（启动几分钟后）；也可在命令行运行 <code>desk db check --full</code>。</span>
        </p>
        <p>立即备份：在命令行运行 <code>desk backup</code>，或在 <code>desk backup --to</code> 后接文件夹路径。备份文件名含日期、时间和数据库版本，备份后自动核对完整性和各表行数。</p>
        <p>
          恢复：先关闭工作台，再在命令行运行 <code>desk restore</code> 后接备份文件路径。程序会先检查备份文件，拒绝由更新版本写入的备份；当前数据库（连同 -wal 文件）改名为“…before-restore-日期-时间”保留在原文件夹，不会删除。
        </p>
      </Card>
      <Card size="small" title="办案场所（本部与巡回庭）">
        <ul>
          {venues.map((v) => (
            <li key={v.id}>
              {v.name}{v.kind === 'circuit' ? '（巡回庭）' : '（本部）'}{v.address ? ` — ${v.address}` : ''}
              <span className="muted">　庭室：{rooms.filter((r) => r.venueId === v.id).map((r) => r.name).join('、') || '（尚无，排期前请添加）'}</span>
            </li>
          ))}
        </ul>
        {isAdmin && (
          <Form form={roomForm} layout="inline" onFinish={addRoom} style={{ marginBottom: 12 }}>
            <Form.Item name="venueId" rules={[{ required: true, message: '请选择场所' }]}><Select placeholder="场所" style={{ width: 260 }} options={venues.map((v) => ({ value: v.id, label: v.name }))} /></Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: '请填写庭室名称' }]}><Input placeholder="庭室名称，如 调解室" /></Form.Item>
            <Button htmlType="submit">添加庭室</Button>
          </Form>
        )}
        {isAdmin && (
          <Form form={venueForm} layout="vertical" onFinish={addVenue} initialValues={{ kind: 'circuit' }}>
            <Row gutter={12}>
              <Col span={9}><Form.Item name="name" label="场所名称" rules={[{ required: true, message: '请填写场所名称' }]}><Input /></Form.Item></Col>
              <Col span={5}><Form.Item name="kind" label="类型"><Select options={[{ value: 'circuit', label: '巡回庭' }, { value: 'commission', label: '本部' }]} /></Form.Item></Col>
              <Col span={7}><Form.Item name="address" label="地址"><Input /></Form.Item></Col>
              <Col span={3} style={{ paddingTop: 30 }}><Button htmlType="submit">添加</Button></Col>
            </Row>
          </Form>
        )}
      </Card>
      <CalendarSettings isAdmin={isAdmin} />
      <AuditChainCard isAdmin={isAdmin} commissionName={settings.commissionName} />
    </div>
  );
}
