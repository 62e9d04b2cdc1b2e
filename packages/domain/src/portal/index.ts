export { documentPage, expiredPage, notFoundPage } from './page';
export { document, open, type PortalAccess, pdf } from './service';
