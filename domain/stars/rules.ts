/** The rating's rules as the settings hold them now (STAR_WEIGHTS, STAR_THRESHOLDS, STAR_SERVICE_HOURS_PER_MEMBER). */
import { setting } from '../core/config';
import type { StarRules } from './compute';

export function starRules(): StarRules {
  return {
    weights: setting('STAR_WEIGHTS'),
    thresholds: setting('STAR_THRESHOLDS'),
    hoursPerMember: setting('STAR_SERVICE_HOURS_PER_MEMBER'),
  };
}
