/** Cookie holding the commune a visitor chose to see first (not personal data). */
export const COMMUNE_COOKIE = 'baro_commune';
