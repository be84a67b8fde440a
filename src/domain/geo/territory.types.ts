// The shape of the reference map: regions and their prefectures and provinces.
import { z } from 'zod';

const arabic = z.string().regex(/^[\u0600-\u06FF\s]+$/, 'expected Arabic script');

export const RegionSeedSchema = z.object({
  code: z.string().regex(/^MA-(0[1-9]|1[0-2])$/),
  nameFr: z.string().min(1),
  nameAr: arabic,
});
export type RegionSeed = z.infer<typeof RegionSeedSchema>;

export const ProvinceSeedSchema = z.object({
  code: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  regionCode: z.string().regex(/^MA-(0[1-9]|1[0-2])$/),
  kind: z.enum(['prefecture', 'province']),
  nameFr: z.string().min(1),
  nameAr: arabic,
  /** Capital town of the province: the point "near this province" is measured from. */
  lat: z.number().min(20.5).max(36),
  lon: z.number().min(-17.5).max(-0.9),
  /** Other spellings and the main towns people name instead of the province. */
  aliases: z.array(z.string().min(1)),
});
export type ProvinceSeed = z.infer<typeof ProvinceSeedSchema>;
