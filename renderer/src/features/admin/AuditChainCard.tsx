import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ChainHeadView, ChainVerifyView } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { formatTime, today } from '../../lib/dates';
import { printSheet } from '../../lib/print-sheet';

/**
 * The audit chain's head on the settings page: count, last entry's time and a short digest. Printed each day and kept
 * outside the computer, it anchors the record: a later rewrite of anything before it would no longer match.
 */
export function AuditChainCard({ isAdmin, commissionName }: { isAdmin: boolean; commissionName: string }) {
  const [head, setHead] = useState<ChainHeadView | null>(null);
  const [result, setResult] = useState<ChainVerifyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    const r = await api('audit.head', {});
    if (r.ok) setHead(r.value);
    else setError(r.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  const verify = async () => {
    setBusy(true);
    const r = await api('audit.verify', {});
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setHead(r.value.head);
    } else setError(r.error.message);
  };

  const print = () => {
    if (!head?.hash) return;
    printSheet('审计链每日摘要单', [
      `单位：${commissionName}`,
      `打印日期：${today()}`,
      `审计记录条数：${head.count}`,
      `最后一条记录时间：${head.lastAt ? formatTime(head.lastAt) : '—'}（第 ${head.lastId ?? '—'} 条）`,
      `摘要（前16位）：${head.short}`,
      `完整摘要（SHA-256）：${head.hash}`,
      '',
      '说明：本摘要由截至上述时间的全部审计记录逐条链接计算得出。任何一条记录事后被改动、删除或插入，',
      '用“desk audit verify”或设置页的“校验审计链”核对时，摘要即不再相符。请将本单签字后存放于电脑之外（如保险柜）。',
      '',
      '打印人（签名）：____________　　　　核对人（签名）：____________',
    ]);
  };

  return (
    <Card size="small" title="审计链（防篡改记录）" style={{ marginBottom: 12 }} data-testid="audit-chain">
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 8 }} />}
      {head && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="记录条数">{head.count}</Descriptions.Item>
          <Descriptions.Item label="最后一条记录">{head.lastAt ? formatTime(head.lastAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label="当前摘要"><span className="digest" data-testid="chain-short">{head.short ?? '—'}</span></Descriptions.Item>
        </Descriptions>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={print} disabled={!head?.hash}>打印每日摘要单</Button>
        {isAdmin && <Button onClick={() => void verify()} loading={busy}>校验审计链</Button>}
      </Space>
      {result && (result.ok
        ? <Alert style={{ marginTop: 8 }} type="success" showIcon title={`审计链完整：${result.entries} 条记录逐条相符，已核对 ${result.rowsChecked} 条封存记录`} />
        : <Alert style={{ marginTop: 8 }} type="error" showIcon title={`审计链在${result.broken!.entryId ? `第 ${result.broken!.entryId} 条记录` : ''}${result.broken!.entity ? `（${result.broken!.entity}）` : ''}处断裂`} description={`${result.broken!.reason}。请立即联系系统管理员，并从最近的备份核对。`} />)}
    </Card>
  );
}
