/** Shifting a plan's due dates after a slip, one module per stage: the links (dependencies), the graph, the shift, the key dates and the checks without a move; this is their one door. */
export type * from './schedule-types';
export { buildDependencies, type Dependencies, type DependencyRow } from './dependencies';
export { topologicalOrder, type GraphStep, type TopologicalOrder } from './schedule-graph';
export { detectMoves, shiftDownstream } from './shift-downstream';
export { closeDateCheck, criticalChain, dateOrderProblems, type CloseDateCheck } from './plan-checks';
