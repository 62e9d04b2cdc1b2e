export { documentPage, expiredPage, notFoundPage, paymentUnavailablePage } from './page';
export {
  acceptQuote,
  canPayOnline,
  declineQuote,
  document,
  eInvoice,
  isOpenQuote,
  isPayable,
  markViewed,
  open,
  type PortalAccess,
  payOnline,
  pdf,
  precedingOf,
  storedEInvoices,
  today,
} from './service';
export { MAX_SIGNATURE_BYTES, parseSignature } from './signature';
