import { Button, message } from 'antd';
import { useState } from 'react';
import type { OperationInput } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { base64ToBytes, saveFile } from '../../lib/pdf';

type ExportOp = 'consultations.export' | 'mediations.export' | 'hearings.export' | 'documents.exportRegister';

/** A list's current filter to XLSX: the server filters and writes the workbook (src/services/list-export.ts). */
export function ExportButton<N extends ExportOp>({ op, input, disabled, testId }: { op: N; input: OperationInput<N>; disabled?: boolean; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await api(op, input as never);
    setBusy(false);
    if (!r.ok) return void message.error(r.error.message);
    const f = r.value as { base64: string; fileName: string; mimeType: string };
    saveFile(base64ToBytes(f.base64), f.fileName, f.mimeType);
  };
  return <Button loading={busy} disabled={disabled} onClick={() => void run()} data-testid={testId}>导出 Excel</Button>;
}
