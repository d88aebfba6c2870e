import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from './columns.ts';
import { parseUnitFile } from './parse-unit-file.ts';
import { unitImportTemplate } from './unit-import-template.ts';

const HEAD = ['单位编码', '单位名称', '单位类型', '上级单位编码'];

function csv(lines: string[][], bom = true): Buffer {
  return Buffer.from(`${bom ? '\uFEFF' : ''}${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}

// GBK byte pairs of the few characters the GBK test needs (no GBK encoder ships with Node).
const GBK: Record<string, [number, number]> = {
  单: [0xb5, 0xa5],
  位: [0xce, 0xbb],
  编: [0xb1, 0xe0],
  码: [0xc2, 0xeb],
  名: [0xc3, 0xfb],
  称: [0xb3, 0xc6],
  类: [0xc0, 0xe0],
  型: [0xd0, 0xcd],
  上: [0xc9, 0xcf],
  级: [0xbc, 0xb6],
  地: [0xb5, 0xd8],
  址: [0xd6, 0xb7],
  东: [0xb6, 0xab],
  风: [0xb7, 0xe7],
  村: [0xb4, 0xe5],
  委: [0xce, 0xaf],
  会: [0xbb, 0xe1],
};
function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (GBK[ch]) bytes.push(...GBK[ch]);
    else throw new Error(`no GBK bytes for ${ch} in the test table`);
  }
  return Buffer.from(bytes);
}

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('单位'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('parseUnitFile', () => {
  it('reads a UTF-8 CSV with a BOM, in any column order, skipping empty rows', async () => {
    const file = csv([
      ['上级单位编码', '单位类型', '单位编码', '单位名称', '地址'],
      ['XZ01', '村', 'C01', '东风村', '"东风村委会, 一组"'],
      ['', '', '', '', ''],
      [' XZ01 ', '社区', 'S01', '新华社区 ', ''],
    ]);
    const r = await parseUnitFile('units.csv', file);
    assert.equal(r.format, 'csv');
    assert.deepEqual(r.fileErrors, []);
    assert.equal(r.rows.length, 2);
    assert.deepEqual(r.rows[0], {
      row: 2,
      code: 'C01',
      name: '东风村',
      kind: '村',
      parentCode: 'XZ01',
      adminCode: '',
      hostCode: '',
      contactPhone: '',
      address: '东风村委会, 一组',
      sortOrder: '',
    });
    // the empty line is row 3 in the spreadsheet, so the next record is row 4, trimmed
    assert.equal(r.rows[1].row, 4);
    assert.equal(r.rows[1].parentCode, 'XZ01');
    assert.equal(r.rows[1].name, '新华社区');
  });

  it('decodes a GBK CSV, as Excel on Chinese Windows saves it', async () => {
    const file = gbk('单位编码,单位名称,单位类型,上级单位编码,地址\r\nDF01,东风村,村,XZ01,东风村委会\r\n');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(file));
    const r = await parseUnitFile('units.csv', file);
    assert.deepEqual(r.fileErrors, []);
    assert.equal(r.rows.length, 1);
    assert.equal(r.rows[0].name, '东风村');
    assert.equal(r.rows[0].kind, '村');
    assert.equal(r.rows[0].address, '东风村委会');
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode 文本")', async () => {
    const text = `\uFEFF${HEAD.join('\t')}\r\nC01\t东风村\t村\tXZ01\r\n`;
    const r = await parseUnitFile('units.txt', Buffer.from(text, 'utf16le'));
    assert.deepEqual(r.fileErrors, []);
    assert.equal(r.rows[0].name, '东风村');
  });

  it('reports missing required headers as one file-level error and reads no rows', async () => {
    const r = await parseUnitFile(
      'units.csv',
      csv([
        ['单位编码', '单位名称'],
        ['C01', '东风村'],
      ]),
    );
    assert.equal(r.rows.length, 0);
    assert.equal(r.fileErrors.length, 1);
    assert.equal(r.fileErrors[0].code, 'import.bad_header');
    assert.equal(r.fileErrors[0].params.missing, '单位类型、上级单位编码');
    assert.match(String(r.fileErrors[0].params.expected), /^单位编码、单位名称、单位类型、上级单位编码、/);
  });

  it('reports unknown and duplicated headers but still reads the rows', async () => {
    const r = await parseUnitFile(
      'units.csv',
      csv([
        [...HEAD, '负责人', '单位名称'],
        ['C01', '东风村', '村', 'XZ01', '张三', 'x'],
      ]),
    );
    assert.deepEqual(
      r.fileErrors.map((e) => [e.code, e.params.header]),
      [
        ['import.unknown_header', '负责人'],
        ['import.duplicate_header', '单位名称'],
      ],
    );
    assert.equal(r.rows.length, 1);
    assert.equal(r.rows[0].name, '东风村');
  });

  it('ignores blank trailing columns but not data under a blank header', async () => {
    const ok = await parseUnitFile(
      'u.csv',
      csv([
        [...HEAD, ''],
        ['C01', '东风村', '村', 'XZ01', ''],
      ]),
    );
    assert.deepEqual(ok.fileErrors, []);
    const bad = await parseUnitFile(
      'u.csv',
      csv([
        [...HEAD, ''],
        ['C01', '东风村', '村', 'XZ01', '?'],
      ]),
    );
    assert.deepEqual(bad.fileErrors, [{ code: 'import.unknown_header', params: { header: '第5列' } }]);
  });

  it('refuses content that is neither CSV nor XLSX, whatever the name says', async () => {
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]);
    assert.equal((await parseUnitFile('units.csv', binary)).fileErrors[0].code, 'import.file_type');
    const oldXls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.equal((await parseUnitFile('units.dat', oldXls)).fileErrors[0].code, 'import.file_type');
    const htmlAsXls = Buffer.from('<html><table><tr><td>单位编码</td></tr></table></html>');
    assert.equal((await parseUnitFile('导出.xls', htmlAsXls)).fileErrors[0].code, 'import.file_type');
    const notXlsx = Buffer.from('PK\u0003\u0004garbage');
    assert.equal((await parseUnitFile('units.xlsx', notXlsx)).fileErrors[0].code, 'import.file_unreadable');
  });

  it('reports an empty file and too many rows', async () => {
    assert.equal((await parseUnitFile('u.csv', csv([HEAD]))).fileErrors[0].code, 'import.empty');
    const many = [HEAD, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`C${i}`, 'n', '村', 'X'])];
    const r = await parseUnitFile('u.csv', csv(many));
    assert.deepEqual(r.fileErrors, [{ code: 'import.too_many_rows', params: { limit: MAX_IMPORT_ROWS } }]);
    assert.equal(r.rows.length, 0);
  });

  it('reads the first worksheet of an XLSX, detected by content, normalising cell values', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(['单位类型', '单位编码', '单位名称', '上级单位编码', '排序', '联系电话', '地址']);
      ws.addRow([
        '村',
        1001,
        { richText: [{ text: '东风' }, { text: '村 ', font: { bold: true } }] },
        { formula: '"XZ"&"01"', result: 'XZ01' },
        5,
        13800000000,
        { text: '地图', hyperlink: 'https://example.org/' },
      ]);
      ws.addRow([]);
      ws.addRow(['社区', 'S01', '新华社区', 'XZ01']);
    });
    // a misleading name does not matter: the content is a zip
    const r = await parseUnitFile('units.csv', file);
    assert.equal(r.format, 'xlsx');
    assert.deepEqual(r.fileErrors, []);
    assert.equal(r.rows.length, 2);
    assert.deepEqual(r.rows[0], {
      row: 2,
      code: '1001',
      name: '东风村',
      kind: '村',
      parentCode: 'XZ01',
      adminCode: '',
      hostCode: '',
      contactPhone: '13800000000',
      address: '地图',
      sortOrder: '5',
    });
    assert.equal(r.rows[1].row, 4);
  });

  it('produces templates that parse back to one clean example row', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await parseUnitFile(`template.${format}`, await unitImportTemplate(format));
      assert.equal(r.format, format);
      assert.deepEqual(r.fileErrors, []);
      assert.equal(r.rows.length, 1);
      assert.equal(r.rows[0].kind, '村');
      assert.equal(r.rows[0].adminCode, '410101001001');
    }
  });
});
