import type { YearArrangement } from './calendar.ts';

/**
 * Official holiday arrangements (节假日安排) 2020–2026, transcribed from the State Council General
 * Office notices (国务院办公厅关于20XX年部分节假日安排的通知). Project-owned so that every deadline can
 * be traced to a notice number; npm chinese-days is only a test-time cross-check (calendar.data.test.ts).
 *
 * Per year, keyed by the notice's year (not by the dates' year):
 * - holidays (放假/调休日): every date the notice names as a day off, weekend days inside a named
 *   block included. Days the notice only says a holiday "joins" (与周末连休) are ordinary weekends
 *   and are not listed (2024 元旦 and 端午).
 * - makeupWorkdays (调休上班): weekend days the notice turns into working days.
 * A notice may name dates of the previous year (the 2023 notice starts 元旦 on 2022-12-31).
 *
 * Adding a year: copy the notice, one line per festival, then run the calendar tests; the
 * chinese-days cross-check only covers the years that package has.
 */
export const SHIPPED_YEARS: readonly YearArrangement[] = [
  {
    year: 2020,
    source:
      '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019-11-21）；' +
      '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-26）',
    // The 2019 notice gave 春节 as 1/24–1/30 with Sat 2/1 as a make-up workday. The COVID-19
    // extension (国办发明电〔2020〕1号) moved the end to Sun 2/2 with work resuming Mon 2/3, so
    // 1/31–2/2 are days off and the 2/1 make-up day no longer exists. This is what officially
    // applied, and chinese-days encodes the same. Later provincial resumption delays were local
    // decisions, not national days off, and are not included.
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2020-01-01', // 元旦
      '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02', // 春节 (extended)
      '2020-04-04', '2020-04-05', '2020-04-06', // 清明
      '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05', // 劳动节
      '2020-06-25', '2020-06-26', '2020-06-27', // 端午
      '2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08', // 国庆、中秋
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2020-01-19', // 春节 (the original 2020-02-01 was cancelled by the extension)
      '2020-04-26', '2020-05-09', // 劳动节
      '2020-06-28', // 端午
      '2020-09-27', '2020-10-10', // 国庆、中秋
    ],
  },
  {
    year: 2021,
    source: '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020-11-25）',
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2021-01-01', '2021-01-02', '2021-01-03', // 元旦
      '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17', // 春节
      '2021-04-03', '2021-04-04', '2021-04-05', // 清明
      '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05', // 劳动节
      '2021-06-12', '2021-06-13', '2021-06-14', // 端午
      '2021-09-19', '2021-09-20', '2021-09-21', // 中秋
      '2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07', // 国庆
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2021-02-07', '2021-02-20', // 春节
      '2021-04-25', '2021-05-08', // 劳动节
      '2021-09-18', // 中秋
      '2021-09-26', '2021-10-09', // 国庆
    ],
  },
  {
    year: 2022,
    source: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021-10-25）',
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2022-01-01', '2022-01-02', '2022-01-03', // 元旦
      '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06', // 春节
      '2022-04-03', '2022-04-04', '2022-04-05', // 清明
      '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04', // 劳动节
      '2022-06-03', '2022-06-04', '2022-06-05', // 端午
      '2022-09-10', '2022-09-11', '2022-09-12', // 中秋
      '2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07', // 国庆
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2022-01-29', '2022-01-30', // 春节
      '2022-04-02', // 清明
      '2022-04-24', '2022-05-07', // 劳动节
      '2022-10-08', '2022-10-09', // 国庆
    ],
  },
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022-12-08）',
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2022-12-31', '2023-01-01', '2023-01-02', // 元旦 (starts in 2022)
      '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27', // 春节
      '2023-04-05', // 清明
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03', // 劳动节
      '2023-06-22', '2023-06-23', '2023-06-24', // 端午
      '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06', // 中秋、国庆
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2023-01-28', '2023-01-29', // 春节
      '2023-04-23', '2023-05-06', // 劳动节
      '2023-06-25', // 端午
      '2023-10-07', '2023-10-08', // 中秋、国庆
    ],
  },
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
    // 除夕 2024-02-09 (Fri) stays a working day: the notice only "encourages" units to let staff
    // rest that day with annual leave, which does not change the official working-day count.
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2024-01-01', // 元旦 (与周末连休)
      '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17', // 春节
      '2024-04-04', '2024-04-05', '2024-04-06', // 清明
      '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05', // 劳动节
      '2024-06-10', // 端午 (与周末连休)
      '2024-09-15', '2024-09-16', '2024-09-17', // 中秋
      '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07', // 国庆
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2024-02-04', '2024-02-18', // 春节
      '2024-04-07', // 清明
      '2024-04-28', '2024-05-11', // 劳动节
      '2024-09-14', // 中秋
      '2024-09-29', '2024-10-12', // 国庆
    ],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
    // First year under the 2024 revision of 全国年节及纪念日放假办法 (春节 and 劳动节 +1 day each).
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2025-01-01', // 元旦
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04', // 春节
      '2025-04-04', '2025-04-05', '2025-04-06', // 清明
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', // 劳动节
      '2025-05-31', '2025-06-01', '2025-06-02', // 端午
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08', // 国庆、中秋
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2025-01-26', '2025-02-08', // 春节
      '2025-04-27', // 劳动节
      '2025-09-28', '2025-10-11', // 国庆、中秋
    ],
  },
  {
    year: 2026,
    // Notice number taken from a repost of the notice; the Xinhua copy gives title and date only.
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）',
    // biome-ignore format: one line per festival keeps the table comparable with the notice
    holidays: [
      '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', // 春节
      '2026-04-04', '2026-04-05', '2026-04-06', // 清明
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
      '2026-06-19', '2026-06-20', '2026-06-21', // 端午
      '2026-09-25', '2026-09-26', '2026-09-27', // 中秋
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆
    ],
    // biome-ignore format: grouped like the notice
    makeupWorkdays: [
      '2026-01-04', // 元旦
      '2026-02-14', '2026-02-28', // 春节
      '2026-05-09', // 劳动节
      '2026-09-20', '2026-10-10', // 国庆
    ],
  },
];
