export { documentPage, expiredPage, notFoundPage, paymentUnavailablePage } from './page';
export {
  acceptQuote,
  declineQuote,
  document,
  eInvoice,
  isPayable,
  markViewed,
  open,
  type PortalAccess,
  type PortalView,
  payOnline,
  pdf,
  view,
} from './service';
