// The variable forms docker-compose.yml uses, substituted as Compose does: `${VAR}`, `${VAR:-default}`
// (default when unset or empty) and `$$` for a literal `$`. Any other `$` form is refused rather than
// passed through, so a new form in the file cannot silently resolve differently from Compose.
const VARIABLE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|(.?))/g;

export type Environment = Record<string, string | undefined>;

function interpolateString(text: string, env: Environment): string {
  return text.replace(VARIABLE, (match, name?: string, fallback?: string, other?: string) => {
    if (match === '$$') return '$';
    if (other !== undefined) {
      throw new Error(`unsupported interpolation at "${match}" in "${text}": only \${VAR}, \${VAR:-default} and $$`);
    }
    const value = env[name as string];
    if (fallback !== undefined) return value ? value : fallback;
    return value ?? '';
  });
}

/** Every string value of the parsed file, interpolated; keys are left alone, as Compose does. */
export function interpolate(value: unknown, env: Environment): unknown {
  if (typeof value === 'string') return interpolateString(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env)]));
  }
  return value;
}
