import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidDate } from '../../calendar/dates.ts';
import { chinaDate, consultationStatus, daysLeft, splitParagraphs } from './status.ts';

const c = (state: 'draft' | 'open' | 'reported' | 'withdrawn') => ({
  state,
  opens_on: '2026-03-10',
  closes_on: '2026-03-20',
});

test('the status follows the stored state, the dates and the final decision', () => {
  assert.equal(consultationStatus(c('draft'), '2026-03-15'), 'draft');
  assert.equal(consultationStatus(c('open'), '2026-03-09'), 'upcoming');
  assert.equal(consultationStatus(c('open'), '2026-03-10'), 'open');
  assert.equal(consultationStatus(c('open'), '2026-03-20'), 'open');
  assert.equal(consultationStatus(c('open'), '2026-03-21'), 'closed');
  assert.equal(consultationStatus(c('reported'), '2026-04-01'), 'reported');
  assert.equal(consultationStatus(c('reported'), '2026-04-01', 'approved'), 'reported');
  assert.equal(consultationStatus(c('reported'), '2026-04-01', 'published'), 'concluded');
  assert.equal(consultationStatus(c('reported'), '2026-04-01', 'revoked'), 'reported');
  assert.equal(consultationStatus(c('withdrawn'), '2026-03-15'), 'withdrawn');
});

test('days left count the last day; paragraphs are the non-empty lines; dates are China dates', () => {
  assert.equal(daysLeft(c('open'), '2026-03-20'), 1);
  assert.equal(daysLeft(c('open'), '2026-03-10'), 11);
  assert.equal(daysLeft(c('open'), '2026-03-25'), 0);
  assert.deepEqual(splitParagraphs(' 第一条 甲 \r\n\n  \n第二条 乙'), ['第一条 甲', '第二条 乙']);
  assert.equal(chinaDate(new Date('2026-03-20T15:59:00Z')), '2026-03-20');
  assert.equal(chinaDate(new Date('2026-03-20T16:00:00Z')), '2026-03-21');
});

test('isValidDate: YYYY-MM-DD that round-trips only', () => {
  assert.equal(isValidDate('2026-02-28'), true);
  assert.equal(isValidDate('2024-02-29'), true);
  assert.equal(isValidDate('2026-02-29'), false);
  assert.equal(isValidDate('2026-02-30'), false);
  assert.equal(isValidDate('2026-13-01'), false);
  assert.equal(isValidDate('2026-4-1'), false);
  assert.equal(isValidDate(''), false);
});
