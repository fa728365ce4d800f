import { InProcessKafka } from './in-process-kafka';

/** The broker address that selects the in-process bus instead of Kafka. */
export const IN_PROCESS_BROKER = 'in-process';

let bus: InProcessKafka | undefined;

/** Every service of the process shares one bus, as they would share one Kafka cluster. */
export function processBus(): InProcessKafka {
  bus ??= new InProcessKafka();
  return bus;
}

/** Called once, before any service starts, to keep the bus's log in `dir` across restarts. */
export function keepProcessBusIn(dir: string): void {
  if (bus) throw new Error('the in-process bus is already in use');
  bus = new InProcessKafka(dir);
}
