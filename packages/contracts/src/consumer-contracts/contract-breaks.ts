import type { EventContract } from '@sneakers/kit/events';
import { z } from 'zod';
import { PUBLIC_ROUTES } from '../api/public-routes';
import type { PlatformService } from '../platform-services';
import type { ConsumerContract, FieldReads } from './consumer-contract';
import { pathSteps } from './field-path';
import { accepts, parseFieldType } from './field-type';
import { schemaField } from './schema-field';
import { valueFieldTypes } from './value-field';

/** A provider as its contract test sees it: its name and the event contracts it writes. */
export interface Provider {
  name: PlatformService;
  events: readonly EventContract[];
}

/** What the provider's own code produced in its contract test: outbox rows and HTTP answers. */
export interface ProducedSamples {
  events: ReadonlyArray<{ type: string; version: number; payload: unknown }>;
  responses: ReadonlyArray<{ route: string; status: number; body: unknown }>;
}

/** One thing a consumer reads, with the provider's schema for it and real examples of it. */
interface Subject {
  consumer: string;
  /** `stock.reserved v1 payload`, `GET /orders/{orderId} 200 body`. */
  name: string;
  reads: FieldReads;
  schema: z.ZodType;
  samples: unknown[];
}

/**
 * Every way the provider fails the consumers' contracts, one sentence each, naming the consumer.
 * Each read is checked against the provider's zod schema (every shape it allows, e.g. optional) and
 * against every real payload its code produced (a schema can drift from the producer).
 */
export function findContractBreaks(
  provider: Provider,
  contracts: readonly ConsumerContract[],
  produced: ProducedSamples,
): string[] {
  const breaks: string[] = [];
  for (const contract of contracts.filter((c) => c.provider === provider.name)) {
    const subjects = [
      ...eventSubjects(provider, contract, produced, breaks),
      ...responseSubjects(provider, contract, produced, breaks),
    ];
    for (const subject of subjects) breaks.push(...subjectBreaks(provider.name, subject));
  }
  return breaks;
}

function eventSubjects(provider: Provider, contract: ConsumerContract, produced: ProducedSamples, breaks: string[]) {
  return (contract.events ?? []).flatMap((expected): Subject[] => {
    const name = `${expected.type} v${expected.version}`;
    const event = provider.events.find((e) => e.type === expected.type && e.version === expected.version);
    if (!event) {
      breaks.push(`${contract.consumer} consumes ${name} but ${provider.name} no longer defines it`);
      return [];
    }
    const samples = produced.events.filter((e) => e.type === expected.type && e.version === expected.version);
    return [
      {
        consumer: contract.consumer,
        name: `${name} payload`,
        reads: expected.reads,
        schema: event.payload,
        samples: samples.map((s) => s.payload),
      },
    ];
  });
}

function responseSubjects(provider: Provider, contract: ConsumerContract, produced: ProducedSamples, breaks: string[]) {
  return (contract.responses ?? []).flatMap((expected): Subject[] => {
    const name = `${expected.route} ${expected.status}`;
    const [method, path] = expected.route.split(' ');
    const route = PUBLIC_ROUTES.find(
      (r) => r.service === provider.name && r.method === method?.toLowerCase() && r.path === path,
    );
    const schema = route?.responses[expected.status]?.schema;
    if (!schema) {
      breaks.push(`${contract.consumer} reads ${name} but ${provider.name} no longer answers it with a body`);
      return [];
    }
    const samples = produced.responses.filter((r) => r.route === expected.route && r.status === expected.status);
    return [
      {
        consumer: contract.consumer,
        name: `${name} body`,
        reads: expected.reads,
        schema,
        samples: samples.map((s) => s.body),
      },
    ];
  });
}

function subjectBreaks(provider: string, subject: Subject): string[] {
  if (subject.samples.length === 0) {
    return [
      `${subject.consumer} reads ${subject.name} but ${provider}'s contract test produced none to check: add one to its scenario`,
    ];
  }
  const jsonSchema = z.toJSONSchema(subject.schema, { io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return Object.entries(subject.reads).flatMap(([path, spec]) => {
    const reads = `${subject.consumer} reads ${subject.name}.${path} (${spec}) but ${provider}`;
    const declared = parseFieldType(spec);
    const steps = pathSteps(path);
    const problems = new Set<string>();

    const promised = schemaField(jsonSchema, steps);
    if (!promised.found) problems.add(`${reads} no longer produces it`);
    else {
      const foreign = [...promised.types].filter((type) => type === 'any' || !accepts(declared.types, type));
      if (foreign.length > 0) problems.add(`${reads}'s schema types it as ${foreign.join(' | ')}`);
      if (promised.mayBeAbsent && !declared.optional)
        problems.add(`${reads} may leave it out (optional in its schema)`);
    }
    for (const sample of subject.samples) {
      for (const found of valueFieldTypes(sample, steps)) {
        if (found === 'absent') {
          if (!declared.optional) problems.add(`${reads} left it out of a real payload its code produced`);
        } else if (!accepts(declared.types, found)) {
          problems.add(`${reads} produced it as ${found} in a real payload`);
        }
      }
    }
    return [...problems];
  });
}
