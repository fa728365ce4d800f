/** `{ 201: 50, 409: 150 }`: how many responses had each status. */
export function countStatuses(responses: Array<{ status: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
