/**
 * A webshop connector through the SDK: contacts, articles and orders by the shop's own ids, over HTTP against the
 * real API.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, type FakturoError, ValidationError } from '../src/index';
import { SELLER, startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();

describe('connectors', () => {
  it('creates a contact by the shop’s id, then updates it; the same body again changes nothing', async () => {
    const customer = {
      kind: 'company' as const,
      companyName: 'Hansa Logistik GmbH',
      emails: [{ email: 'ap@hansa.example', type: 'billing' as const }],
      bankAccounts: [{ iban: 'DE89 3704 0044 0532 0130 00' }],
    };
    const first = await fakturo.connectors.upsertContact('shopify', 'cust-1', customer);
    expect(first).toMatchObject({ source: 'shopify', externalId: 'cust-1', version: 1 });
    const again = await fakturo.connectors.upsertContact('shopify', 'cust-1', customer);
    expect(again).toEqual(first);
    const renamed = await fakturo.connectors.upsertContact('shopify', 'cust-1', {
      ...customer,
      companyName: 'Hansa Logistik AG',
    });
    expect(renamed).toMatchObject({ id: first.id, version: 2, companyName: 'Hansa Logistik AG' });
    expect(renamed.bankAccounts[0]!.id).toBe(first.bankAccounts[0]!.id);
  });

  it('creates and reprices an article by the shop’s id; a new one without a price is refused', async () => {
    const article = await fakturo.connectors.upsertArticle('shopify', 'sku-1', {
      name: 'Wandhalter',
      priceModel: { kind: 'flat', amount: 1990 },
    });
    const repriced = await fakturo.connectors.upsertArticle('shopify', 'sku-1', {
      priceModel: { kind: 'flat', amount: 2490 },
    });
    expect(repriced).toMatchObject({ id: article.id, name: 'Wandhalter', version: 2 });
    const refused = await fakturo.connectors
      .upsertArticle('shopify', 'sku-2', { name: 'Ohne Preis' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as FakturoError).code).toBe('validation_failed');
  });

  it('turns a shop order into one invoice, finalized on request; a change once issued is a conflict', async () => {
    await fakturo.organization.update({
      ...SELLER,
    });
    const order = {
      customer: {
        externalId: 'cust-77',
        kind: 'person' as const,
        firstName: 'Erika',
        lastName: 'Muster',
        emails: [{ email: 'erika@muster.example', type: 'billing' as const }],
        billingAddress: { line1: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      },
      lines: [
        {
          article: {
            externalId: 'sku-77',
            name: 'Lampe',
            priceModel: { kind: 'per_unit' as const, unitAmount: '4990' },
          },
          quantity: '2',
        },
      ],
      finalize: true,
    };
    const invoice = await fakturo.connectors.upsertOrder('shopify', 'order-77', order);
    expect(invoice).toMatchObject({
      status: 'finalized',
      grossTotal: 11876,
      metadata: { shopOrderId: 'order-77' },
    });
    expect(await fakturo.connectors.upsertOrder('shopify', 'order-77', order)).toEqual(invoice);
    const refused = await fakturo.connectors
      .upsertOrder('shopify', 'order-77', { ...order, notes: ['geändert'] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as FakturoError).code).toBe('order_invoice_issued');
  });
});
