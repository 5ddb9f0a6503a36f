import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client';

export interface LawyerAccount { id: string; displayName: string }

/**
 * The desk's active lawyer accounts (法律援助律师), read through `duty.candidates` (reference data every role may read).
 * Linking an agent or an assigned legal-aid lawyer to an account lets that lawyer read the case (need-to-know, issue 12
 * item 2; docs/security.md §2). The server re-checks the account (requireDeskLawyer).
 */
export function useLawyerAccounts(): LawyerAccount[] {
  const [lawyers, setLawyers] = useState<LawyerAccount[]>([]);
  useEffect(() => {
    let live = true;
    void api('duty.candidates', {}).then((r) => {
      if (live && r.ok) setLawyers(r.value.filter((p) => p.role === 'lawyer').map((p) => ({ id: p.id, displayName: p.displayName })));
    });
    return () => { live = false; };
  }, []);
  return lawyers;
}

/** A Select of the active lawyer accounts, value = the account id; for use inside a Form.Item. */
export function LawyerAccountSelect(props: { value?: string; onChange?: (v: string | undefined) => void; lawyers: LawyerAccount[]; ariaLabel: string; onPick?: (a: LawyerAccount | undefined) => void }) {
  const { value, onChange, lawyers, ariaLabel, onPick } = props;
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="不关联"
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(v: string | undefined) => { onChange?.(v ?? undefined); onPick?.(lawyers.find((l) => l.id === v)); }}
      options={lawyers.map((l) => ({ value: l.id, label: l.displayName }))}
    />
  );
}
