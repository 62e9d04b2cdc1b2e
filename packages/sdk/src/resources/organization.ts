import type { RequestOptions } from '../http';
import type { RequestBody, Schema } from '../types';
import { Resource, type UpdateOptions } from './base';

/** Your organisation: legal and tax data, bank account, payment terms, number formats, branding. */
export type Organization = Schema<'Organization'>;
export type OrganizationUpdateParams = RequestBody<'/v1/organization', 'patch'>;

/** `fakturo.organization`: the organisation the API key belongs to. */
export class OrganizationResource extends Resource {
  /**
   * Reads your organisation.
   *
   * @example
   * ```ts
   * const org = await fakturo.organization.get();
   * console.log(org.legalName, org.paymentTermsDays);
   * ```
   */
  get(options?: RequestOptions): Promise<Organization> {
    return this.call('get', '/v1/organization', {}, options);
  }

  /**
   * Changes the fields you send. Documents already issued keep the data they were finalized with.
   *
   * @example
   * ```ts
   * const org = await fakturo.organization.get();
   * await fakturo.organization.update({ paymentTermsDays: 30 }, { ifMatch: org.version });
   * ```
   */
  update(params: OrganizationUpdateParams, options: UpdateOptions = {}): Promise<Organization> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/organization', { body: params, ifMatch }, rest);
  }
}
