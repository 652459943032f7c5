import type { Rng } from './random';

/*
 * The demo estates' annual satisfaction surveys, 2020–2025. The reference
 * estate follows its published record: about 74.5 in 2020, 78.80 in 2023 and
 * 84.37 in 2024 (+5.57, the first year of the steward programme), still rising
 * in 2025. The others start lower or higher and improve at their own pace,
 * with a smaller step in 2024 where the programme went in.
 */

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

/** The reference estate's scores; 2021, 2022 and 2025 lie between the published years. */
const REFERENCE: Record<string, Record<(typeof YEARS)[number], number>> = {
  LH: { 2020: 74.52, 2021: 75.96, 2022: 77.41, 2023: 78.8, 2024: 84.37, 2025: 86.04 },
};

const NOTE = '年度第三方满意度测评 Annual third-party satisfaction survey';

/** One satisfaction_survey row as the seed inserts it. */
export interface SurveyRow {
  community_id: number; unit: 'YEAR'; starts_on: string; score: number; respondents: number;
  note: string; recorded_at: string; recorded_by: null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A survey per estate and year. Each estate draws from its own stream, so its
 * scores do not depend on the other estates or on the rest of the demo.
 * @param estates the estates loaded, with their household counts.
 */
export function planSurveys(root: Rng, estates: readonly { id: number; code: string; households: number }[]): SurveyRow[] {
  return estates.flatMap(({ id, code, households }) => {
    const rng = root.derive(`surveys:${code}`);
    let score = 70 + 5 * rng.next();
    const drawn = YEARS.map((year) => {
      if (year > 2020) score += year === 2024 ? 1.5 + 3.5 * rng.next() : 0.3 + 1.3 * rng.next();
      return Math.min(95, score);
    });
    return YEARS.map((year, i): SurveyRow => ({
      community_id: id, unit: 'YEAR', starts_on: `${year}-01-01`,
      score: round2(REFERENCE[code]?.[year] ?? drawn[i]!),
      // About one household in ten answers.
      respondents: Math.max(1, Math.round(households * (0.08 + 0.04 * rng.next()))),
      note: NOTE,
      // Fieldwork ends in early December; results are recorded mid-month (10:00 local time).
      recorded_at: `${year}-12-15T02:00:00Z`, recorded_by: null,
    }));
  });
}
