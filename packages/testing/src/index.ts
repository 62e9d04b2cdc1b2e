export {
  type ApiRequest,
  type ApiResponse,
  createTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from './app';
export { createTestDatabase, type TestDatabase } from './database';
export * from './factories';
