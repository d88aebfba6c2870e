import { maskPersonalData, maskValue } from '../privacy/privacy-guard.ts';
import type { InfoRequest } from './store.ts';

/**
 * The applicant's personal data as shown to anyone but the handling unit and the office, and in
 * every export: name 张**, ID 1101**********002X, phone 138****5678, email a***@host, address cut
 * after its first 6 characters. Free text (description, supplement) goes through the privacy guard.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 4))}`;
}

function maskPhone(v: string): string {
  const digits = v.replace(/\D/g, '');
  if (/^(86)?1[3-9]\d{9}$/.test(digits)) return maskValue('mobile', v);
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

function maskEmail(v: string): string {
  const [user, host] = v.split('@');
  return host ? `${user.slice(0, 1)}***@${host}` : '***';
}

export type PersonalFields = Pick<
  InfoRequest,
  | 'applicant_name'
  | 'contact_person'
  | 'id_number'
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  | 'description'
  | 'supplement_text'
>;

export function maskRequest<T extends PersonalFields>(r: T): T {
  const m = (v: string | null, f: (s: string) => string) => (v ? f(v) : v);
  return {
    ...r,
    applicant_name: r.applicant_name ? maskName(r.applicant_name) : r.applicant_name,
    contact_person: m(r.contact_person, maskName),
    id_number: m(r.id_number, (v) => maskValue('id_card', v)),
    phone: m(r.phone, maskPhone),
    email: m(r.email, maskEmail),
    address: m(r.address, (v) => `${[...v].slice(0, 6).join('')}***`),
    postcode: r.postcode ? '******' : r.postcode,
    description: maskPersonalData(r.description).text,
    supplement_text: m(r.supplement_text, (v) => maskPersonalData(v).text),
  };
}
