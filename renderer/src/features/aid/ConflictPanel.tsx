import { Alert, List } from 'antd';
import type { ConflictMatch } from '../../../../src/api';
import { go } from '../../lib/router';

/** The conflict and duplicate check's matches, each with a link to the record. */
export function ConflictPanel({ matches }: { matches: ConflictMatch[] | null }) {
  if (matches === null) return null;
  if (matches.length === 0) return <Alert type="success" showIcon title="冲突与重复检查：未发现相同证件号码或同一用人单位下读音相同的姓名" data-testid="conflicts" />;
  // Window staff are told only that a related record exists, not whose (issue 12 item 2).
  if (matches[0]?.withheld) return <Alert type="warning" showIcon title={`冲突与重复检查：${matches[0].reasons.join('；')}`} data-testid="conflicts" />;
  return (
    <Alert
      type="warning" showIcon data-testid="conflicts" title={`冲突与重复检查：发现 ${matches.length} 条相关记录，律师接受委托前请核实`}
      description={(
        <List size="small" dataSource={matches} renderItem={(m) => (
          <List.Item>
            <a onClick={() => go(m.link)}>{m.label}：{m.name}</a>
            <span className="muted" style={{ marginLeft: 8 }}>{m.reasons.join('；')}</span>
          </List.Item>
        )} />
      )}
    />
  );
}
