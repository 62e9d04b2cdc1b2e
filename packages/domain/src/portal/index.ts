export { documentPage, expiredPage, notFoundPage, paymentUnavailablePage } from './page';
export { canPayOnline, document, isPayable, open, type PortalAccess, payOnline, pdf } from './service';
