import { t } from '../i18n/index.ts';
import { Checkbox, type ErrorMap, SelectField, TextArea, TextField } from '../views/form.tsx';
import {
  AUDIENCES,
  CHANNELS,
  DOMAINS,
  MODES,
  PERIODS,
  RESPONSIBLE_ROLES,
  type Term,
  TIMINGS,
} from './vocabulary.ts';

/** What an entry form shows: the submitted values (strings, or lists for the channel boxes). */
export type EntryFormValues = Record<string, string | number | boolean | string[] | undefined>;

const options = (terms: readonly Term<string>[], prefix: string) =>
  terms.map((x) => ({ value: x.code, label: t(`${prefix}.${x.code}`) }));

/**
 * Form fields arrive as strings, and a group of checkboxes as one string when only one box is
 * ticked: make the channel lists lists, so the same EntryInput schema serves forms and the API.
 */
export function entryFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const k of ['requiredChannels', 'optionalChannels']) if (typeof out[k] === 'string') out[k] = [out[k]];
  // A checkbox is absent when unticked; the form always states it (an update replaces every field).
  out.requiresInterpretation = out.requiresInterpretation === 'true' || out.requiresInterpretation === true;
  return out;
}

function ChannelBoxes(p: { name: string; legend: string; checked: string[]; error?: string }) {
  return (
    <fieldset class={p.error ? 'channel-boxes has-error' : 'channel-boxes'} id={`f-${p.name}`}>
      <legend>{p.legend}</legend>
      {p.error && <p class="field-error">{p.error}</p>}
      <div class="inline-list">
        {CHANNELS.map((c) => (
          <label key={c.code}>
            <input type="checkbox" name={p.name} value={c.code} checked={p.checked.includes(c.code)} />{' '}
            {t(`catalog.channel.${c.code}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const str = (v: EntryFormValues[string]) =>
  Array.isArray(v) ? v.join('') : typeof v === 'boolean' ? (v ? 'true' : undefined) : v;
const list = (v: EntryFormValues[string]) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

/**
 * The fields of a catalog entry. `withDomain`: own entries choose their domain; a guiding
 * catalog's entries share the catalog's.
 */
export function EntryFields(p: { values: EntryFormValues; errors?: ErrorMap; withDomain: boolean }) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      {p.withDomain && (
        <SelectField
          name="domain"
          label={t('catalog.f.domain')}
          value={str(v.domain)}
          options={options(DOMAINS, 'catalog.domain')}
          placeholder={t('common.choose')}
          required
          error={e.domain}
        />
      )}
      <div class="row">
        <TextField
          name="level1"
          label={t('catalog.f.level1')}
          value={str(v.level1)}
          required
          maxLength={100}
          error={e.level1}
        />
        <TextField
          name="level2"
          label={t('catalog.f.level2')}
          value={str(v.level2)}
          maxLength={100}
          error={e.level2}
        />
      </div>
      <TextField
        name="item"
        label={t('catalog.f.item')}
        value={str(v.item)}
        required
        maxLength={200}
        error={e.item}
      />
      <TextArea
        name="elements"
        label={t('catalog.f.elements')}
        value={str(v.elements)}
        maxLength={2000}
        rows={4}
        error={e.elements}
      />
      <TextArea
        name="legalBasis"
        label={t('catalog.f.legal_basis')}
        value={str(v.legalBasis)}
        maxLength={1000}
        error={e.legalBasis}
      />
      <div class="row">
        <SelectField
          name="mode"
          label={t('catalog.f.mode')}
          value={str(v.mode) ?? 'proactive'}
          options={options(MODES, 'catalog.mode')}
          required
          error={e.mode}
        />
        <SelectField
          name="audience"
          label={t('catalog.f.audience')}
          value={str(v.audience) ?? 'public'}
          options={options(AUDIENCES, 'catalog.audience')}
          required
          error={e.audience}
        />
      </div>
      <div class="row">
        <SelectField
          name="timing"
          label={t('catalog.f.timing')}
          value={str(v.timing)}
          options={options(TIMINGS, 'catalog.timing')}
          placeholder={t('common.choose')}
          required
          error={e.timing}
        />
        <SelectField
          name="period"
          label={t('catalog.f.period')}
          value={str(v.period)}
          options={options(PERIODS, 'catalog.period')}
          placeholder={t('common.none')}
          hint={t('catalog.f.period_hint')}
          error={e.period}
        />
      </div>
      <div class="row">
        <TextField
          name="timeLimitDays"
          type="number"
          label={t('catalog.f.time_limit_days')}
          value={str(v.timeLimitDays)}
          hint={t('catalog.f.time_limit_days_hint')}
          error={e.timeLimitDays}
        />
        <TextField
          name="minDisplayDays"
          type="number"
          label={t('catalog.f.min_display_days')}
          value={str(v.minDisplayDays)}
          hint={t('catalog.f.min_display_days_hint')}
          error={e.minDisplayDays}
        />
      </div>
      <TextField
        name="timeLimitText"
        label={t('catalog.f.time_limit_text')}
        value={str(v.timeLimitText)}
        maxLength={200}
        hint={t('catalog.f.time_limit_text_hint')}
        error={e.timeLimitText}
      />
      <Checkbox
        name="requiresInterpretation"
        label={t('catalog.f.requires_interpretation')}
        hint={t('catalog.f.requires_interpretation_hint')}
        checked={v.requiresInterpretation === true || v.requiresInterpretation === 'true'}
      />
      <ChannelBoxes
        name="requiredChannels"
        legend={t('catalog.f.required_channels')}
        checked={list(v.requiredChannels)}
        error={e.requiredChannels}
      />
      <ChannelBoxes
        name="optionalChannels"
        legend={t('catalog.f.optional_channels')}
        checked={list(v.optionalChannels)}
        error={e.optionalChannels}
      />
      <div class="row">
        <TextField
          name="subject"
          label={t('catalog.f.subject')}
          value={str(v.subject)}
          maxLength={200}
          error={e.subject}
        />
        <TextField
          name="level"
          label={t('catalog.f.level')}
          value={str(v.level)}
          maxLength={50}
          hint={t('catalog.f.level_hint')}
          error={e.level}
        />
      </div>
      <div class="row">
        <SelectField
          name="responsibleRole"
          label={t('catalog.f.responsible_role')}
          value={str(v.responsibleRole) ?? 'publisher'}
          options={RESPONSIBLE_ROLES.map((r) => ({ value: r.code, label: t(`role.${r.code}`) }))}
          error={e.responsibleRole}
        />
        <TextField
          name="sortOrder"
          type="number"
          label={t('catalog.f.sort_order')}
          value={str(v.sortOrder)}
          error={e.sortOrder}
        />
      </div>
    </>
  );
}
