// Whether an explore link may start its search by itself. A link is a stranger's: opening it must not
// start a search that takes the tab's memory and a core for minutes. The estimate is the machine's
// size times the depth, CPUs x tasks x depth, since the states at a depth grow with the events there
// are (each op on each CPU, a task op to each task) to the power of the depth: the reference machine
// (2 CPUs, 3 tasks) at the default depth 12 costs 72 and finishes in a second or two; 3 CPUs with 4
// tasks at depth 12 (144) takes minutes; 8 CPUs with 32 tasks at depth 12 (3,072) never finishes.
import type { ExploreConfig } from '../../workers/protocol';

/** The largest estimated cost a link starts by itself: the reference machine at depth 16, or 2 x 4 x 12. */
export const AUTO_START_MAX_COST = 96;

/** The estimated cost of a search: CPUs x tasks x depth. */
export const searchCost = (c: Pick<ExploreConfig, 'cpus' | 'tasks'>, depth: number): number =>
  c.cpus * c.tasks.length * depth;

/** Whether a link may start this search by itself. */
export const autoStartAllowed = (c: Pick<ExploreConfig, 'cpus' | 'tasks'>, depth: number): boolean =>
  searchCost(c, depth) <= AUTO_START_MAX_COST;

/** What the Explore view says of a link's search it did not start. */
export function heldText(c: Pick<ExploreConfig, 'cpus' | 'tasks'>, depth: number): string {
  const cost = searchCost(c, depth).toLocaleString('en');
  return (
    `This link asks for a search that was not started: ${c.cpus} CPUs × ${c.tasks.length} tasks × depth ` +
    `${depth} = ${cost}, above ${AUTO_START_MAX_COST}, the largest a link starts by itself (a search this ` +
    `size can take minutes and much of this tab's memory). Check the settings, then press Run the explorer.`
  );
}
