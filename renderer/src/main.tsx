import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SurveyScreen, surveyScreenToken } from './features/survey/SurveyScreen';
import './styles.css';

dayjs.locale('zh-cn');

// A window opened on a survey link is the party's survey screen and nothing else (issue 15 item 4).
const surveyToken = surveyScreenToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontFamily: "'Desk Noto Sans SC', sans-serif", borderRadius: 4 } }}>
      <AntApp>
        {surveyToken ? <SurveyScreen token={surveyToken} /> : <App />}
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
