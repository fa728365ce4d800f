import { interpolate } from './compose-interpolate';
import { normalizeCompose } from './compose-normalize';
import { readComposeFile } from './compose-spec';

// Where no compose CLI is installed (CI), compose.test.ts trusts this validator alone: it must
// really refuse what Compose refuses, not pass whatever it is given.

const read = (source: string) => readComposeFile(source, {});

describe('the Compose Specification schema validator', () => {
  it('accepts a compose file with anchors, merge keys and extension fields', () => {
    const source = 'x-base: &base\n  restart: "no"\nservices:\n  web:\n    <<: *base\n    image: nginx\n';
    expect(read(source)).toMatchObject({ services: { web: { image: 'nginx', restart: 'no' } } });
  });

  it('rejects an unknown top-level key', () => {
    expect(() => read('services:\n  web:\n    image: nginx\nservicez: {}\n')).toThrow(/additional properties/);
  });

  it('rejects an unknown service key and a value of the wrong type', () => {
    expect(() => read('services:\n  web:\n    imagee: nginx\n')).toThrow(/imagee/);
    expect(() => read('services:\n  web:\n    image: nginx\n    ports: 3000\n')).toThrow(
      /\/services\/web\/ports must be array/,
    );
  });
});

describe('interpolation as Compose does it', () => {
  it('takes the variable when set, the default when unset or empty, and $$ as a literal $', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's variables, not a template
    const value = { a: '${A:-x}', b: '${B:-y}', c: '${C:-z}', d: 'pa$$word', e: '${A}-${UNSET}' };
    expect(interpolate(value, { A: 'set', C: '' })).toEqual({ a: 'set', b: 'y', c: 'z', d: 'pa$word', e: 'set-' });
  });

  it('refuses forms it does not resolve instead of passing them through', () => {
    expect(() => interpolate('$HOME', {})).toThrow(/unsupported interpolation/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's variables, not a template
    expect(() => interpolate('${A:?required}', {})).toThrow(/unsupported interpolation/);
  });
});

describe('short forms turned into the long ones docker compose config prints', () => {
  it('normalizes build, environment, depends_on, health check, ports and volumes', () => {
    const document = read(
      [
        'services:',
        '  web:',
        '    build: ./web',
        '    environment: [A=1, B]',
        '    depends_on: [db]',
        '    healthcheck: { test: curl -f http://localhost }',
        '    ports: ["8080:80", "127.0.0.1:9090:90/udp"]',
        '    volumes: ["./data:/data:ro", "cache:/cache"]',
        '  db: { image: postgres }',
      ].join('\n'),
    );
    expect(normalizeCompose(document, '/project').services.web).toEqual({
      build: { context: '/project/web', dockerfile: 'Dockerfile' },
      environment: { A: '1', B: null },
      depends_on: { db: { condition: 'service_started' } },
      healthcheck: { test: ['CMD-SHELL', 'curl -f http://localhost'] },
      ports: [
        { target: 80, published: '8080', protocol: 'tcp' },
        { target: 90, published: '9090', host_ip: '127.0.0.1', protocol: 'udp' },
      ],
      volumes: [
        { type: 'bind', source: '/project/data', target: '/data', read_only: true },
        { type: 'volume', source: 'cache', target: '/cache' },
      ],
    });
  });
});
