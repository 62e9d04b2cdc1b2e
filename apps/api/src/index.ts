export { type AppOptions, buildApp, API_VERSION } from './app';
export { type Config, loadConfig } from './config';
export { startPlatform, type Platform } from './platform';
