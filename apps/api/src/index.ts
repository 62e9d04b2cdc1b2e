export { API_VERSION, type AppOptions, buildApp } from './app';
export { type Config, loadConfig } from './config';
export { type Platform, startPlatform } from './platform';
