export {
  type DeliverOptions,
  type DeliverOutcome,
  deliverDue,
  fanOut,
  runDeliveries,
  runFanOut,
  type SweepOutcome,
  sweep,
} from './delivery';
export { matchesEventType } from './rules';
export * as schedule from './schedule';
export {
  createSender,
  DELIVERY_TIMEOUT_MS,
  EXCERPT_BYTES,
  type SendResult,
  type WebhookSender,
} from './sender';
export * from './service';
export * as signing from './signing';
export * as ssrf from './ssrf';
