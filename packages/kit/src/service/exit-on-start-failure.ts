/** For a main: a service that cannot start says why and exits non-zero, so its supervisor sees it. */
export function exitOnStartFailure(service: string): (error: unknown) => never {
  return (error) => {
    console.error(`${service} failed to start`, error);
    process.exit(1);
  };
}
