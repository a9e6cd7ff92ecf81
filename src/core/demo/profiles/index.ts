import { NORWAY_PROFILE } from './norway.ts';
import type { DemoCountry, DemoProfile } from './profile-types.ts';
import { SWEDEN_PROFILE } from './sweden.ts';

export const DEMO_PROFILES: Readonly<Record<DemoCountry, DemoProfile>> = { NO: NORWAY_PROFILE, SE: SWEDEN_PROFILE };

export type * from './profile-types.ts';
export { DEMO_COUNTRIES } from './profile-types.ts';
