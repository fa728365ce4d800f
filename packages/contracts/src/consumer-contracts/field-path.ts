/** One step of a field path: a property, or every element of an array (`[]`). */
export type PathStep = { kind: 'key'; key: string } | { kind: 'each' };

/** `lines[].skuId` → key lines, each, key skuId. */
export function pathSteps(path: string): PathStep[] {
  return path.split('.').flatMap((part): PathStep[] => {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    return [...(key ? [{ kind: 'key', key } as const] : []), ...(each ? [{ kind: 'each' } as const] : [])];
  });
}
