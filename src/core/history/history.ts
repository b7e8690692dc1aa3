/** The plan's memory of itself: the baseline, every change of a due date or status since, and the counters the health check and the metrics read. */
export * from './records';
export * from './observe';
export * from './queries';
