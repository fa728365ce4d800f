import { CONSUMER_GROUPS, deadLetterTopic } from '../kafka';
import { PLATFORM_SERVICES, type PlatformService } from '../service/platform-services';

export function isPlatformService(name: string): name is PlatformService {
  return Object.hasOwn(PLATFORM_SERVICES, name);
}

/** A service's consumer groups are named after it: `order-service`, `order-service-data-platform`. */
export function consumerGroupsOf(service: PlatformService): string[] {
  return CONSUMER_GROUPS.filter((group) => group === service || group.startsWith(`${service}-`));
}

/** Which group a dead-letter topic belongs to, for the groups given. */
export function groupByDeadLetterTopic(groups: readonly string[]): Map<string, string> {
  return new Map(groups.map((group) => [deadLetterTopic(group), group]));
}
