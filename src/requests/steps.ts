import type { TSchema } from 'typebox';
import type { UploadedFile } from '../disclosure/attachments.ts';
import type { OpContext } from '../lib/context.ts';
import { abandonRequest } from './abandon-request.ts';
import { archiveRequest } from './archive-request.ts';
import { confirmRequest } from './confirm-request.ts';
import { deliverReply } from './deliver-reply.ts';
import { endConsultation } from './end-consultation.ts';
import { extendDeadline } from './extend-deadline.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { makeProactive } from './make-proactive.ts';
import { precheckReply } from './precheck-reply.ts';
import { receiveSupplement } from './receive-supplement.ts';
import { recordFeePayment } from './record-fee-payment.ts';
import { recordRemedy } from './record-remedy.ts';
import { replyRequest } from './reply-request.ts';
import { requestSupplement } from './request-supplement.ts';
import {
  ConsultInput,
  DateInput,
  DeliverInput,
  EndConsultInput,
  ExtendInput,
  FeeNoticeInput,
  PrecheckInput,
  ProactiveInput,
  ReasonInput,
  RemedyInput,
  RemedyUpdateInput,
  ReplyInput,
  SupplementInput,
  SupplementNoticeInput,
  TransferInput,
} from './schemas.ts';
import { startConsultation } from './start-consultation.ts';
import { transferRequest } from './transfer-request.ts';
import { updateRemedy } from './update-remedy.ts';
import { withdrawRequest } from './withdraw-request.ts';

/**
 * The workflow steps on a request, by URL segment: the back-office forms
 * (POST /admin/requests/:id/<step>) and the API (POST /api/v1/requests/:id/<step>) are generated
 * from this one table, so both call the same operation with the same schema.
 */
export interface StepDef {
  summary: string;
  body: TSchema | null;
  /** Accepts an uploaded file (multipart field `file`). */
  file?: boolean;
  run: (
    ctx: OpContext,
    id: string,
    body: Record<string, unknown>,
    file: UploadedFile | null,
    limit: number,
  ) => Promise<unknown>;
}

export const STEPS: Record<string, StepDef> = {
  confirm: {
    summary: '确认收到申请（确认之日为收到申请之日）',
    body: DateInput,
    run: (c, id, b) => confirmRequest(c, id, b),
  },
  'supplement-notice': {
    summary: '发出补正告知（收到申请后 7 个工作日内，仅一次）',
    body: SupplementNoticeInput,
    run: (c, id, b) => requestSupplement(c, id, b),
  },
  supplement: {
    summary: '登记补正材料（答复期限自收到之日重新计算）',
    body: SupplementInput,
    file: true,
    run: (c, id, b, f, l) => receiveSupplement(c, id, b, f, l),
  },
  abandon: { summary: '逾期未补正或未缴费：终止办理', body: null, run: (c, id) => abandonRequest(c, id) },
  transfer: { summary: '转办至其他单位', body: TransferInput, run: (c, id, b) => transferRequest(c, id, b) },
  consult: {
    summary: '征求第三方或共同制作机关意见（期限中止）',
    body: ConsultInput,
    run: (c, id, b) => startConsultation(c, id, b),
  },
  'consult-end': {
    summary: '记录意见征询结果或逾期未答复',
    body: EndConsultInput,
    run: (c, id, b) => endConsultation(c, id, b),
  },
  extend: {
    summary: '批准延期答复（一次，至多 20 个工作日）',
    body: ExtendInput,
    run: (c, id, b) => extendDeadline(c, id, b),
  },
  'fee-notice': {
    summary: '发出收费通知（缴费期间期限中止）',
    body: FeeNoticeInput,
    run: (c, id, b) => issueFeeNotice(c, id, b),
  },
  'fee-paid': { summary: '记录已缴费', body: DateInput, run: (c, id, b) => recordFeePayment(c, id, b) },
  reply: {
    summary: '作出答复（第三十六条；拒绝类须选择理由）',
    body: ReplyInput,
    file: true,
    run: (c, id, b, f, l) => replyRequest(c, id, b, f, l),
  },
  precheck: {
    summary: '程序性把关（通过或退回）',
    body: PrecheckInput,
    run: (c, id, b) => precheckReply(c, id, b),
  },
  deliver: {
    summary: '记录送达（方式与日期）',
    body: DeliverInput,
    run: (c, id, b) => deliverReply(c, id, b),
  },
  archive: { summary: '归档', body: null, run: (c, id) => archiveRequest(c, id) },
  withdraw: { summary: '登记申请人撤回', body: ReasonInput, run: (c, id, b) => withdrawRequest(c, id, b) },
  remedies: {
    summary: '登记行政复议或行政诉讼',
    body: RemedyInput,
    run: (c, id, b) => recordRemedy(c, id, b),
  },
  'remedy-update': {
    summary: '更新复议或诉讼结果',
    body: RemedyUpdateInput,
    run: (c, id, b) => updateRemedy(c, id, b),
  },
  proactive: {
    summary: '转为主动公开（第四十四条）',
    body: ProactiveInput,
    run: (c, id, b) => makeProactive(c, id, b),
  },
};
