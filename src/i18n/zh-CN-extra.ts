import { boardMessages } from './zh-CN/board.ts';
import { calendarMessages } from './zh-CN/calendar.ts';
import { catalogMessages } from './zh-CN/catalog.ts';
import { disclosureMessages } from './zh-CN/disclosure.ts';
import { documentMessages } from './zh-CN/documents.ts';
import { notifyMessages } from './zh-CN/notify.ts';
import { obligationMessages } from './zh-CN/obligations.ts';

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
} as const;
