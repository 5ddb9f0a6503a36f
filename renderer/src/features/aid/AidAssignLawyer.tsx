import { Form, Input } from 'antd';
import { LawyerAccountSelect, useLawyerAccounts } from '../cases/LawyerAccountSelect';

/**
 * The lawyer fields of the aid.assign dialog (指派法律援助人员): the assigned lawyer's account among the desk's active
 * lawyer accounts, sent as `lawyerUserId` so that lawyer may read the cases of this matter (need-to-know, issue 12 item 2;
 * docs/security.md §2), and the lawyer's name as printed on the 指派通知书 (picking an account fills it).
 * Form fields: `lawyerUserId` (optional) and `lawyer` (required).
 */
export function AidAssignLawyerFields() {
  const form = Form.useFormInstance();
  const lawyers = useLawyerAccounts();
  return (
    <>
      <Form.Item name="lawyerUserId" label="律师账号（可不填）">
        <LawyerAccountSelect lawyers={lawyers} ariaLabel="指派律师账号" onPick={(l) => { if (l) form.setFieldValue('lawyer', l.displayName); }} />
      </Form.Item>
      <Form.Item name="lawyer" label="法律援助律师" rules={[{ required: true, message: '请填写律师' }]}><Input /></Form.Item>
    </>
  );
}

/** The aid.assign input's account part: `lawyerUserId` only when an account was chosen. */
export const lawyerUserIdInput = (v: { lawyerUserId?: string | null }): { lawyerUserId?: string } => (v.lawyerUserId ? { lawyerUserId: v.lawyerUserId } : {});
