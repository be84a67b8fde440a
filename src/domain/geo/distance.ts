// Great-circle distance, to sort campaigns nearest first.

export interface Point {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** @example distanceKm({ lat: 34.020, lon: -6.841 }, { lat: 33.573, lon: -7.589 }) // ≈ 85 (Rabat–Casablanca) */
export function distanceKm(a: Point, b: Point): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
