import { deadLetterTopic } from '../kafka';

/** Which group a dead-letter topic belongs to, for the groups given. */
export function groupByDeadLetterTopic(groups: readonly string[]): Map<string, string> {
  return new Map(groups.map((group) => [deadLetterTopic(group), group]));
}
