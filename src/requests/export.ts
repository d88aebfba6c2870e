import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { maskRequest } from './mask.ts';
import { APPLICANT_KIND_LABELS, outcomeOf } from './outcomes.ts';
import { listRequests } from './queries.ts';

/**
 * CSV export of the requests the actor may see. Personal data is always masked here — exports
 * leave the system, whoever runs them (SPEC §7 “nobody sees what they must not”).
 */
export async function exportRequestsCsv(db: DbOrTx, actor: Actor, today: string): Promise<string> {
  const rows = await listRequests(db, actor, today, { limit: 100_000 });
  const head = [
    '查询码',
    '受理单位',
    '申请人类型',
    '申请人',
    '申请内容',
    '申请方式',
    '收到日期',
    '答复期限',
    '状态',
    '办理结果',
  ];
  const lines = [head];
  for (const r of rows) {
    const m = maskRequest({
      applicant_name: r.applicant_name,
      contact_person: null,
      id_number: null,
      phone: null,
      email: null,
      address: null,
      postcode: null,
      description: r.description,
      supplement_text: null,
    });
    lines.push([
      r.tracking_code,
      r.unit_name,
      APPLICANT_KIND_LABELS[r.applicant_kind as keyof typeof APPLICANT_KIND_LABELS] ?? r.applicant_kind,
      m.applicant_name,
      m.description,
      t(`request.channel.${r.channel}`),
      r.received_on ?? '',
      r.due_date ?? '',
      t(`request.state.${r.state}`),
      r.outcome_key ? `${outcomeOf(r.outcome_key)?.row ?? ''}${outcomeOf(r.outcome_key)?.label ?? ''}` : '',
    ]);
  }
  const cell = (v: string) =>
    /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : v;
  return `\ufeff${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
