import type { VNode } from 'preact';
import {
  AMOUNT_COLUMNS,
  type FinanceColumn,
  type FinanceRow,
  type FinanceTable,
  formatCents,
} from './finance-sheet.ts';

const ROW_FIELD: Record<FinanceColumn, keyof FinanceRow> = {
  date: 'date',
  voucher: 'voucher',
  summary: 'summary',
  account: 'account',
  income: 'incomeCents',
  expense: 'expenseCents',
  balance: 'balanceCents',
  handler: 'handler',
  note: 'note',
};

function amount(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatCents(cents);
}

/**
 * The sheet as an accessible table: caption, column headers with scope, the summary of each line
 * as its row header, amounts right-aligned (td.num) as 1,234.56, an opening-balance line when the
 * sheet has one, and a totals row in <tfoot>.
 */
export function renderFinanceTable(table: FinanceTable, opts: { caption?: string } = {}): VNode {
  const cols = table.columns;
  const isAmount = (key: FinanceColumn) => AMOUNT_COLUMNS.includes(key);
  const labelCol = cols.find((c) => c.key === 'summary') ?? cols.find((c) => !isAmount(c.key)) ?? cols[0];
  const special = (label: string, values: Partial<Record<FinanceColumn, number | null>>) =>
    cols.map((c) =>
      c === labelCol ? (
        <th scope="row">{label}</th>
      ) : isAmount(c.key) ? (
        <td class="num">{amount(values[c.key])}</td>
      ) : (
        <td />
      ),
    );
  const hasBalance = cols.some((c) => c.key === 'balance');
  return (
    <table class="finance-table">
      <caption>
        {opts.caption ?? table.title ?? '财务收支明细'}
        <span class="finance-unit">（金额单位：元）</span>
      </caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col" class={isAmount(c.key) ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.openingBalanceCents !== null && hasBalance ? (
          <tr>{special('上期结余', { balance: table.openingBalanceCents })}</tr>
        ) : null}
        {table.rows.map((r) => (
          <tr>
            {cols.map((c) => {
              const v = r[ROW_FIELD[c.key]];
              if (isAmount(c.key)) return <td class="num">{amount(v as number | null)}</td>;
              return c === labelCol ? <th scope="row">{v}</th> : <td>{v}</td>;
            })}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          {special('合计', {
            income: table.totals.incomeCents,
            expense: table.totals.expenseCents,
            balance: table.totals.closingBalanceCents,
          })}
        </tr>
      </tfoot>
    </table>
  );
}
