import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replyDocumentKind } from './documents/reply-documents.ts';
import { perRequestFee, perVolumeFee, processingFee } from './fee.ts';
import { maskName, maskRequest } from './mask.ts';
import { OUTCOME_KEYS, OUTCOMES, REPLY_KINDS } from './outcomes.ts';
import { outcomeFor } from './reply-request.ts';

test("信息处理费 (国办函〔2020〕109号): per request by the month's count, per volume progressive", () => {
  assert.deepEqual(
    [1, 10, 11, 30, 31, 40, 41, 50, 51].map(perRequestFee),
    [0, 0, 100, 100, 200, 200, 300, 300, 400],
  );
  assert.equal(perVolumeFee(30), 0);
  assert.equal(perVolumeFee(31), 10);
  assert.equal(perVolumeFee(100), 700);
  assert.equal(perVolumeFee(101), 720);
  assert.equal(perVolumeFee(200), 700 + 2000);
  assert.equal(perVolumeFee(201), 2700 + 40);
  assert.equal(processingFee('per_volume', 50), 200);
});

test('masking keeps what identifies the record, not the person', () => {
  assert.equal(maskName('王小明'), '王**');
  assert.equal(maskName('某某科技有限公司'), '某****');
  const m = maskRequest({
    applicant_name: '王小明',
    contact_person: null,
    id_number: '11010519491231002X',
    phone: '13812345678',
    email: 'wang@example.cn',
    address: '甲镇幸福路 8 号 3 单元',
    postcode: '100000',
    description: '本人身份证 11010519491231002X 的档案',
    supplement_text: null,
  });
  assert.equal(m.id_number, '1101**********002X');
  assert.equal(m.phone, '138****5678');
  assert.equal(m.email, 'w***@example.cn');
  assert.equal(m.address, '甲镇幸福路 ***');
  assert.doesNotMatch(m.description, /11010519491231002X/);
});

test('outcomes: the table 三 outcome keys are unique; every reply kind maps into them', () => {
  assert.equal(new Set(OUTCOME_KEYS).size, OUTCOMES.length);
  assert.equal(OUTCOMES.length, 21); // the data rows of 三(一)…(六) (七 and the group headers are sums)
  for (const [kind, outs] of Object.entries(REPLY_KINDS))
    for (const o of outs) {
      assert.ok(OUTCOME_KEYS.includes(o), `${kind} → ${o}`);
      if (kind !== 'partial') assert.equal(outcomeFor(kind as keyof typeof REPLY_KINDS, o), o);
      assert.match(replyDocumentKind(o), /^reply_/);
    }
  assert.equal(outcomeFor('provided', undefined), 'disclosed');
  assert.throws(() => outcomeFor('withheld', undefined));
  assert.throws(() => outcomeFor('withheld', 'disclosed'));
  // a partial disclosure names the ground of the withheld part; it still counts as （二）部分公开
  assert.equal(outcomeFor('partial', 'withheld_third_party'), 'partial');
  assert.throws(() => outcomeFor('partial', undefined));
  assert.throws(() => outcomeFor('partial', 'not_processed_repeat'));
});
