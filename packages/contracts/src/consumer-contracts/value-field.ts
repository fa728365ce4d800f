import type { PathStep } from './field-path';
import { type JsonType, jsonTypeOf } from './field-type';

/** The type found at a path in a real payload, once per array element; `absent` when missing. */
export function valueFieldTypes(value: unknown, steps: readonly PathStep[]): Array<JsonType | 'absent'> {
  const [step, ...rest] = steps;
  if (!step) return [value === undefined ? 'absent' : jsonTypeOf(value)];
  if (step.kind === 'each') {
    return Array.isArray(value) ? value.flatMap((element) => valueFieldTypes(element, rest)) : ['absent'];
  }
  if (jsonTypeOf(value) !== 'object') return ['absent'];
  return valueFieldTypes((value as Record<string, unknown>)[step.key], rest);
}
