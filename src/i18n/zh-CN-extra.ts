import { boardMessages } from './zh-CN/board.ts';
import { calendarMessages } from './zh-CN/calendar.ts';
import { catalogMessages } from './zh-CN/catalog.ts';
import { consultationMessages } from './zh-CN/consultations.ts';
import { demandMessages } from './zh-CN/demands.ts';
import { disclosureMessages } from './zh-CN/disclosure.ts';
import { documentMessages } from './zh-CN/documents.ts';
import { engagementMessages } from './zh-CN/engagement.ts';
import { feedbackMessages } from './zh-CN/feedback.ts';
import { notifyMessages } from './zh-CN/notify.ts';
import { obligationMessages } from './zh-CN/obligations.ts';
import { portalMessages } from './zh-CN/portal.ts';
import { privacyMessages } from './zh-CN/privacy.ts';
import { requestDocumentMessages } from './zh-CN/request-documents.ts';
import { requestMessages } from './zh-CN/requests.ts';
import { requestWorkflowMessages } from './zh-CN/requests-workflow.ts';
import { surveyMessages } from './zh-CN/surveys.ts';

/**
 * Feature message catalogs merged into the zh-CN catalog. Each feature that grows many texts keeps
 * them in src/i18n/zh-CN/<feature>.ts and is listed here, so parallel work does not collide in one file.
 */
export const zhCNExtra = {
  ...boardMessages,
  ...calendarMessages,
  ...catalogMessages,
  ...disclosureMessages,
  ...documentMessages,
  ...notifyMessages,
  ...obligationMessages,
  ...privacyMessages,
  ...portalMessages,
  ...requestDocumentMessages,
  ...requestMessages,
  ...requestWorkflowMessages,
  ...engagementMessages,
  ...feedbackMessages,
  ...consultationMessages,
  ...demandMessages,
  ...surveyMessages,
} as const;
