/** How big a generated dataset is. */
export interface Scale {
  name: ScaleName;
  /** Counties (县/区) under the city; the last `districts` of them are urban districts (区). */
  counties: number;
  districts: number;
  /** Townships (乡/镇/街道) per county, drawn in this range, then adjusted to `townships` in total. */
  townshipsPerCounty: readonly [number, number];
  townships: number;
  /** Villages (村/社区) in total, spread over the townships. */
  villages: number;
  /** Published powers in total (more at the city and counties, fewer at villages). */
  powers: number;
  cases: number;
  ratings: number;
  complaints: number;
  /** Cases, complaints and manifest samples scale with these. */
  lookupSamples: number;
}

export type ScaleName = 'city' | 'small';

/** A prefecture-level city, and a small one for fast tests. */
export const SCALES: Record<ScaleName, Scale> = {
  city: {
    name: 'city',
    counties: 11,
    districts: 3,
    townshipsPerCounty: [8, 14],
    townships: 120,
    villages: 3000,
    powers: 30_000,
    cases: 1_000_000,
    ratings: 2_000_000,
    complaints: 50_000,
    lookupSamples: 200,
  },
  small: {
    name: 'small',
    counties: 2,
    districts: 1,
    townshipsPerCounty: [3, 3],
    townships: 6,
    villages: 60,
    powers: 300,
    cases: 5_000,
    ratings: 10_000,
    complaints: 250,
    lookupSamples: 40,
  },
};

export function isScaleName(s: string): s is ScaleName {
  return Object.hasOwn(SCALES, s);
}
