import { type Kafka, Partitioners, type Producer, type ProducerConfig } from 'kafkajs';

/**
 * A producer as the platform uses them: topics are never auto-created (a typo fails loudly), and
 * keys are hashed like the Java client does (murmur2), so a key lands on the same partition
 * whichever service or tool produces it. Naming the partitioner also silences kafkajs's v2 notice.
 */
export function createProducer(kafka: Kafka, config: ProducerConfig = {}): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    ...config,
  });
}
