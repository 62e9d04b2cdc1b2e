export * as accessTokens from './access-tokens';
export * from './mailer';
export { composeMail, type MailText, type MailTextInput } from './message';
export { queueAutomatic } from './queue';
export * from './rules';
export * from './service';
export * as shareLinks from './share-links';
export * from './types';
