// The Lua the claim ledger runs. Each script touches only one policy's keys, all sharing the
// `{policyId}` hash tag, so they stay single-slot (and atomic) on a Redis Cluster too.

/** Codes below 1; any positive answer is the claim's position, 1..quantity. */
export const LEDGER_CODES = {
  missing: -1,
  notActive: -2,
  notInWindow: -3,
  alreadyClaimed: -4,
  soldOut: -5,
} as const;

/**
 * KEYS: meta hash, buyers set. ARGV: buyer id, now (ms since epoch, from the service's clock).
 * The buyers set always holds the sentinel '~' once built, so "set missing" means "state lost"
 * (a flush, an eviction, an expiry) and never "nobody claimed yet": then nothing is decided here and
 * the caller rebuilds from the database first.
 */
export const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[1], KEYS[2]) < 2 then return ${LEDGER_CODES.missing} end
local m = redis.call('HMGET', KEYS[1], 'status', 'starts', 'ends', 'quantity', 'issued')
if m[1] ~= 'ACTIVE' then return ${LEDGER_CODES.notActive} end
local now = tonumber(ARGV[2])
if now < tonumber(m[2]) or now >= tonumber(m[3]) then return ${LEDGER_CODES.notInWindow} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return ${LEDGER_CODES.alreadyClaimed} end
local issued = tonumber(m[5])
if issued >= tonumber(m[4]) then return ${LEDGER_CODES.soldOut} end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[1], 'issued', 1)
return issued + 1
`;

/**
 * KEYS: meta hash, buyers set. ARGV: buyer id. Takes back a mark the database refused. Only a buyer
 * still in the set gives its count back, so running it twice, or after a rebuild that never saw
 * the mark, cannot undercount.
 */
export const UNDO_SCRIPT = `
if redis.call('SREM', KEYS[2], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'issued', -1) return 1 end
return 0
`;

/**
 * KEYS: meta, buyers, staged meta, staged buyers. ARGV: ttl ms. Puts a rebuilt ledger in place in
 * one step, and only if no ledger is there: a rebuild that lost a race must not overwrite state that
 * claims have already moved on from.
 */
export const INSTALL_SCRIPT = `
if redis.call('EXISTS', KEYS[1], KEYS[2]) == 0 then
  redis.call('RENAME', KEYS[3], KEYS[1])
  redis.call('RENAME', KEYS[4], KEYS[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
  return 1
end
redis.call('DEL', KEYS[3], KEYS[4])
return 0
`;

/** KEYS: meta. ARGV: field, value pairs. Follows a policy change only where a ledger exists. */
export const SYNC_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) return 1 end
return 0
`;

/** KEYS: lock. ARGV: token. Releases the lock only if it is still ours. */
export const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
