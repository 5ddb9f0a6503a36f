import { Tag, Tooltip } from 'antd';

/** The mark of a record brought in by the ledger import (台账导入): read-only history. */
export function ImportedTag() {
  return (
    <Tooltip title="由台账导入的历史记录，只读，不能修改">
      <Tag color="purple" style={{ marginLeft: 8 }} data-testid="imported-tag">历史导入</Tag>
    </Tooltip>
  );
}
