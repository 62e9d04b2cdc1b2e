import type { Knex } from 'knex';

// A Stripe Dispute names no Fakturo id, only its Charge and PaymentIntent; `psp/repo.ts`
// `locateLinkByStripePaymentIntent` finds the link through the booked payment's PaymentIntent
// (`metadata->>'stripePaymentIntent'`). The lookup runs for every dispute event that reaches the public webhook
// route, before its signature can be checked (the signing secret belongs to the organisation the lookup finds):
// without an index each such request read every Stripe payment of every organisation. This partial index
// covers exactly the expression and predicate of that query.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX payments_stripe_payment_intent_idx ON payments ((metadata->>'stripePaymentIntent'))
    WHERE provider = 'stripe' AND type = 'payment'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX payments_stripe_payment_intent_idx');
}
