import { ConfigError, loadConfig } from '@sneakers/kit';
import { userServiceEnv } from '../src/config';

describe('user-service configuration', () => {
  it('When nothing is set, then a development admin is seeded with the documented defaults', () => {
    const config = loadConfig(userServiceEnv, {});

    expect(config).toMatchObject({ ADMIN_EMAIL: 'admin@sneakers.local', ADMIN_PASSWORD: 'admin-dev-password' });
  });

  it('When running in production without ADMIN_PASSWORD, then start-up refuses with that variable named', () => {
    expect(() => loadConfig(userServiceEnv, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(userServiceEnv, { NODE_ENV: 'production' })).toThrow(
      /ADMIN_PASSWORD: required in production/,
    );
  });

  it('When ADMIN_EMAIL is not an email or ADMIN_PASSWORD is too short, then each is named', () => {
    expect(() => loadConfig(userServiceEnv, { ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_EMAIL[\s\S]*ADMIN_PASSWORD/,
    );
  });
});
