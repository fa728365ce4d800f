import Module from 'node:module';

type ResolveFilename = (request: string, parent?: { path?: string }, isMain?: boolean, options?: unknown) => string;
const modules = Module as unknown as { _resolveFilename: ResolveFilename & { cached?: boolean } };

/**
 * Remembers where each `require(request)` from a directory resolved to. OpenTelemetry's
 * require-in-the-middle resolves the file name of every `require` call, even of a module loaded
 * long ago, once per hook (three here), and under tsx each resolution builds an Error for its
 * stack; kafkajs requires its protocol modules on every request it sends. Profiled on an idle
 * catalog-service, that was ~40 % of its CPU. Node keeps the same cache for relative requests
 * (`relativeResolveCache` in Module._load), which require-in-the-middle bypasses; installed files do
 * not move while a process runs. Requests with options (require.resolve with `paths`) and the main
 * module resolve as before.
 */
export function cacheModuleResolution(): void {
  const resolve = modules._resolveFilename;
  if (resolve.cached) return;
  const resolved = new Map<string, string>();
  const cached: ResolveFilename = function (this: unknown, request, parent, isMain, options) {
    if (isMain || options !== undefined || typeof parent?.path !== 'string') {
      return resolve.call(this, request, parent, isMain, options);
    }
    const key = `${parent.path}\0${request}`;
    let filename = resolved.get(key);
    if (filename === undefined) {
      filename = resolve.call(this, request, parent, isMain, options);
      resolved.set(key, filename);
    }
    return filename;
  };
  modules._resolveFilename = Object.assign(cached, { cached: true });
}
