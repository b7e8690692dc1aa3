import type { Finding } from '../src/core/health';
import type { Review } from '../src/core/review';
import type { TimelineData } from '../src/core/timeline';
import type { FindingView, Timeline, WeeklyReview } from '../src/server/contract';
export const a = (f: Finding): FindingView => f;
export const b = (r: Review): WeeklyReview => r;
export const c = (t: TimelineData): Timeline => t;
