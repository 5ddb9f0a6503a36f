import { App, Button } from 'antd';
import { shanghaiDateTime } from '../../../../src/domain';
import { api } from '../../lib/api-client';

/**
 * Staff open the party's survey on a second screen: a one-time link bound to this case or consultation, valid for a
 * short time (src/services/survey.ts), opened in its own window (in the desktop app a separate window with its own
 * session; the party sees only the survey).
 */
export function SurveyButton({ caseId, consultationId }: { caseId?: string; consultationId?: string }) {
  const { message } = App.useApp();
  const openScreen = async () => {
    const r = await api('survey.open', caseId ? { caseId } : { consultationId: consultationId! });
    if (!r.ok) return void message.error(<span data-testid="survey-note">{r.error.message}</span>);
    const url = `${window.location.origin}${window.location.pathname}#/survey/${r.value.token}`;
    window.open(url, '_blank', 'noopener');
    const until = shanghaiDateTime(r.value.expiresAt).slice(11);
    void message.info(<span data-testid="survey-note">评价页面已在新窗口打开（{r.value.subject}），请当事人在该屏幕上作答；链接只能使用一次，{until} 前有效。</span>, 8);
  };
  return <Button onClick={() => void openScreen()} data-testid="survey-open">请当事人评价（第二屏）</Button>;
}
