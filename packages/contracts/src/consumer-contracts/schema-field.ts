import type { PathStep } from './field-path';
import type { JsonType } from './field-type';

type SchemaNode = Record<string, unknown>;

/** What a JSON Schema promises at one path; `any` = the schema does not constrain the type. */
export interface SchemaField {
  found: boolean;
  mayBeAbsent: boolean;
  types: Set<JsonType | 'any'>;
}

const notFound = (): SchemaField => ({ found: false, mayBeAbsent: true, types: new Set() });

/** Walks a JSON Schema (as `z.toJSONSchema` writes it) along a path, through every union branch. */
export function schemaField(root: SchemaNode, steps: readonly PathStep[]): SchemaField {
  const walk = (raw: SchemaNode, rest: readonly PathStep[]): SchemaField => {
    const node = resolve(root, raw);
    const branches = (node.anyOf ?? node.oneOf ?? node.allOf) as SchemaNode[] | undefined;
    if (branches) return merge(branches.map((branch) => walk(branch, rest)));
    const [step, ...after] = rest;
    if (!step) return { found: true, mayBeAbsent: false, types: typesOf(node) };
    if (step.kind === 'each') {
      return typesOf(node).has('array') && node.items ? walk(node.items as SchemaNode, after) : notFound();
    }
    const child = (node.properties as Record<string, SchemaNode> | undefined)?.[step.key];
    if (!child) return notFound();
    const field = walk(child, after);
    const required = (node.required as string[] | undefined)?.includes(step.key) ?? false;
    return { ...field, mayBeAbsent: field.mayBeAbsent || !required };
  };
  return walk(root, steps);
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (ref === '#') return root;
  const name = ref.replace(/^#\/\$defs\//, '');
  return resolve(root, (root.$defs as Record<string, SchemaNode>)[name] ?? {});
}

// A union offers the field if any branch does; a branch without it means it may be absent.
function merge(fields: SchemaField[]): SchemaField {
  const offered = fields.filter((field) => field.found);
  return {
    found: offered.length > 0,
    mayBeAbsent: fields.some((field) => field.mayBeAbsent),
    types: new Set(offered.flatMap((field) => [...field.types])),
  };
}

function typesOf(node: SchemaNode): Set<JsonType | 'any'> {
  if (typeof node.type === 'string') return new Set([node.type as JsonType]);
  if (Array.isArray(node.type)) return new Set(node.type as JsonType[]);
  const values = 'const' in node ? [node.const] : (node.enum as unknown[] | undefined);
  if (values) return new Set(values.map((value) => (value === null ? 'null' : (typeof value as JsonType))));
  return new Set(['any']);
}
