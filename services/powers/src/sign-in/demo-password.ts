/**
 * The one password of every demo account (development only: production seeds no demo data).
 * Documented in README, "Try it".
 */
export const DEMO_PASSWORD = 'Sunlight@2026';
