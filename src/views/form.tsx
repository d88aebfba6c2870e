import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.ts';
import type { FieldError } from '../lib/errors.ts';

/** Field errors by field name, with their localized message. */
export type ErrorMap = Record<string, string>;

export function errorMap(fields: FieldError[]): ErrorMap {
  const out: ErrorMap = {};
  for (const f of fields) out[f.field || '_'] = t(f.code, f.params ?? {});
  return out;
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors, message }: { errors?: ErrorMap; message?: string | null }) {
  const entries = Object.entries(errors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>{message ?? t('validation.failed')}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, msg]) => (
            <li key={field}>{field === '_' ? msg : <a href={`#f-${field}`}>{msg}</a>}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  /** Element id; defaults to f-<name>. Set it when two forms on one page share a field name. */
  id?: string;
  label: string;
  value?: string | number | null;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: string;
  autocomplete?: string;
  maxLength?: number;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `h-${name}` : null, error ? `e-${name}` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell(p: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id ?? `f-${p.name}`}>
        {p.label}
        {p.required && (
          <span class="req" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {p.hint && (
        <p class="hint" id={`h-${p.name}`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field-error" id={`e-${p.name}`}>
          {p.error}
        </p>
      )}
      {p.children}
    </div>
  );
}

export function TextField(p: FieldProps) {
  return (
    <FieldShell {...p}>
      <input
        id={p.id ?? `f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        maxLength={p.maxLength}
        autocomplete={p.autocomplete}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      />
    </FieldShell>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...p}>
      <textarea
        id={p.id ?? `f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 3}
        required={p.required}
        maxLength={p.maxLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  p: FieldProps & { options: { value: string; label: string }[]; placeholder?: string },
) {
  return (
    <FieldShell {...p}>
      <select
        id={p.id ?? `f-${p.name}`}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={String(p.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox(p: { name: string; label: string; checked?: boolean; hint?: string }) {
  return (
    <div class="field checkbox">
      <input id={`f-${p.name}`} type="checkbox" name={p.name} value="true" checked={p.checked} />
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && <p class="hint">{p.hint}</p>}
    </div>
  );
}
