export { documentPage, expiredPage, notFoundPage, paymentUnavailablePage, requestFailedPage } from './page';
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
