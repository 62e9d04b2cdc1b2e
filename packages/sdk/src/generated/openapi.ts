/**
 * generated — DO NOT EDIT.
 * Types of the Fakturo REST API, made by openapi-typescript from openapi/openapi.json (scripts/generate.ts).
 * Change the route schemas in apps/api and run `npm run generate`; CI fails when this file drifts.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations applied */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get your organisation */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update your organisation
         * @description Legal and tax data, SEPA creditor id, bank account, payment terms, locale, number formats and branding. Issued documents keep the snapshot they were finalized with.
         */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List active API keys */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description The secret is returned once and stored only as a hash. A retry with the same `Idempotency-Key` by the same key gets the same response; the stored copy is encrypted under your own key.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key stops working at once on this server and within seconds on every other.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts
         * @description Newest first. Filter by text (`q`), group, tag, city, country, e-mail, source/external id and dates.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact
         * @description Creates a person or company. The customer number is taken from the organisation’s customer range unless given. IBANs, BICs, VAT ids and mandate references are checked; every broken rule is reported at once (422).
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /**
         * Delete a contact
         * @description Only a contact without documents can be deleted (409 `contact_has_documents`); archive the others.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update a contact
         * @description Fields present replace the stored ones; arrays (e-mails, bank accounts, mandates, groups, tags) are replaced as a whole — give an item’s `id` to keep it. Send `If-Match` with the ETag you read to avoid overwriting someone else’s change (412 otherwise).
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/contacts/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a contact
         * @description Archived contacts keep their documents and history but leave default lists and billing.
         */
        post: operations["archiveContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an archived contact
         * @description Brings an archived contact back into lists.
         */
        post: operations["unarchiveContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts from CSV
         * @description Send the file as the body with `Content-Type: text/csv` (at most 5 MiB and 10,000 rows).
         *     Every row is checked like `POST /v1/contacts` (IBAN, BIC, VAT id, addresses, mandate references, customer numbers,
         *     `externalId` + `source`), and rows repeating a customer number, a `source` + `externalId` or a mandate reference of
         *     an earlier row are refused too. The valid rows are created in one transaction (one `contact.created` event each),
         *     the others are reported by row and line with the offending column. With `atomic=true` one bad row rejects the file:
         *     422 `contact_import_rejected` with the same report in `rows`, and nothing is written. A file that cannot be read
         *     (malformed CSV — the error names the line —, an unknown column, more than 10,000 rows, not UTF-8) is refused with 400.
         *
         *     **Format.** UTF-8 (a byte order mark is tolerated), delimiter `,` or `;`, RFC 4180 quoting. The first line names
         *     the columns — any subset, in any order, case-insensitive: `kind`, `customerNumber`, `companyName`, `salutation`, `firstName`, `lastName`, `email`, `phone`, `vatId`, `taxNumber`, `buyerReference`, `language`, `currency`, `paymentTermsDays`, `preferredPaymentMethod`, `collectiveInvoicing`, `eInvoiceFormat`, `billingLine1`, `billingLine2`, `billingPostalCode`, `billingCity`, `billingRegion`, `billingCountry`, `iban`, `bic`, `accountHolder`, `mandateReference`, `mandateSignedDate`, `tags`, `groups`, `notes`, `externalId`, `source`. Empty cells mean "not given" (defaults apply:
         *     language `de`, currency `EUR`, the next customer number). `tags` and `groups` hold several values separated by `|`;
         *     `groups` names existing contact groups. `collectiveInvoicing` is `true` or `false` (also `yes`/`no`, `1`/`0`);
         *     `eInvoiceFormat` is `xrechnung-cii`, `xrechnung-ubl` or `zugferd` (empty: the PDF alone). One e-mail (billing), one phone, the billing address, one bank account
         *     (`iban`, `bic`, `accountHolder`) and optionally one SEPA mandate on that account (`mandateReference`,
         *     `mandateSignedDate`) per row. Cells starting with `=`, `+`, `-`, `@`, tab or carriage return are written with a
         *     leading `'` on export (so spreadsheets do not run them as formulas), and such a leading `'` is removed on import.
         */
        post: operations["importContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export contacts as CSV
         * @description The contacts matching the same filters as `GET /v1/contacts` (archived ones only with
         *     `archived=true`), oldest first, as a CSV file in the import format: an exported file imports again. Streamed, so
         *     any number of contacts can be exported. `delimiter=%3B` writes `;` for spreadsheet programs set to a German locale, and
         *     `bom=true` starts the file with a UTF-8 byte order mark, without which Excel garbles umlauts (`?delimiter=%3B&bom=true`
         *     opens right in a German Excel by double-click).
         *
         *     **Format.** UTF-8 (a byte order mark is tolerated), delimiter `,` or `;`, RFC 4180 quoting. The first line names
         *     the columns — any subset, in any order, case-insensitive: `kind`, `customerNumber`, `companyName`, `salutation`, `firstName`, `lastName`, `email`, `phone`, `vatId`, `taxNumber`, `buyerReference`, `language`, `currency`, `paymentTermsDays`, `preferredPaymentMethod`, `collectiveInvoicing`, `eInvoiceFormat`, `billingLine1`, `billingLine2`, `billingPostalCode`, `billingCity`, `billingRegion`, `billingCountry`, `iban`, `bic`, `accountHolder`, `mandateReference`, `mandateSignedDate`, `tags`, `groups`, `notes`, `externalId`, `source`. Empty cells mean "not given" (defaults apply:
         *     language `de`, currency `EUR`, the next customer number). `tags` and `groups` hold several values separated by `|`;
         *     `groups` names existing contact groups. `collectiveInvoicing` is `true` or `false` (also `yes`/`no`, `1`/`0`);
         *     `eInvoiceFormat` is `xrechnung-cii`, `xrechnung-ubl` or `zugferd` (empty: the PDF alone). One e-mail (billing), one phone, the billing address, one bank account
         *     (`iban`, `bic`, `accountHolder`) and optionally one SEPA mandate on that account (`mandateReference`,
         *     `mandateSignedDate`) per row. Cells starting with `=`, `+`, `-`, `@`, tab or carriage return are written with a
         *     leading `'` on export (so spreadsheets do not run them as formulas), and such a leading `'` is removed on import.
         */
        get: operations["exportContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contact groups
         * @description Newest first, each with its `memberCount`. `q` finds groups by part of their name.
         */
        get: operations["listContactGroups"];
        put?: never;
        /**
         * Create a contact group
         * @description Names are unique in the organisation (422 with `name`/`contact_group_name_taken` otherwise). Put contacts in a group with their `groupIds` (or the `groups` column of a CSV import). Emits `contact_group.created`.
         */
        post: operations["createContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact group
         * @description List its members with `GET /v1/contacts?groupId=…`.
         */
        get: operations["getContactGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a contact group
         * @description Removes the group and its memberships; the contacts stay (their `groupIds` no longer list it: each member gets a new version and `updatedAt` and a `contact.updated` event). Emits `contact_group.deleted`.
         */
        delete: operations["deleteContactGroup"];
        options?: never;
        head?: never;
        /**
         * Rename or describe a contact group
         * @description Fields present replace the stored ones; `description: null` clears it. Emits `contact_group.updated`.
         */
        patch: operations["updateContactGroup"];
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Every change writes an event in its own transaction. Newest first; filter by type and time.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an event */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Events of the chosen types are POSTed to the URL, signed per Standard Webhooks. The response carries the `whsec_` signing secret — the only time it is shown. URLs on private or loopback networks are refused (422 `webhook_url_not_allowed`) unless the server allows them; link-local addresses always.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Stops all deliveries to it at once; its delivery log goes with it.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Change URL, event types, description, metadata, or enable/disable it. Re-enabling clears the failure streak. Honours `If-Match`.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Issues a new secret (returned once). For `expiresIn` seconds (default 24 h) the old one keeps signing too: the `webhook-signature` header then carries both signatures, so receivers can switch without a gap.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Sends a `webhook.test` event (its `data.object` is the endpoint) to this endpoint only, through the normal signed and logged delivery. Returns the delivery to watch.
         */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an endpoint’s deliveries
         * @description The delivery log, newest first: status, attempts, last status code, duration and response excerpt, next attempt time.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay events to an endpoint
         * @description Delivers past events again as new deliveries: the `eventIds` given, or every event of the endpoint’s types created from `from` to `to` (at most 10,000).
         */
        post: operations["replayWebhookEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook delivery */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery now
         * @description Sends a delivery that succeeded or finally failed once more, right away (one attempt). A pending delivery is already on its schedule (409 `webhook_delivery_pending`).
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List articles
         * @description Newest first. Filter by words in number or name (`q`), `active`, `currency`, source/external id.
         */
        get: operations["listArticles"];
        put?: never;
        /**
         * Create an article
         * @description A product or service with its price model (flat, per unit, graduated or volume tiers). The number is taken from `ART-{SEQ:5}` unless given. Every broken rule is reported at once (422).
         */
        post: operations["createArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an article */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an article
         * @description Fields present replace the stored ones. A new price applies to contract items added afterwards; running contracts keep their price (schedule a price change on the contract). Honours `If-Match`.
         */
        patch: operations["updateArticle"];
        trace?: never;
    };
    "/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contracts
         * @description Newest first; filter by `status` and `contactId`.
         */
        get: operations["listContracts"];
        put?: never;
        /**
         * Create a contract
         * @description A contract bills its items every `intervalMonths`, in advance or in arrears, from `startDate`. Article items take the article’s price at this moment (or `priceModel` to override it); free-text items bring name and price.
         */
        post: operations["createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contract */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a contract
         * @description Changes of what items bill apply by `applyChange` (default: the contract’s `changeTiming`): `next_period` from the next period, `immediate_prorated` from today with a credit and a charge for the rest of the current period. Honours `If-Match`.
         */
        patch: operations["updateContract"];
        trace?: never;
    };
    "/v1/contracts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a contract
         * @description Ends the contract at the first period end that is after both the (renewed) term and the notice period from `receivedOn`. The computed end date is in `endDate` and `cancellation`.
         */
        post: operations["cancelContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a contract
         * @description Periods starting from `startsOn` (to `endsOn`, or until resumed) are not billed.
         */
        post: operations["pauseContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused contract
         * @description Billing continues with the first period starting on or after `resumesOn`.
         */
        post: operations["resumeContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/price-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule a price change
         * @description A new price for one item, or a percentage for one item or all; applies from the first period starting on or after `effectiveDate`. The announcement date is kept. A date so far back that such a period is billed already answers 422 `effective_date_before_billed_period`.
         */
        post: operations["createContractPriceChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/installment-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an installment plan
         * @description Splits a one-time amount into `count` parts due every `intervalMonths`; the parts add up to the total. Billing runs bill each part when due.
         */
        post: operations["createContractInstallmentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List billing runs */
        get: operations["listBillingRuns"];
        put?: never;
        /**
         * Start a billing run
         * @description Bills every contract period due on or before `asOf` (default today). The run works in the worker: the answer is 202 with the run; follow `processed`/`failed` on `GET /billing-runs/{id}`. With `dryRun: true` the answer is 200 with what would be billed, and nothing is written. A period is never billed twice, even by concurrent runs.
         */
        post: operations["startBillingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a billing run
         * @description Progress while it runs: `total`, `processed`, `failed`, `invoicesCreated` and per-contract `errors`.
         */
        get: operations["getBillingRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing-runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a billing run
         * @description Batches not started yet bill nothing; batches in flight finish (each is one transaction). The run is `cancelling` until then, `cancelled` after.
         */
        post: operations["cancelBillingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test-clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the sandbox’s clock
         * @description Only sandbox organisations have one (409 `test_clock_not_sandbox` otherwise).
         */
        get: operations["getTestClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test-clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the sandbox’s clock forward
         * @description Freezes the clock at the new time and starts the daily billing run for the new date, as the cron would: run the worker and a year of billing passes in seconds. Only forward; only sandboxes.
         */
        post: operations["advanceTestClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge drafts into a collective invoice
         * @description Forms a collective invoice (Sammelrechnung) from draft invoices of ONE contact and currency: one new draft with all their lines, in the order given; the drafts merged are deleted — all in one transaction.
         */
        post: operations["mergeInvoices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invoices
         * @description Newest first. Filter by status, contact, creation time, issue date, part of the number (`q`), and `needsAttention=true` for drafts without a send date.
         */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Create a draft invoice
         * @description A draft invoice (`type` invoice, pro_forma, or corrected_invoice with the `invoiceId` it corrects) for a contact, with lines that may refer to articles. Drafts have no number; give a `sendDate` to have the worker e-mail it once finalized. VAT category and rate of every line follow from the organisation (seller), the contact (buyer), the line's supply kind and rate kind and the date of supply; every broken rule is reported at once (422) and nothing is written.
         */
        post: operations["createInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a invoice */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete a draft invoice
         * @description Only drafts; an issued invoice is kept for its retention period and corrected by a new document (409 `invoice_not_draft`).
         */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /**
         * Update a draft invoice
         * @description Fields present replace the stored ones; `lines` replaces all lines, and VAT and totals are computed again. Once finalized, only `sendDate` and `metadata` may change — any content change answers 409 `document_immutable` (GoBD). Send `If-Match` to avoid overwriting someone else’s change (412).
         */
        patch: operations["updateInvoice"];
        trace?: never;
    };
    "/v1/invoices/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize (issue) a draft invoice
         * @description Checks what UStG §14(4) requires (seller address and VAT id or tax number, buyer name and address, at least one line: 422 `document_incomplete` lists every gap), decides VAT for the parties as they are now, sets the issue date (today unless set), the date of supply and the due date from the payment terms, freezes seller, buyer and branding, and takes the next number of the organisation’s range for this type — gap-free, inside the same transaction. The PDF and e-invoices are rendered by the worker and stored with their SHA-256. From now on the content is immutable. A corrected invoice (384) replaces the invoice it corrects: that invoice is cancelled in the same transaction, with its cancellation document, as `POST /v1/invoices/{id}/cancel` would — and refused as that would be (409 `invoice_has_payments`, `invoice_has_credit_notes`, `invoice_already_cancelled`), writing nothing.
         */
        post: operations["finalizeInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as PDF
         * @description The stored PDF of the issued document: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the document’s `pdfSha256`. If the worker has not rendered it yet, it is rendered now and stored. A draft answers 409.
         */
        get: operations["getInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/e-invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as e-invoice
         * @description EN 16931 e-invoice of the issued document: `xrechnung-cii` and `xrechnung-ubl` (XRechnung 3.0 XML) or `zugferd` (Factur-X EN 16931: the PDF with the CII embedded as factur-x.xml, PDF/A-3). Stored once rendered. A document that breaks an EN 16931 or XRechnung rule answers 422 `einvoice_rules_violated` with the rule ids in `errors` (e.g. BR-DE-15: XRechnung needs the buyer reference, BT-10 — set the contact’s `buyerReference`).
         */
        get: operations["getInvoiceEInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an issued invoice
         * @description GoBD: an issued invoice is never changed; it is cancelled by a cancellation document (Storno) with its own number, the same parties and the negated lines and totals, referring to the original. This creates and finalizes that document and marks the invoice `cancelled` (`cancelledByDocumentId` names the Storno, also under `/invoices`). An invoice with payments or credit notes answers 409: credit or refund instead.
         */
        post: operations["cancelInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List credit notes
         * @description Newest first. Filter by status, contact, creation time, issue date, part of the number (`q`), and `needsAttention=true` for drafts without a send date.
         */
        get: operations["listCreditNotes"];
        put?: never;
        /**
         * Create a draft credit note
         * @description A draft credit note (381) for an issued invoice (`invoiceId`): the lines given (positive quantities: what is credited), or without lines the whole invoice. The credit note’s amounts are negative — it reduces the receivable — and finalizing it emits `credit_note.finalized`. VAT category and rate of every line follow from the organisation (seller), the contact (buyer), the line's supply kind and rate kind and the date of supply; every broken rule is reported at once (422) and nothing is written.
         */
        post: operations["createCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a credit note */
        get: operations["getCreditNote"];
        put?: never;
        post?: never;
        /**
         * Delete a draft credit note
         * @description Only drafts; an issued credit note is kept for its retention period and corrected by a new document (409 `credit_note_not_draft`).
         */
        delete: operations["deleteCreditNote"];
        options?: never;
        head?: never;
        /**
         * Update a draft credit note
         * @description Fields present replace the stored ones; `lines` replaces all lines, and VAT and totals are computed again. Once finalized, only `sendDate` and `metadata` may change — any content change answers 409 `document_immutable` (GoBD). Send `If-Match` to avoid overwriting someone else’s change (412).
         */
        patch: operations["updateCreditNote"];
        trace?: never;
    };
    "/v1/credit-notes/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize (issue) a draft credit note
         * @description Checks what UStG §14(4) requires (seller address and VAT id or tax number, buyer name and address, at least one line: 422 `document_incomplete` lists every gap), decides VAT for the parties as they are now, sets the issue date (today unless set), the date of supply and the due date from the payment terms, freezes seller, buyer and branding, and takes the next number of the organisation’s range for this type — gap-free, inside the same transaction. The PDF and e-invoices are rendered by the worker and stored with their SHA-256. From now on the content is immutable.
         */
        post: operations["finalizeCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit note as PDF
         * @description The stored PDF of the issued document: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the document’s `pdfSha256`. If the worker has not rendered it yet, it is rendered now and stored. A draft answers 409.
         */
        get: operations["getCreditNotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/e-invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit note as e-invoice
         * @description EN 16931 e-invoice of the issued document: `xrechnung-cii` and `xrechnung-ubl` (XRechnung 3.0 XML) or `zugferd` (Factur-X EN 16931: the PDF with the CII embedded as factur-x.xml, PDF/A-3). Stored once rendered. A document that breaks an EN 16931 or XRechnung rule answers 422 `einvoice_rules_violated` with the rule ids in `errors` (e.g. BR-DE-15: XRechnung needs the buyer reference, BT-10 — set the contact’s `buyerReference`).
         */
        get: operations["getCreditNoteEInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List quotes
         * @description Newest first. Filter by status, contact, creation time, issue date, part of the number (`q`), and `needsAttention=true` for drafts without a send date.
         */
        get: operations["listQuotes"];
        put?: never;
        /**
         * Create a draft quote
         * @description A draft quote for a contact, with lines that may refer to articles. Finalize it to number it and render its PDF. VAT category and rate of every line follow from the organisation (seller), the contact (buyer), the line's supply kind and rate kind and the date of supply; every broken rule is reported at once (422) and nothing is written.
         */
        post: operations["createQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a quote */
        get: operations["getQuote"];
        put?: never;
        post?: never;
        /**
         * Delete a draft quote
         * @description Only drafts; an issued quote is kept for its retention period and corrected by a new document (409 `quote_not_draft`).
         */
        delete: operations["deleteQuote"];
        options?: never;
        head?: never;
        /**
         * Update a draft quote
         * @description Fields present replace the stored ones; `lines` replaces all lines, and VAT and totals are computed again. Once finalized, only `sendDate` and `metadata` may change — any content change answers 409 `document_immutable` (GoBD). Send `If-Match` to avoid overwriting someone else’s change (412).
         */
        patch: operations["updateQuote"];
        trace?: never;
    };
    "/v1/quotes/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize (issue) a draft quote
         * @description Checks what UStG §14(4) requires (seller address and VAT id or tax number, buyer name and address, at least one line: 422 `document_incomplete` lists every gap), decides VAT for the parties as they are now, sets the issue date (today unless set), the date of supply and the due date from the payment terms, freezes seller, buyer and branding, and takes the next number of the organisation’s range for this type — gap-free, inside the same transaction. The PDF and e-invoices are rendered by the worker and stored with their SHA-256. From now on the content is immutable.
         */
        post: operations["finalizeQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quote as PDF
         * @description The stored PDF of the issued document: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the document’s `pdfSha256`. If the worker has not rendered it yet, it is rendered now and stored. A draft answers 409.
         */
        get: operations["getQuotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the buyer accepted a quote
         * @description An open (finalized or sent) quote within its validity becomes `accepted` (`quote.accepted`). The answer is stored with its time, signer and the SHA-256 of the exact quote PDF answered. Any other state answers 409 with a code naming it (`quote_expired`, `quote_already_accepted`, …).
         */
        post: operations["acceptQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the buyer declined a quote
         * @description An open (finalized or sent) quote within its validity becomes `declineed` (`quote.declineed`). The answer is stored with its time, signer and the SHA-256 of the exact quote PDF answered. Any other state answers 409 with a code naming it (`quote_expired`, `quote_already_accepted`, …).
         */
        post: operations["declineQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signature drawn when the quote was accepted in the customer portal
         * @description The PNG the signer drew in the customer portal, as received; its SHA-256 is in `ETag`, `X-Content-SHA256` and the quote’s `decision.signatureSha256`. A quote accepted through the API or without a drawn signature answers 404 `quote_signature_not_found`.
         */
        get: operations["getQuoteSignature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert an accepted quote into a draft invoice
         * @description Creates a draft invoice with the quote’s lines (articles, rate and supply kinds kept; VAT decided for the invoice) and marks the quote `converted`. Answers the new invoice. A quote that is not accepted answers 409 `quote_not_accepted`.
         */
        post: operations["convertQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{source}/contacts/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a contact by the shop’s id
         * @description Creates or updates the contact the shop knows by `externalId`: the one with this `source` and `externalId` is updated as by PATCH (fields left out keep their values, so Fakturo's own fields survive a sync), or created (201) when there is none — then `kind` and a name are needed as on POST /v1/contacts. The same body again changes nothing: no new version, no event, no webhook, so a connector may push its whole state on every sync. `source` and `externalId` come from the path; a body naming others is refused (422 `connector_key_mismatch`). Concurrent calls with one key make one contact. The last write wins: no `If-Match`.
         */
        put: operations["upsertConnectorContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{source}/articles/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update an article by the shop’s id
         * @description Creates or updates the article the shop knows by `externalId`: the one with this `source` and `externalId` is updated as by PATCH (fields left out keep their values, so Fakturo's own fields survive a sync), or created (201) when there is none — then `name` and `priceModel` are needed as on POST /v1/articles. The same body again changes nothing: no new version, no event, no webhook, so a connector may push its whole state on every sync. `source` and `externalId` come from the path; a body naming others is refused (422 `connector_key_mismatch`). Concurrent calls with one key make one article. The last write wins: no `If-Match`.
         */
        put: operations["upsertConnectorArticle"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{source}/orders/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Turn a shop order into an invoice
         * @description The order becomes one invoice: its `customer` and the products on its lines (`article`) are created or updated by the shop's ids as the contact and article connectors do — never duplicated — and the invoice is written as a draft (201), or finalized at once with `finalize: true`. The invoice's `metadata` carries `shopSource` and `shopOrderId`. The same order again changes nothing (200, the same invoice); a changed order updates the draft (200), and once the invoice is issued it is refused (409 `order_invoice_issued`: cancel or credit it, and send the order under a new id). All of it is one transaction; concurrent calls for one order make one invoice.
         */
        put: operations["upsertConnectorOrder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments and refunds
         * @description Newest first. Filter by contact, invoice (every payment or refund that moved money on it), type, status, method, and when the money moved (`paidAtGte`/`paidAtLte`) or the record was made.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a payment
         * @description Books money received (bank transfer, cash, …) in one transaction: onto the `allocations` given (each at most the invoice’s open amount), or onto `invoiceId` up to its open amount, or — neither given — onto the contact’s open invoices in the currency, oldest due date first. What is left becomes the contact’s credit balance, which pays the contact’s next invoice when it is finalized. Invoices become `partially_paid` or `paid` (`invoice.partially_paid`, `invoice.paid`); the payment emits `payment.succeeded` (or `payment.failed` for `status: failed`, which books nothing). With `provider` and `externalId`, a repeat books nothing and answers 200 with the payment booked first. Every broken rule is reported at once (422) and nothing is written.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a payment or refund */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a payment
         * @description A payment in reverse, booked as a record of its own (`type: refund`, `refundedPaymentId`) and returned. It pays back first what of the payment sits in the contact’s credit balance, then takes back from the invoices the payment paid, most recently paid first — or exactly the `allocations` given — which reopens them (`partially_paid`, or `sent`/`overdue` when nothing is paid any more). Partial refunds may repeat until the payment is refunded in full (then 409 `payment_fully_refunded`). Emits `payment.refunded` with the refund.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/credit-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A contact’s credit balance
         * @description Money the contact paid beyond what its invoices asked, per currency (only currencies with a positive balance).
         */
        get: operations["getContactCreditBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/credit-balance/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ledger of a contact’s credit balance
         * @description Every change of the balance with the balance after it, newest first.
         */
        get: operations["listContactCreditBalanceTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/apply-credit-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an invoice from the contact’s credit balance
         * @description Spends the contact’s credit balance in the invoice’s currency on it: as much as the balance and the open amount allow, or `amount`. A new invoice is paid this way automatically when it is finalized; this pays invoices issued before the credit arose. 409 `invoice_not_open` when it owes nothing, `credit_balance_empty` when there is no balance.
         */
        post: operations["applyCreditBalanceToInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the connected payment providers
         * @description Stripe and Mollie connections of the organisation, keys masked.
         */
        get: operations["listPaymentProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-providers/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment provider connection
         * @description Keys are masked to their prefix and last four characters. 404 `payment_provider_not_found` until connected.
         */
        get: operations["getPaymentProvider"];
        /**
         * Connect or change a payment provider
         * @description Stripe takes `secretKey` and `webhookSigningSecret` (of a Stripe webhook endpoint pointing at `webhookUrl`, sending checkout.session.completed, .async_payment_succeeded, .async_payment_failed and .expired, charge.refunded, charge.dispute.funds_withdrawn and charge.dispute.funds_reinstated); Mollie takes `apiKey`. Keys are stored encrypted and never returned in full; a key left out keeps the stored one, so `isDefault` or `returnUrl` change alone. The first provider connected becomes the default. 201 when connected now, 200 when changed; `If-Match` guards against overwriting a concurrent change (412). Every bad field is reported at once (422).
         */
        put: operations["putPaymentProvider"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/payment-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a payment link for an invoice
         * @description A Stripe Checkout Session or a Mollie payment for the invoice’s open amount, through `provider` or the default one. Send the payer to `url`; once paid, the provider’s callback books the payment (`payment.succeeded`) and the invoice turns `paid` (`invoice.paid`). An open link of the same provider for the same amount with at least 10 minutes left is returned again (200); otherwise a new one is made (201, `payment_link.created`). 409 `invoice_not_finalized`, `invoice_paid`, `invoice_cancelled`, `invoice_not_payable`, or `payment_provider_not_configured`; 422 `return_url_missing` when neither the request nor the provider settings name a return URL; 503 `payment_provider_unavailable` when the provider cannot be reached.
         */
        post: operations["createInvoicePaymentLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payment links
         * @description Newest first; filter by invoice and status.
         */
        get: operations["listPaymentLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a payment link */
        get: operations["getPaymentLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/psp/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe callback
         * @description For Stripe, not for API clients: a webhook endpoint of the organisation’s Stripe account. The raw body is verified with the `Stripe-Signature` header and the organisation’s signing secret (stripe.webhooks.constructEvent, 5 minutes tolerance). checkout.session.completed (paid), .async_payment_succeeded book the payment; .async_payment_failed records a failed one; .expired closes the link. charge.refunded books what was refunded at Stripe since (its `amount_refunded` is a running total) as a refund of the payment, reopening the invoice. charge.dispute.* events book a chargeback as a refund once the Dispute shows its funds withdrawn (charge.dispute.funds_withdrawn, for card disputes usually already .created), and the funds reinstated after a won dispute (charge.dispute.funds_reinstated) as a new payment; an inquiry books nothing. Repeats and any order are safe: nothing is booked twice and nothing booked is undone. 400 `stripe_signature_invalid`; 409 `stripe_payment_not_booked` for a refund that overtook the booking of its payment (Stripe delivers it again); events about anything but a Fakturo payment link, its charge or its dispute answer 200 `ignored`.
         */
        post: operations["stripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/psp/mollie/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mollie callback
         * @description For Mollie, not for API clients: Mollie posts `id=tr_…` when a payment of a link changes. The payment is fetched again from Mollie with the organisation’s key and only Mollie’s answer is acted on: `paid` books the payment, `failed` records a failed one, `expired`/`canceled` close the link. Unknown ids answer 200 without effect (Mollie’s advice: reveal nothing). 503 when Mollie cannot be reached, so Mollie retries.
         */
        post: operations["mollieWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail the invoice
         * @description Queues an e-mail of the issued invoice to the contact’s billing addresses (or `recipients`) with its PDF and the e-invoice the contact wants (`eInvoiceFormat` of the contact, or of this request: an XRechnung XML beside the PDF, or the ZUGFeRD PDF instead of it) and a link to the customer portal; the worker sends it through SMTP. Answers 202 with the send to watch (`GET /v1/document-sends/{id}`). Delivered: the invoice becomes `sent` (`invoice.sent`). A 5xx rejection (bounce) fails the send at once, with the server’s reply in `smtpResponse` (`document_send.failed`); 4xx replies and an unreachable server are retried with back-off. A draft answers 409 `invoice_not_finalized`, a cancelled invoice 409 `invoice_not_sendable`; while a send of the document is on its way, another answers 409 `document_send_in_progress`.
         */
        post: operations["sendInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/share-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a customer portal link to the invoice
         * @description Answers 201 with `url`: the customer portal page of the issued invoice, to hand to the customer yourself (a shop’s order page, a message) instead of by e-mail. It needs no API key and opens this invoice only: its PDF and e-invoices, and paying online when a payment provider is connected. The URL is in this answer only (only the token’s SHA-256 is stored). It expires after `expiresInDays` (default 180); `DELETE /v1/share-links/{id}` revokes it. A draft answers 409 `invoice_not_finalized`.
         */
        post: operations["createInvoiceShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice’s portal links
         * @description Every portal link of the document, newest first: those made with `…/share-link` and those of its e-mails (`sendId`), with when they expire or were revoked. Without their URLs: a token is shown once, when it is made.
         */
        get: operations["listInvoiceShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice’s send log
         * @description Every e-mail of the document, newest first: recipients, attachments, attempts, the last error and the SMTP server’s reply.
         */
        get: operations["listInvoiceSends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail the credit note
         * @description Queues an e-mail of the issued credit note to the contact’s billing addresses (or `recipients`) with its PDF and the e-invoice the contact wants (`eInvoiceFormat` of the contact, or of this request: an XRechnung XML beside the PDF, or the ZUGFeRD PDF instead of it) and a link to the customer portal; the worker sends it through SMTP. Answers 202 with the send to watch (`GET /v1/document-sends/{id}`). Delivered: the credit note becomes `sent` (`credit_note.sent`). A 5xx rejection (bounce) fails the send at once, with the server’s reply in `smtpResponse` (`document_send.failed`); 4xx replies and an unreachable server are retried with back-off. A draft answers 409 `credit_note_not_finalized`; while a send of the document is on its way, another answers 409 `document_send_in_progress`.
         */
        post: operations["sendCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/share-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a customer portal link to the credit note
         * @description Answers 201 with `url`: the customer portal page of the issued credit note, to hand to the customer yourself (a shop’s order page, a message) instead of by e-mail. It needs no API key and opens this credit note only: its PDF and e-invoices. The URL is in this answer only (only the token’s SHA-256 is stored). It expires after `expiresInDays` (default 180); `DELETE /v1/share-links/{id}` revokes it. A draft answers 409 `credit_note_not_finalized`.
         */
        post: operations["createCreditNoteShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit note’s portal links
         * @description Every portal link of the document, newest first: those made with `…/share-link` and those of its e-mails (`sendId`), with when they expire or were revoked. Without their URLs: a token is shown once, when it is made.
         */
        get: operations["listCreditNoteShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credit-notes/{id}/sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit note’s send log
         * @description Every e-mail of the document, newest first: recipients, attachments, attempts, the last error and the SMTP server’s reply.
         */
        get: operations["listCreditNoteSends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail the quote
         * @description Queues an e-mail of the issued quote to the contact’s billing addresses (or `recipients`) with its PDF and a link to the customer portal; the worker sends it through SMTP. Answers 202 with the send to watch (`GET /v1/document-sends/{id}`). Delivered: the quote becomes `sent` (`quote.sent`). A 5xx rejection (bounce) fails the send at once, with the server’s reply in `smtpResponse` (`document_send.failed`); 4xx replies and an unreachable server are retried with back-off. A draft answers 409 `quote_not_finalized`; while a send of the document is on its way, another answers 409 `document_send_in_progress`.
         */
        post: operations["sendQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/share-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a customer portal link to the quote
         * @description Answers 201 with `url`: the customer portal page of the issued quote, to hand to the customer yourself (a shop’s order page, a message) instead of by e-mail. It needs no API key and opens this quote only: its PDF, and the form to accept it with a drawn signature or decline it. The URL is in this answer only (only the token’s SHA-256 is stored). It expires after `expiresInDays` (default 180); `DELETE /v1/share-links/{id}` revokes it. A draft answers 409 `quote_not_finalized`.
         */
        post: operations["createQuoteShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quote’s portal links
         * @description Every portal link of the document, newest first: those made with `…/share-link` and those of its e-mails (`sendId`), with when they expire or were revoked. Without their URLs: a token is shown once, when it is made.
         */
        get: operations["listQuoteShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}/sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quote’s send log
         * @description Every e-mail of the document, newest first: recipients, attachments, attempts, the last error and the SMTP server’s reply.
         */
        get: operations["listQuoteSends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/share-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a portal link
         * @description The link opens nothing from now on: the portal answers 410. Works for the link of an e-mail too (the mail stays sent). Revoking a revoked link changes nothing.
         */
        delete: operations["revokeShareLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/document-sends/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a document send */
        get: operations["getDocumentSend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/document-sends/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed e-mail again
         * @description Queues a failed send once more — to corrected `recipients` if given — with a new portal link; the attempts go on counting. Only a failed send (409 `document_send_not_failed`), of a document that may still be sent.
         */
        post: operations["retryDocumentSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sepa/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List SEPA collections
         * @description Newest first; filter by `status`, `invoiceId` (with `status=pending`: is the invoice collection pending?), `contactId` and creation time.
         */
        get: operations["listSepaCollections"];
        put?: never;
        /**
         * Create a SEPA direct debit collection
         * @description Collects the open invoices issued for SEPA direct debit that are due by `dueBy` (default: the earliest possible collection date), or exactly `invoiceIds`, under the mandate each invoice names. Each item’s collection date respects the pre-notification: at least the mandate’s notice period (14 days unless agreed) after the invoice was sent (or issued), never before the debit date the invoice announced, at least one TARGET2 business day ahead, and on a business day — later than asked if need be, never earlier. Items are grouped by date, scheme (CORE/B2B) and sequence type (FRST/RCUR/OOFF). Due invoices left out are listed in `skipped` with the reason (lapsed or revoked mandate, not in EUR …); with `invoiceIds`, one that cannot be collected refuses the request (422 naming each) and nothing is written. Its invoices are collection pending until the collection is cancelled. The organisation needs a SEPA creditor id and bank account (422 `organization_sepa_incomplete`); nothing due answers 422 `sepa_nothing_to_collect`.
         */
        post: operations["createSepaCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sepa/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a SEPA collection
         * @description With its items: invoice, amount, end-to-end id, mandate and collection date of each.
         */
        get: operations["getSepaCollection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sepa/collections/{id}/xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The collection as pain.008.001.08 XML
         * @description The file to hand to the bank (ISO 20022 pain.008.001.08, EPC 2019 guidelines), valid against the official schema: the same bytes on every download, their SHA-256 in `ETag` and `X-Content-SHA256`. A cancelled collection answers 409 `sepa_collection_cancelled`.
         */
        get: operations["getSepaCollectionXml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sepa/collections/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a SEPA collection submitted to the bank
         * @description Say so once the file is with the bank. The collection and its items become `submitted`; every mandate used records its last use (a mandate lapses 36 months after it) and a FRST mandate continues as RCUR. If an invoice was paid, cancelled or changed its open amount, a mandate was revoked or lapsed, or a collection date can no longer be reached since the collection was made, the answer is 409 `sepa_collection_stale` naming the items: cancel it and create a new one.
         */
        post: operations["submitSepaCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sepa/collections/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending SEPA collection
         * @description Its invoices are no longer collection pending and the next collection may take them. A submitted collection is with the bank and answers 409 `sepa_collection_not_pending`.
         */
        post: operations["cancelSepaCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List imported bank statements */
        get: operations["listBankStatements"];
        put?: never;
        /**
         * Import a bank statement file (camt.053/.054, MT940, CSV)
         * @description Send the file as the request body (at most 10 MiB, else 413), with
         *     `Content-Type` `application/xml` (camt), `text/plain` (MT940), `text/csv` (CSV) or `application/octet-stream`.
         *     The charset comes from `Content-Type` (`; charset=iso-8859-1`), the XML declaration or a byte order mark; without
         *     one, UTF-8, and Windows-1252 when the bytes are not UTF-8 (German banks' MT940 and CSV exports).
         *
         *     **Formats.** camt.053 and camt.054 in versions 001.02 and 001.08 (recognised by their namespace); MT940 with the
         *     German structure of field :86: (`?20`–`?32`, SEPA tags `EREF+`, `MREF+`, `KREF+`, `CRED+`, `SVWZ+`, return
         *     reasons in `?34`); CSV with the column mapping given as query parameters (`bookingDateColumn` and `amountColumn`
         *     — or `creditColumn` + `debitColumn` — at least; values are header names). A file may hold several statements.
         *
         *     **Idempotent.** Every transaction gets a de-duplication key (the bank's entry reference where the format makes it
         *     unique, else a hash of account, date, amount, references, counterparty, text and its occurrence in the statement):
         *     importing the same file again or an overlapping statement stores nothing twice; `skipped` counts what was already
         *     there. Only booked entries are imported (camt pending entries are reported in `warnings`).
         *
         *     **Refused, nothing written.** A file that cannot be read answers 422 naming the line or element:
         *     `bank_statement_invalid` (with every problem in `errors`), `xml_malformed`, `xml_doctype_forbidden` (a DOCTYPE is
         *     never accepted: no external entities), `xml_too_deep`, `csv_malformed`, `csv_column_unknown` (in `errors`),
         *     `bank_statement_format_unknown`, `bank_statement_format_unsupported` (another camt version),
         *     `bank_statement_too_many_transactions` (over 50000).
         */
        post: operations["importBankStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bank statement */
        get: operations["getBankStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List bank transactions
         * @description Newest import first. Filters: `status` (unmatched, suggested, matched, ignored), `statementId`, booking date range, signed amount range in minor units, `creditDebit`, `currency`.
         */
        get: operations["listBankTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bank transaction */
        get: operations["getBankTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile unmatched transactions now
         * @description Queues the worker’s matching of unmatched transactions (all, or one statement’s) — an import queues it by itself. The ladder, strongest first: the end-to-end id of one of our SEPA debits (applied); invoice numbers in the remittance text with exactly the open amount, one transfer possibly paying several invoices (applied, confidence 1.0); invoice numbers with another amount (suggested 0.8, partial or over-payment); the payer’s IBAN with exactly one open invoice of that amount (suggested 0.7); amount and payer-name similarity (suggested ≤ 0.5). SEPA returns (AC04, MD06, AM04 …) reverse the collected payment, reopen the invoice and record the return fee. Results arrive as `bank_transaction.matched` / `bank_transaction.suggested` events.
         */
        post: operations["reconcileBankTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions/{id}/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Match a transaction to invoices
         * @description A person decides: `acceptSuggestion: true` takes the suggestion, or `allocations` name the invoices the transfer pays (each at most its open amount; the rest becomes the contact’s credit balance), or `contactId` alone books it all to that contact’s credit balance. Books a payment (provider `bank`, external id = the transaction) in one transaction with the match; `status` becomes `matched`.
         */
        post: operations["matchBankTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions/{id}/unmatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a suggestion or undo a match
         * @description A suggestion is rejected (not suggested again for those invoices). A match’s payment is taken back by a refund marked as a booking correction, reopening the invoices it paid. An ignored transaction becomes `unmatched` again, and reconciliation looks at it once more. A SEPA return cannot be unmatched (409): it is the bank’s fact.
         */
        post: operations["unmatchBankTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transactions/{id}/ignore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a transaction aside as no invoice payment
         * @description A person clears it from the inbox: bank charges, a transfer between own accounts, an entry shown twice. `status` becomes `ignored` (a suggestion is rejected with it), `matchReason` says who ignored it and why, a `bank_transaction.ignored` event is written, and reconciliation leaves it alone. `unmatch` makes it `unmatched` again; `match` books it after all. A matched transaction must be unmatched first (409 `bank_transaction_matched`); ignoring an ignored one again only changes the reason.
         */
        post: operations["ignoreBankTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit log entries
         * @description Who changed what and when, with the resource before and after: documents, contacts, contracts and the organisation’s settings. Newest first; filter by `resourceId`, `resourceType` or `action`. Entries are written in the same transaction as the change and can never be changed.
         */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit log’s hash chain
         * @description Recomputes every entry’s SHA-256 from its stored content and its link to the entry before, and checks the last entry against the chain head. `valid: false` names the first broken entry (`firstBrokenSeq`): one changed, removed or cut off.
         */
        get: operations["verifyAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/mrr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * MRR report
         * @description Monthly recurring revenue (DOMAIN.md §8) at the end of every period from `from` to `to` (calendar
         *     months, quarters or years), with ARR = 12 × MRR, customer counts and the period's movements: new, expansion,
         *     contraction, churn and reactivation, and the growth, gross/net churn and retention rates. One row per currency and
         *     period — amounts of different currencies are never added up; the organisation's currency always comes first.
         *     Derived from the contracts' history (item versions, scheduled price changes, pauses, end dates), so any past month
         *     can be read again and gives the same figures. Default range: the 12 months up to today. Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting.
         */
        get: operations["getMrrReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/mrr/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * MRR metric entries
         * @description Every change of a contract's MRR (JustOn's metric entry): previous, change, actual, initial,
         *     expansion, churn, the smoothed change of the customer's burst of changes within two days, and what that burst did to
         *     the customer (`movement`). Oldest first; filter by `contactId`, `contractId`, `currency`, `from`/`to` (entry
         *     date) and `movement`. Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting. As CSV every matching entry is streamed (no page limit).
         */
        get: operations["listMrrMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/mrr/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild the MRR entries
         * @description Queues a job that recomputes every MRR entry and the monthly sums from the contracts. The entries are kept up to date by every contract change anyway; a rebuild gives exactly the same figures and is there for repairs (e.g. after an MRR rule changed). A second request while one is queued does not queue another.
         */
        post: operations["rebuildMrr"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue report
         * @description Revenue per calendar period, per currency (never added across currencies; the organisation's first).
         *     **Invoiced** (by issue date): net, VAT and gross of the issued invoices and corrected invoices less credit notes and
         *     cancellations, by VAT category and rate. **Collected** (by the day the money moved, `paidAt` in the organisation's
         *     time zone): succeeded payments less refunds; of it, the money on invoices by VAT category and rate — each invoice's
         *     money split in proportion to what it owes by rate — and the rest, which went into (or came out of) customers' credit
         *     balances. Default range: the 12 months up to today. Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting. The CSV has one line per currency, period, category
         *     and rate, plus a line without category and rate for the credit-balance part of `collected` (a period's totals are
         *     the sums of its lines).
         */
        get: operations["getRevenueReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/receivables-aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receivables aging
         * @description What every contact owed at the end of `asOf` (default today on the organisation's clock) on the
         *     invoices issued and not cancelled by then — the amount due less the credit notes issued by then less the money that
         *     moved on it by then (payments by `paidAt`, less refunds that reopened it) — in buckets by days past the due date on
         *     that day — current, 1–30, 31–60, 61–90, more than 90 — per currency, with totals and DSO (open receivables ÷ gross
         *     invoiced in the `dsoDays` days ending on `asOf` × dsoDays). Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting. The CSV holds the contact rows.
         */
        get: operations["getReceivablesAging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/vat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * VAT report
         * @description Net and VAT per period, VAT category and rate from the VAT breakdown of every issued invoice, corrected
         *     invoice, credit note and cancellation (the last two negative) — the figures of a German advance VAT return
         *     (Umsatzsteuer-Voranmeldung): each row names its field (Kennzahl) of form USt 1 A for a German seller in EUR, and
         *     `totals` gives per period the taxable, zero-rated, reverse-charge (AE), intra-EU (K), export, exempt and not-taxable
         *     amounts and the VAT owed. Without `from` and `to`: the previous month (or quarter/year with `interval`).
         *     `dateBasis=supply_date` assigns invoices by their date of supply instead of their issue date. Other currencies get
         *     rows of their own (a return is filed in EUR: converting them is the filer's step, UStG §16(6)). Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting. The CSV
         *     holds the rows of `data`.
         */
        get: operations["getVatReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get your dunning levels
         * @description Until you save your own, the defaults of DOMAIN.md §10 are in effect (`isDefault: true`): a free payment reminder 7 days after the due date, the 1st dunning notice after 14 days with a fee of 5, the 2nd after 28 days with 10 plus default interest. `ETag` carries the version for `If-Match`.
         */
        get: operations["getDunningLevels"];
        /**
         * Replace your dunning levels
         * @description Replaces every level (an empty list switches dunning off) and your own base rates. Levels are numbered 1, 2, 3 … in order with days after the due date rising; fees are minor units of your currency from 0 and carry no VAT. A rule broken answers 422 naming every offending field, and nothing is written. `If-Match` with the version answers 412 when someone changed the levels meanwhile. Letters already issued keep what they were issued with.
         */
        put: operations["updateDunningLevels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List dunning runs */
        get: operations["listDunningRuns"];
        put?: never;
        /**
         * Start a dunning run
         * @description Looks at every open invoice past its due date on `asOf` (default today) and issues, per contact, level and currency, one letter for the invoices that reached a level they were not dunned at before: PDF, e-mail, and a `dunning.level_reached` event per invoice. Paid and cancelled invoices are never dunned. The run works in the worker: the answer is 202 with the run; follow it on `GET /dunning-runs/{id}`. With `dryRun: true` the answer is 200 with the letters that would be issued, and nothing is written. The worker also starts one run per day by itself.
         */
        post: operations["startDunningRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a dunning run
         * @description Progress while it runs: contacts processed and failed, letters issued, per-contact errors.
         */
        get: operations["getDunningRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List dunning letters
         * @description Newest first. Filter by contact, invoice (the letters that covered it), level, run or status.
         */
        get: operations["listDunningNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a dunning letter */
        get: operations["getDunningNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dunning-notices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dunning letter as PDF
         * @description The stored PDF, as it was e-mailed: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the notice’s `pdfSha256`.
         */
        get: operations["getDunningNoticePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem (application/problem+json). */
        Problem: {
            /**
             * @description URI naming the problem type
             * @example https://docs.fakturo.dev/errors/validation_failed
             */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Stable snake_case code to branch on, e.g. `iban_invalid` */
            code: string;
            requestId: string;
            errors?: {
                /** @description Dotted path of the offending field, e.g. `bankAccounts.0.iban` */
                path: string;
                message: string;
                code: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        PostalAddress: {
            /** @description Street and number */
            line1: string;
            line2?: string | null;
            postalCode: string;
            city: string;
            region?: string | null;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
        };
        /** @description Your organisation: the seller on every document. */
        Organization: {
            id: string;
            legalName: string;
            address: components["schemas"]["PostalAddress"] | null;
            email: string | null;
            phone: string | null;
            website: string | null;
            vatId: string | null;
            taxNumber: string | null;
            sepaCreditorId: string | null;
            bankAccount: {
                iban: string;
                bic?: string | null;
                bankName?: string | null;
                accountHolder?: string | null;
            } | null;
            paymentTermsDays: number;
            locale: string;
            currency: string;
            timezone: string;
            numberFormats: {
                /** @description Tokens: {YYYY} {YY} {MM} {SEQ:n}; e.g. `RE-{YYYY}-{SEQ:5}` */
                customer: string;
                /** @description Tokens: {YYYY} {YY} {MM} {SEQ:n}; e.g. `RE-{YYYY}-{SEQ:5}` */
                invoice: string;
                creditNote: string;
                cancellation: string;
                quote: string;
                proForma: string;
            };
            branding: {
                logo?: string | null;
                primaryColor?: string | null;
                footerText?: string | null;
            };
            /** @description Kleinunternehmer (§19 UStG): no VAT on invoices */
            smallBusiness: boolean;
            isSandbox: boolean;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        OrganizationUpdate: {
            legalName?: string;
            address?: components["schemas"]["PostalAddress"] | null;
            email?: string | null;
            phone?: string | null;
            website?: string | null;
            vatId?: string | null;
            taxNumber?: string | null;
            sepaCreditorId?: string | null;
            bankAccount?: {
                iban: string;
                bic?: string | null;
                bankName?: string | null;
                accountHolder?: string | null;
            } | null;
            paymentTermsDays?: number;
            locale?: string;
            currency?: string;
            timezone?: string;
            numberFormats?: {
                /** @description Tokens: {YYYY} {YY} {MM} {SEQ:n}; e.g. `RE-{YYYY}-{SEQ:5}` */
                customer?: string;
                /** @description Tokens: {YYYY} {YY} {MM} {SEQ:n}; e.g. `RE-{YYYY}-{SEQ:5}` */
                invoice?: string;
                creditNote?: string;
                cancellation?: string;
                quote?: string;
                proForma?: string;
            };
            branding?: {
                logo?: string | null;
                primaryColor?: string | null;
                footerText?: string | null;
            };
            smallBusiness?: boolean;
        };
        ApiKey: {
            id: string;
            name: string;
            /** @description Last four characters of the secret */
            secretHint: string;
            scopes: ("read" | "write")[];
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            lastUsedAt: string | null;
        };
        ApiKeyWithSecret: {
            id: string;
            name: string;
            /** @description Last four characters of the secret */
            secretHint: string;
            scopes: ("read" | "write")[];
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            lastUsedAt: string | null;
            /** @description The secret key. Shown only in this response; store it now. */
            secret: string;
        };
        ApiKeyCreate: {
            name: string;
            /**
             * @description `read` for GET, `write` for everything else
             * @default [
             *       "read",
             *       "write"
             *     ]
             */
            scopes: ("read" | "write")[];
        };
        /** @description A page of ApiKey objects, newest first. */
        ApiKeyPage: {
            data: components["schemas"]["ApiKey"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        BankAccount: {
            id: string;
            /** @example DE89370400440532013000 */
            iban: string;
            bic: string | null;
            accountHolder: string | null;
            isDefault: boolean;
        };
        SepaMandate: {
            id: string;
            /** @description Mandate reference, unique per organisation */
            reference: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            signedDate: string;
            /** @enum {string} */
            scheme: "CORE" | "B2B";
            /**
             * @description FRST until first used, then RCUR; OOFF for a one-off debit
             * @enum {string}
             */
            sequenceType: "FRST" | "RCUR" | "OOFF";
            iban: string;
            bic: string | null;
            accountHolder: string | null;
            /** @enum {string} */
            status: "active" | "revoked" | "expired";
            lastUsedDate: string | null;
            preNotificationDays: number | null;
        };
        /** @description A customer: person or company, with its bank data and SEPA mandates. */
        Contact: {
            /** @example con_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            kind: "person" | "company";
            customerNumber: string;
            companyName: string | null;
            salutation: string | null;
            firstName: string | null;
            lastName: string | null;
            displayName: string;
            emails: {
                /** @example billing@example.com */
                email: string;
                /**
                 * @description `billing` addresses receive invoices
                 * @enum {string}
                 */
                type: "billing" | "general" | "other";
            }[];
            phones: {
                number: string;
                /** @enum {string} */
                type: "work" | "mobile" | "home" | "fax" | "other";
            }[];
            billingAddress: components["schemas"]["PostalAddress"] | null;
            addresses: {
                /** @enum {string} */
                type: "delivery" | "billing";
                name?: string | null;
                line1: string;
                line2?: string | null;
                postalCode: string;
                city: string;
                region?: string | null;
                country: string;
            }[];
            vatId: string | null;
            taxNumber: string | null;
            buyerReference: string | null;
            language: string;
            currency: string;
            paymentTermsDays: number | null;
            preferredPaymentMethod: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            /** @description All due contract items go on one invoice per currency and run */
            collectiveInvoicing: boolean;
            eInvoiceFormat: ("xrechnung-cii" | "xrechnung-ubl" | "zugferd") | null;
            bankAccounts: components["schemas"]["BankAccount"][];
            sepaMandates: components["schemas"]["SepaMandate"][];
            groupIds: string[];
            tags: string[];
            notes: string | null;
            metadata: {
                [key: string]: string;
            };
            externalId: string | null;
            source: string | null;
            archived: boolean;
            archivedAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        ContactCreate: {
            /** @enum {string} */
            kind: "person" | "company";
            /** @description Omit to take the next number of the customer range. No spaces or line breaks at the start or end. */
            customerNumber?: string;
            companyName?: string | null;
            salutation?: string | null;
            firstName?: string | null;
            lastName?: string | null;
            emails?: {
                /** @example billing@example.com */
                email: string;
                /**
                 * @description `billing` addresses receive invoices
                 * @enum {string}
                 */
                type: "billing" | "general" | "other";
            }[];
            phones?: {
                number: string;
                /** @enum {string} */
                type: "work" | "mobile" | "home" | "fax" | "other";
            }[];
            billingAddress?: components["schemas"]["PostalAddress"] | null;
            addresses?: {
                /** @enum {string} */
                type: "delivery" | "billing";
                name?: string | null;
                line1: string;
                line2?: string | null;
                postalCode: string;
                city: string;
                region?: string | null;
                country: string;
            }[];
            vatId?: string | null;
            taxNumber?: string | null;
            buyerReference?: string | null;
            /** @description Document language, e.g. `de` or `en` */
            language?: string;
            /** @description ISO 4217 */
            currency?: string;
            paymentTermsDays?: number | null;
            preferredPaymentMethod?: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            /** @description Collective invoices (Sammelrechnung): one invoice per currency and billing run */
            collectiveInvoicing?: boolean;
            eInvoiceFormat?: ("xrechnung-cii" | "xrechnung-ubl" | "zugferd") | null;
            bankAccounts?: {
                /** @description Keep an existing account when updating */
                id?: string;
                /** @description IBAN; spaces allowed, stored in electronic format */
                iban: string;
                bic?: string | null;
                accountHolder?: string | null;
                isDefault?: boolean;
            }[];
            sepaMandates?: {
                /** @description Keep an existing mandate (and its history) when updating */
                id?: string;
                reference: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                signedDate: string;
                /** @enum {string} */
                scheme?: "CORE" | "B2B";
                /** @enum {string} */
                sequenceType?: "FRST" | "RCUR" | "OOFF";
                iban: string;
                bic?: string | null;
                accountHolder?: string | null;
                /** @enum {string} */
                status?: "active" | "revoked" | "expired";
                preNotificationDays?: number | null;
            }[];
            groupIds?: string[];
            tags?: string[];
            notes?: string | null;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
            externalId?: string | null;
            source?: string | null;
        };
        /** @description Fields present replace the stored ones (arrays as a whole); `null` clears. */
        ContactUpdate: {
            /** @enum {string} */
            kind?: "person" | "company";
            /** @description Omit to take the next number of the customer range. No spaces or line breaks at the start or end. */
            customerNumber?: string;
            companyName?: string | null;
            salutation?: string | null;
            firstName?: string | null;
            lastName?: string | null;
            emails?: {
                /** @example billing@example.com */
                email: string;
                /**
                 * @description `billing` addresses receive invoices
                 * @enum {string}
                 */
                type: "billing" | "general" | "other";
            }[];
            phones?: {
                number: string;
                /** @enum {string} */
                type: "work" | "mobile" | "home" | "fax" | "other";
            }[];
            billingAddress?: components["schemas"]["PostalAddress"] | null;
            addresses?: {
                /** @enum {string} */
                type: "delivery" | "billing";
                name?: string | null;
                line1: string;
                line2?: string | null;
                postalCode: string;
                city: string;
                region?: string | null;
                country: string;
            }[];
            vatId?: string | null;
            taxNumber?: string | null;
            buyerReference?: string | null;
            /** @description Document language, e.g. `de` or `en` */
            language?: string;
            /** @description ISO 4217 */
            currency?: string;
            paymentTermsDays?: number | null;
            preferredPaymentMethod?: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            /** @description Collective invoices (Sammelrechnung): one invoice per currency and billing run */
            collectiveInvoicing?: boolean;
            eInvoiceFormat?: ("xrechnung-cii" | "xrechnung-ubl" | "zugferd") | null;
            bankAccounts?: {
                /** @description Keep an existing account when updating */
                id?: string;
                /** @description IBAN; spaces allowed, stored in electronic format */
                iban: string;
                bic?: string | null;
                accountHolder?: string | null;
                isDefault?: boolean;
            }[];
            sepaMandates?: {
                /** @description Keep an existing mandate (and its history) when updating */
                id?: string;
                reference: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                signedDate: string;
                /** @enum {string} */
                scheme?: "CORE" | "B2B";
                /** @enum {string} */
                sequenceType?: "FRST" | "RCUR" | "OOFF";
                iban: string;
                bic?: string | null;
                accountHolder?: string | null;
                /** @enum {string} */
                status?: "active" | "revoked" | "expired";
                preNotificationDays?: number | null;
            }[];
            groupIds?: string[];
            tags?: string[];
            notes?: string | null;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
            externalId?: string | null;
            source?: string | null;
        };
        /** @description A page of Contact objects, newest first. */
        ContactPage: {
            data: components["schemas"]["Contact"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description What a CSV import did, row by row. */
        ContactImportReport: {
            /** @description Contacts created */
            imported: number;
            /** @description Rows refused (listed in `errors`) */
            failed: number;
            /** @description Ids of the created contacts, in file order */
            contactIds: string[];
            errors: {
                /** @description Data row, 1-based (the header is not counted) */
                row: number;
                /** @description Line of the file where the row starts (the header is line 1) */
                line: number;
                errors: {
                    /** @description The CSV column, e.g. `iban` or `billingCountry` */
                    path: string;
                    /** @description The same stable code the API uses for that field, e.g. `iban_invalid` */
                    code: string;
                    message: string;
                }[];
            }[];
        };
        /** @description A named set of contacts. A contact lists its groups in `groupIds`; filter contacts with `groupId`. */
        ContactGroup: {
            /** @example grp_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /**
             * @description Unique in the organisation; cannot contain `|` (it separates group names in CSV files)
             * @example Key accounts
             */
            name: string;
            description: string | null;
            /** @description Contacts in the group, archived ones included */
            memberCount: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
        };
        ContactGroupCreate: {
            /** @description Unique in the organisation; cannot contain `|` (it separates group names in CSV files) */
            name: string;
            description?: string | null;
        };
        /** @description Fields present replace the stored ones. */
        ContactGroupUpdate: {
            /** @description Unique in the organisation; cannot contain `|` (it separates group names in CSV files) */
            name?: string;
            description?: string | null;
        };
        /** @description A page of ContactGroup objects, newest first. */
        ContactGroupPage: {
            data: components["schemas"]["ContactGroup"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description Something that happened, written in the same transaction as the change. */
        Event: {
            /** @example evt_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @example contact.created */
            type: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            organizationId: string;
            requestId: string | null;
            data: {
                /** @description The resource as the API returns it */
                object: unknown;
            };
        };
        /** @description A page of Event objects, newest first. */
        EventPage: {
            data: components["schemas"]["Event"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description Where Fakturo sends signed webhooks (Standard Webhooks), and which events. */
        WebhookEndpoint: {
            /** @example we_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @example https://shop.example.com/hooks/fakturo */
            url: string;
            description: string | null;
            enabledEvents: string[];
            enabled: boolean;
            disabledReason: ("manual" | "gone" | "failing") | null;
            disabledAt: string | null;
            failingSince: string | null;
            metadata: {
                [key: string]: string;
            };
            secretRotatedAt: string | null;
            previousSecretExpiresAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A webhook endpoint with its signing secret, returned once. */
        WebhookEndpointWithSecret: {
            /** @example we_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @example https://shop.example.com/hooks/fakturo */
            url: string;
            description: string | null;
            enabledEvents: string[];
            enabled: boolean;
            disabledReason: ("manual" | "gone" | "failing") | null;
            disabledAt: string | null;
            failingSince: string | null;
            metadata: {
                [key: string]: string;
            };
            secretRotatedAt: string | null;
            previousSecretExpiresAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
            /**
             * @description The signing secret (`whsec_` + base64). Shown only in this response; store it now.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookEndpointCreate: {
            /** @description https URL (http and private addresses only with FAKTURO_WEBHOOK_ALLOW_PRIVATE=true; link-local never). */
            url: string;
            description?: null | string;
            /**
             * @description Event types to receive: exact (`invoice.paid`), a prefix (`invoice.*`) or `*` for all.
             * @example [
             *       "contact.*",
             *       "invoice.paid"
             *     ]
             */
            enabledEvents: string[];
            /** @description false stops deliveries; open ones end as failed */
            enabled?: boolean;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description Fields present replace the stored ones. */
        WebhookEndpointUpdate: {
            /** @description https URL (http and private addresses only with FAKTURO_WEBHOOK_ALLOW_PRIVATE=true; link-local never). */
            url?: string;
            description?: null | string;
            /**
             * @description Event types to receive: exact (`invoice.paid`), a prefix (`invoice.*`) or `*` for all.
             * @example [
             *       "contact.*",
             *       "invoice.paid"
             *     ]
             */
            enabledEvents?: string[];
            /** @description false disables (open deliveries end as failed); true re-enables */
            enabled?: boolean;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description A page of WebhookEndpoint objects, newest first. */
        WebhookEndpointPage: {
            data: components["schemas"]["WebhookEndpoint"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        WebhookSecretRotation: {
            /**
             * @description Seconds the old secret keeps signing alongside the new one (default 24 h; 0 = retire it now)
             * @default 86400
             */
            expiresIn?: number;
        };
        /** @description One event on its way to one endpoint, with its last attempt. */
        WebhookDelivery: {
            /** @example whd_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            endpointId: string;
            /** @description Also the `webhook-id` header of every attempt */
            eventId: string;
            /** @example contact.created */
            eventType: string;
            /**
             * @description `event` (fan-out), `test` or `replay`
             * @enum {string}
             */
            trigger: "event" | "test" | "replay";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastStatusCode: number | null;
            lastDurationMs: number | null;
            lastResponseExcerpt: string | null;
            lastError: string | null;
            completedAt: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A page of WebhookDelivery objects, newest first. */
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        WebhookReplay: {
            /** @description Events to send again */
            eventIds?: string[];
            /**
             * Format: date-time
             * @description Or: every subscribed event from this instant
             */
            from?: string;
            /**
             * Format: date-time
             * @description … up to this instant (default now)
             */
            to?: string;
        };
        WebhookReplayResult: {
            endpointId: string;
            /** @description Deliveries created */
            enqueued: number;
        };
        /** @description flat: a fixed amount per period. per_unit: quantity × unitAmount. graduated: each unit priced by the tier it falls in (plus each reached tier’s flatAmount). volume: every unit priced by the one tier the whole quantity falls in. Amounts in minor units of the currency. */
        PriceModel: {
            /** @enum {string} */
            kind: "flat";
            /** @description The price per period, whatever the quantity */
            amount: number;
        } | {
            /** @enum {string} */
            kind: "per_unit";
            /**
             * @description Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)
             * @example 1999
             * @example 0.35
             */
            unitAmount: string;
        } | {
            /** @enum {string} */
            kind: "graduated";
            tiers: {
                upTo: number | null;
                /**
                 * @description Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)
                 * @example 1999
                 * @example 0.35
                 */
                unitAmount: string;
                /** @description Charged once when units reach the tier */
                flatAmount?: number;
            }[];
        } | {
            /** @enum {string} */
            kind: "volume";
            tiers: {
                upTo: number | null;
                /**
                 * @description Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)
                 * @example 1999
                 * @example 0.35
                 */
                unitAmount: string;
                /** @description Charged once when units reach the tier */
                flatAmount?: number;
            }[];
        };
        /** @description flat needs `amount`, per_unit `unitAmount`, graduated and volume `tiers` (ascending `upTo`, the last null). */
        PriceModelInput: {
            /** @enum {string} */
            kind: "flat" | "per_unit" | "graduated" | "volume";
            /** @description flat: the price per period */
            amount?: number;
            /**
             * @description Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)
             * @example 1999
             * @example 0.35
             */
            unitAmount?: string;
            /** @description graduated and volume */
            tiers?: {
                upTo: number | null;
                /**
                 * @description Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)
                 * @example 1999
                 * @example 0.35
                 */
                unitAmount: string;
                /** @description Charged once when units reach the tier */
                flatAmount?: number;
            }[];
        };
        /** @description A product or service with its price. */
        Article: {
            /** @example art_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @description Unique in the organisation */
            number: string;
            name: string;
            description: string | null;
            /** @description UN/ECE Rec. 20 unit: C62 one, HUR hour, MON month … */
            unitCode: string;
            /**
             * @description Which VAT rate of the seller’s country applies
             * @enum {string}
             */
            taxRateKind: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /**
             * @description Goods or services (decides reverse charge vs. intra-EU supply)
             * @enum {string}
             */
            supplyKind: "goods" | "services";
            currency: string;
            priceModel: components["schemas"]["PriceModel"];
            active: boolean;
            metadata: {
                [key: string]: string;
            };
            externalId: string | null;
            source: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        ArticleCreate: {
            name: string;
            priceModel: components["schemas"]["PriceModelInput"];
            /** @description Omit to take the next of `ART-{SEQ:5}` */
            number?: string;
            description?: string | null;
            /** @description Default C62 (one) */
            unitCode?: string;
            /**
             * @description Default standard
             * @enum {string}
             */
            taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /**
             * @description Default services
             * @enum {string}
             */
            supplyKind?: "goods" | "services";
            /** @description ISO 4217; default the organisation’s */
            currency?: string;
            active?: boolean;
            metadata?: {
                [key: string]: string;
            };
            externalId?: string | null;
            source?: string | null;
        };
        /** @description Fields present replace the stored ones. A new price applies to contract items added from now on. */
        ArticleUpdate: {
            name?: string;
            priceModel?: components["schemas"]["PriceModelInput"];
            /** @description Omit to take the next of `ART-{SEQ:5}` */
            number?: string;
            description?: string | null;
            /** @description Default C62 (one) */
            unitCode?: string;
            /**
             * @description Default standard
             * @enum {string}
             */
            taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /**
             * @description Default services
             * @enum {string}
             */
            supplyKind?: "goods" | "services";
            /** @description ISO 4217; default the organisation’s */
            currency?: string;
            active?: boolean;
            metadata?: {
                [key: string]: string;
            };
            externalId?: string | null;
            source?: string | null;
        };
        /** @description A page of Article objects, newest first. */
        ArticlePage: {
            data: components["schemas"]["Article"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A service contract or subscription that billing runs turn into invoices. */
        Contract: {
            /** @example ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            contactId: string;
            description: string | null;
            /** @enum {string} */
            status: "active" | "paused" | "cancelled" | "ended";
            currency: string;
            /** @description Months per billing period: 1, 3, 6, 12 … */
            intervalMonths: number;
            /**
             * @description in_advance: a period is invoiced on its first day; in_arrears: after its last
             * @enum {string}
             */
            timing: "in_advance" | "in_arrears";
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            startDate: string;
            endDate: string | null;
            billingAnchorDay: number | null;
            minimumTermMonths: number;
            noticePeriod: {
                amount: number;
                /** @enum {string} */
                unit: "days" | "months";
            } | null;
            renewalTermMonths: number | null;
            /**
             * @description How a partial first or last period is charged
             * @enum {string}
             */
            proration: "none" | "daily";
            /** @enum {string} */
            changeTiming: "next_period" | "immediate_prorated";
            paymentMethod: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            /** @description Billed on the contact’s collective invoice */
            collective: boolean;
            /** @description Finalized invoices get a send date and are e-mailed */
            autoSend: boolean;
            items: {
                /** @example cti_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
                id: string;
                position: number;
                articleId: string | null;
                name: string;
                description: string | null;
                /** @description Decimal string */
                quantity: string;
                unitCode: string;
                priceModel: components["schemas"]["PriceModel"];
                /** @description The price was given for this item instead of taken from the article */
                priceOverridden: boolean;
                discountPercent: string | null;
                /** @enum {string} */
                taxRateKind: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
                /** @enum {string} */
                supplyKind: "goods" | "services";
                startsOn: string | null;
                endsOn: string | null;
            }[];
            priceChanges: {
                id: string;
                itemId: string | null;
                /** @enum {string} */
                kind: "new_price" | "percent";
                priceModel: components["schemas"]["PriceModel"] | null;
                percent: string | null;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                effectiveDate: string;
                announcedOn: string | null;
                /**
                 * Format: date-time
                 * @description RFC 3339 instant in UTC
                 */
                createdAt: string;
            }[];
            pauses: {
                id: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                startsOn: string;
                endsOn: string | null;
            }[];
            installmentPlans: {
                id: string;
                name: string;
                total: number;
                count: number;
                intervalMonths: number;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                firstDueDate: string;
                /** @enum {string} */
                taxRateKind: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
                /** @enum {string} */
                supplyKind: "goods" | "services";
                installments: {
                    number: number;
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    dueDate: string;
                    amount: number;
                    billed: boolean;
                    documentId: string | null;
                }[];
                /**
                 * Format: date-time
                 * @description RFC 3339 instant in UTC
                 */
                createdAt: string;
            }[];
            /** @description One-off amounts the next runs will bill */
            pendingCharges: {
                id: string;
                /** @enum {string} */
                kind: "installment" | "proration_credit" | "proration_charge";
                name: string;
                /** @description Minor units; negative for a credit */
                amount: number;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                dueDate: string;
                period: {
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    start: string;
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    end: string;
                } | null;
                billed: boolean;
                documentId: string | null;
            }[];
            cancellation: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                receivedOn: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                endDate: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                noticeEnd: string;
                termEnd: string | null;
                renewals: number;
            } | null;
            minimumTermEnd: string | null;
            metadata: {
                [key: string]: string;
            };
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        ContractCreate: {
            contactId: string;
            description?: string | null;
            /** @description Default: the contact’s currency */
            currency?: string;
            /** @description Default 1 */
            intervalMonths?: number;
            /**
             * @description Default in_advance
             * @enum {string}
             */
            timing?: "in_advance" | "in_arrears";
            /**
             * Format: date
             * @description Default: today
             */
            startDate?: string;
            endDate?: string | null;
            billingAnchorDay?: number | null;
            minimumTermMonths?: number;
            noticePeriod?: {
                amount: number;
                /** @enum {string} */
                unit: "days" | "months";
            } | null;
            renewalTermMonths?: number | null;
            /**
             * @description Default none
             * @enum {string}
             */
            proration?: "none" | "daily";
            /**
             * @description Default next_period
             * @enum {string}
             */
            changeTiming?: "next_period" | "immediate_prorated";
            paymentMethod?: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            collective?: boolean;
            autoSend?: boolean;
            items: {
                /** @description Keep (and possibly change) an existing open item */
                id?: string;
                articleId?: string | null;
                /** @description Required without an article */
                name?: string;
                description?: string | null;
                /** @description Default 1 */
                quantity?: string;
                unitCode?: string;
                priceModel?: components["schemas"]["PriceModelInput"];
                discountPercent?: string | null;
                /** @enum {string} */
                taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
                /** @enum {string} */
                supplyKind?: "goods" | "services";
            }[];
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description Fields present replace the stored ones; `items` replaces the open items (give `id` to keep one). Once billed, the billing calendar (contact, currency, interval, timing, start, anchor) is fixed. */
        ContractUpdate: {
            contactId?: string;
            description?: string | null;
            /** @description Default: the contact’s currency */
            currency?: string;
            /** @description Default 1 */
            intervalMonths?: number;
            /**
             * @description Default in_advance
             * @enum {string}
             */
            timing?: "in_advance" | "in_arrears";
            /**
             * Format: date
             * @description Default: today
             */
            startDate?: string;
            endDate?: string | null;
            billingAnchorDay?: number | null;
            minimumTermMonths?: number;
            noticePeriod?: {
                amount: number;
                /** @enum {string} */
                unit: "days" | "months";
            } | null;
            renewalTermMonths?: number | null;
            /**
             * @description Default none
             * @enum {string}
             */
            proration?: "none" | "daily";
            /**
             * @description Default next_period
             * @enum {string}
             */
            changeTiming?: "next_period" | "immediate_prorated";
            paymentMethod?: ("bank_transfer" | "sepa_debit" | "card" | "paypal" | "cash" | "other") | null;
            collective?: boolean;
            autoSend?: boolean;
            items?: {
                /** @description Keep (and possibly change) an existing open item */
                id?: string;
                articleId?: string | null;
                /** @description Required without an article */
                name?: string;
                description?: string | null;
                /** @description Default 1 */
                quantity?: string;
                unitCode?: string;
                priceModel?: components["schemas"]["PriceModelInput"];
                discountPercent?: string | null;
                /** @enum {string} */
                taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
                /** @enum {string} */
                supplyKind?: "goods" | "services";
            }[];
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description How this change of items applies; default the contract’s changeTiming
             * @enum {string}
             */
            applyChange?: "next_period" | "immediate_prorated";
        };
        /** @description A page of Contract objects, newest first. */
        ContractPage: {
            data: components["schemas"]["Contract"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        PriceChangeCreate: {
            itemId?: string | null;
            /** @enum {string} */
            kind: "new_price" | "percent";
            priceModel?: components["schemas"]["PriceModelInput"];
            /** @description e.g. "5" for +5 %, "-10" for −10 % */
            percent?: string;
            /** Format: date */
            effectiveDate: string;
            announcedOn?: string | null;
        };
        InstallmentPlanCreate: {
            name: string;
            /** @description The one-time amount in minor units */
            total: number;
            count: number;
            intervalMonths?: number;
            /**
             * Format: date
             * @description Default today
             */
            firstDueDate?: string;
            /** @enum {string} */
            taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /** @enum {string} */
            supplyKind?: "goods" | "services";
        };
        /** @description Bills every contract period due on or before `asOf`, in batches in the worker; a period is never billed twice. */
        BillingRun: {
            /** @example brun_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            asOf: string;
            /** @enum {string} */
            mode: "draft" | "finalize" | "finalize_and_send";
            /** @enum {string} */
            status: "pending" | "running" | "cancelling" | "completed" | "cancelled" | "failed";
            /**
             * @description `schedule`: the daily run
             * @enum {string}
             */
            trigger: "api" | "schedule";
            filters: {
                contactIds: string[] | null;
                contractIds: string[] | null;
            };
            /** @description Contracts the run looks at (known once planned) */
            total: number;
            processed: number;
            failed: number;
            invoicesCreated: number;
            batchesTotal: number;
            batchesDone: number;
            /** @description The first 1,000 per-contract errors */
            errors: {
                contractId: string | null;
                code: string;
                message: string;
            }[];
            failure: {
                code: string;
                message: string;
            } | null;
            cancelRequested: boolean;
            startedAt: string | null;
            completedAt: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        BillingRunCreate: {
            /**
             * Format: date
             * @description Bill what is due up to this day; default today
             */
            asOf?: string;
            /**
             * @description draft (default): draft invoices; finalize: numbered, immutable invoices; finalize_and_send: also e-mailed
             * @enum {string}
             */
            mode?: "draft" | "finalize" | "finalize_and_send";
            /** @description Answer what would be billed; write nothing */
            dryRun?: boolean;
            contactIds?: string[];
            contractIds?: string[];
        };
        /** @description What a run would bill now (`dryRun: true`); nothing was written. */
        BillingRunPreview: {
            /** @enum {boolean} */
            dryRun: true;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            asOf: string;
            /** @enum {string} */
            mode: "draft" | "finalize" | "finalize_and_send";
            contracts: number;
            invoiceCount: number;
            invoices: {
                contactId: string;
                currency: string;
                collective: boolean;
                contractIds: string[];
                periods: {
                    contractId: string;
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    start: string;
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    end: string;
                }[];
                servicePeriod: {
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    start: string;
                    /**
                     * Format: date
                     * @description Calendar date `YYYY-MM-DD`
                     * @example 2026-11-27
                     */
                    end: string;
                } | null;
                lines: {
                    contractId: string;
                    contractItemId: string | null;
                    name: string;
                    quantity: string;
                    unitCode: string;
                    unitAmount: string;
                    discountPercent: string | null;
                    netAmount: number;
                    /** @enum {string} */
                    taxCategory: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
                    taxRate: string;
                    period: {
                        /**
                         * Format: date
                         * @description Calendar date `YYYY-MM-DD`
                         * @example 2026-11-27
                         */
                        start: string;
                        /**
                         * Format: date
                         * @description Calendar date `YYYY-MM-DD`
                         * @example 2026-11-27
                         */
                        end: string;
                    } | null;
                }[];
                lineNetTotal: number;
                taxTotal: number;
                grossTotal: number;
                taxBreakdown: {
                    /** @enum {string} */
                    category: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
                    rate: string;
                    basis: number;
                    tax: number;
                    exemptionReasonCode: string | null;
                    exemptionReason: string | null;
                }[];
            }[];
            /** @description More invoices would be billed than listed (totals cover all) */
            truncated: boolean;
            totals: {
                currency: string;
                invoices: number;
                lineNetTotal: number;
                taxTotal: number;
                grossTotal: number;
            }[];
            errors: {
                contractId: string | null;
                code: string;
                message: string;
            }[];
        };
        /** @description A page of BillingRun objects, newest first. */
        BillingRunPage: {
            data: components["schemas"]["BillingRun"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A sandbox organisation’s own time: the API, billing runs and the daily cron follow it. */
        TestClock: {
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            now: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            today: string;
            timezone: string;
            /** @description False until first moved: the sandbox follows real time */
            frozen: boolean;
        };
        TestClockAdvanceResult: {
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            now: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            today: string;
            timezone: string;
            /** @description False until first moved: the sandbox follows real time */
            frozen: boolean;
            /** @description The daily billing run started for the new date */
            billingRunIds: string[];
            /** @description The daily dunning run started for the new date (the overdue, quote-expiry, send-date and mandate sweeps are queued at once too) */
            dunningRunIds: string[];
        };
        /** @description Exactly one of `to`, `days` or `months`. The clock only moves forward. */
        TestClockAdvance: {
            /**
             * Format: date-time
             * @description Move to this instant
             */
            to?: string;
            days?: number;
            /** @description Calendar months (Jan 31 + 1 = Feb 28/29) */
            months?: number;
        };
        /** @description One row of the VAT breakdown (EN 16931 BG-23). */
        TaxBreakdownEntry: {
            /**
             * @description VAT category (UNCL5305): S, Z, E, AE, K, G, O
             * @enum {string}
             */
            category: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
            /** @description Percent, e.g. "19" */
            rate: string;
            /** @description Net amount of the category and rate (minor units) */
            basis: number;
            /** @description VAT of the group, rounded once (minor units) */
            tax: number;
            exemptionReasonCode: string | null;
            exemptionReason: string | null;
        };
        DocumentLine: {
            id: string;
            position: number;
            articleId: string | null;
            name: string;
            description: string | null;
            /** @description Decimal string; negative on credit notes and cancellations */
            quantity: string;
            /** @description UN/ECE Rec. 20 unit: C62 one, HUR hour, DAY, MON, KGM … */
            unitCode: string;
            unitAmount: number | null;
            /** @description The net unit price as a decimal string of minor units */
            unitAmountDecimal: string;
            discountPercent: string | null;
            /** @description quantity × unit price × (1 − discount), rounded half-up once */
            netAmount: number;
            /** @enum {string} */
            taxCategory: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
            taxRate: string;
            taxRateKind: ("standard" | "reduced" | "second_reduced" | "super_reduced" | "zero") | null;
            supplyKind: ("goods" | "services") | null;
            period: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            contractId: string | null;
            contractItemId: string | null;
        };
        /** @description The seller as frozen at finalize (GoBD). */
        SellerSnapshot: {
            legalName: string;
            address: components["schemas"]["PostalAddress"];
            vatId: string | null;
            taxNumber: string | null;
            registrationId?: string | null;
            identifier?: string | null;
            contact: {
                name: string | null;
                phone: string | null;
                email: string | null;
            };
            electronicAddress?: string | null;
            website?: string | null;
            bankAccount: {
                iban: string;
                bic: string | null;
                bankName: string | null;
                accountHolder: string | null;
            } | null;
            creditorId: string | null;
            smallBusiness: boolean;
        };
        /** @description The buyer as frozen at finalize (GoBD). */
        BuyerSnapshot: {
            name: string;
            addressee?: string | null;
            address: components["schemas"]["PostalAddress"];
            deliveryAddress?: components["schemas"]["PostalAddress"] | null;
            vatId: string | null;
            buyerReference: string | null;
            email: string | null;
            customerNumber?: string | null;
        };
        /** @description How the buyer pays: credit transfer or SEPA direct debit. */
        PaymentMeans: {
            /** @enum {string} */
            kind: "transfer";
            iban: string;
            bic: string | null;
            accountHolder: string | null;
            bankName: string | null;
        } | {
            /** @enum {string} */
            kind: "sepa_debit";
            mandateReference: string;
            creditorId: string;
            debtorIban: string;
            collectionDate?: string | null;
        };
        /** @description VAT category and rate are not input: they follow from seller, buyer, supply kind, rate kind and the date of supply. */
        DocumentLineInput: {
            articleId?: string | null;
            /** @description Kind of goods or service (required without an article) */
            name?: string;
            description?: string | null;
            /** @description Decimal string, default "1"; on credit notes the quantity credited */
            quantity?: string;
            /** @description UN/ECE Rec. 20 (default C62, or the article’s) */
            unitCode?: string;
            /** @description Net unit price in minor units */
            unitAmount?: number;
            /** @description A sub-cent net unit price in minor units, instead of unitAmount */
            unitAmountDecimal?: string;
            discountPercent?: string | null;
            /**
             * @description Which VAT rate of the seller’s country (default standard, or the article’s)
             * @enum {string}
             */
            taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /**
             * @description goods or services: decides reverse charge vs. intra-EU supply (default services)
             * @enum {string}
             */
            supplyKind?: "goods" | "services";
            period?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
        };
        /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
        Invoice: {
            /** @example doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            type: "invoice" | "pro_forma" | "credit_note" | "cancellation" | "corrected_invoice" | "quote";
            /**
             * @description EN 16931 BT-3: 380 invoice, 381 credit note/cancellation, 384 corrected invoice
             * @enum {string}
             */
            typeCode: "380" | "381" | "384" | "386";
            /** @enum {string} */
            status: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
            number: string | null;
            contactId: string;
            currency: string;
            /** @enum {string} */
            language: "de" | "en";
            issueDate: string | null;
            serviceDate: string | null;
            servicePeriod: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            dueDate: string | null;
            validUntil: string | null;
            sendDate: string | null;
            lines: components["schemas"]["DocumentLine"][];
            notes: string[];
            lineNetTotal: number;
            allowanceTotal: number;
            chargeTotal: number;
            taxBasisTotal: number;
            taxTotal: number;
            grossTotal: number;
            prepaidAmount: number;
            amountDue: number;
            /** @description What payments (and credit-balance applications) put on it, net of refunds (minor units) */
            amountPaid: number;
            /** @description Invoices: the gross of the issued credit notes referring to it, positive; otherwise 0 */
            amountCredited: number;
            /** @description Invoices: what the buyer still owes, amountDue − amountCredited − amountPaid (never below 0); 0 for drafts, cancelled invoices, pro-formas, credit notes and quotes */
            amountOpen: number;
            taxBreakdown: components["schemas"]["TaxBreakdownEntry"][];
            seller: components["schemas"]["SellerSnapshot"] | null;
            buyer: components["schemas"]["BuyerSnapshot"] | null;
            paymentTerms: string | null;
            paymentMeans: components["schemas"]["PaymentMeans"] | null;
            precedingDocumentId: string | null;
            cancelledByDocumentId: string | null;
            convertedFromDocumentId: string | null;
            convertedToDocumentId: string | null;
            decision: {
                /**
                 * Format: date-time
                 * @description RFC 3339 instant in UTC
                 */
                at: string;
                signerName: string | null;
                reason: string | null;
                documentSha256: string | null;
                ip: string | null;
                userAgent: string | null;
                signatureSha256: string | null;
            } | null;
            billingRunId: string | null;
            collective: boolean;
            pdfSha256: string | null;
            xmlSha256: string | null;
            metadata: {
                [key: string]: string;
            };
            finalizedAt: string | null;
            sentAt: string | null;
            viewedAt: string | null;
            paidAt: string | null;
            cancelledAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A draft invoice: the contact and its lines. Numbers, snapshots and final VAT come at finalize. */
        InvoiceCreate: {
            contactId: string;
            /** @description Default: the contact’s currency */
            currency?: string;
            /**
             * @description Default: the contact’s language
             * @enum {string}
             */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            sendDate?: string | null;
            notes?: string[];
            lines?: components["schemas"]["DocumentLineInput"][];
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description invoice (default), pro_forma or corrected_invoice (384)
             * @enum {string}
             */
            type?: "invoice" | "pro_forma" | "corrected_invoice";
            invoiceId?: string | null;
            dueDate?: string | null;
        };
        /** @description Fields present replace the stored ones; `lines` replaces all lines. After finalize only `sendDate` and `metadata` may change. */
        InvoiceUpdate: {
            contactId?: string;
            /** @description Default: the contact’s currency */
            currency?: string;
            /**
             * @description Default: the contact’s language
             * @enum {string}
             */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            sendDate?: string | null;
            notes?: string[];
            lines?: components["schemas"]["DocumentLineInput"][];
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description invoice (default), pro_forma or corrected_invoice (384)
             * @enum {string}
             */
            type?: "invoice" | "pro_forma" | "corrected_invoice";
            invoiceId?: string | null;
            dueDate?: string | null;
        };
        InvoiceMerge: {
            /** @description Draft invoices of one contact and currency; their lines go on the new draft in this order */
            invoiceIds: string[];
        };
        /** @description A page of Invoice objects, newest first. */
        InvoicePage: {
            data: components["schemas"]["Invoice"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable. */
        CreditNote: {
            /** @example doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            type: "invoice" | "pro_forma" | "credit_note" | "cancellation" | "corrected_invoice" | "quote";
            /**
             * @description EN 16931 BT-3: 380 invoice, 381 credit note/cancellation, 384 corrected invoice
             * @enum {string}
             */
            typeCode: "380" | "381" | "384" | "386";
            /** @enum {string} */
            status: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
            number: string | null;
            contactId: string;
            currency: string;
            /** @enum {string} */
            language: "de" | "en";
            issueDate: string | null;
            serviceDate: string | null;
            servicePeriod: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            dueDate: string | null;
            validUntil: string | null;
            sendDate: string | null;
            lines: components["schemas"]["DocumentLine"][];
            notes: string[];
            lineNetTotal: number;
            allowanceTotal: number;
            chargeTotal: number;
            taxBasisTotal: number;
            taxTotal: number;
            grossTotal: number;
            prepaidAmount: number;
            amountDue: number;
            /** @description What payments (and credit-balance applications) put on it, net of refunds (minor units) */
            amountPaid: number;
            /** @description Invoices: the gross of the issued credit notes referring to it, positive; otherwise 0 */
            amountCredited: number;
            /** @description Invoices: what the buyer still owes, amountDue − amountCredited − amountPaid (never below 0); 0 for drafts, cancelled invoices, pro-formas, credit notes and quotes */
            amountOpen: number;
            taxBreakdown: components["schemas"]["TaxBreakdownEntry"][];
            seller: components["schemas"]["SellerSnapshot"] | null;
            buyer: components["schemas"]["BuyerSnapshot"] | null;
            paymentTerms: string | null;
            paymentMeans: components["schemas"]["PaymentMeans"] | null;
            precedingDocumentId: string | null;
            cancelledByDocumentId: string | null;
            convertedFromDocumentId: string | null;
            convertedToDocumentId: string | null;
            decision: {
                /**
                 * Format: date-time
                 * @description RFC 3339 instant in UTC
                 */
                at: string;
                signerName: string | null;
                reason: string | null;
                documentSha256: string | null;
                ip: string | null;
                userAgent: string | null;
                signatureSha256: string | null;
            } | null;
            billingRunId: string | null;
            collective: boolean;
            pdfSha256: string | null;
            xmlSha256: string | null;
            metadata: {
                [key: string]: string;
            };
            finalizedAt: string | null;
            sentAt: string | null;
            viewedAt: string | null;
            paidAt: string | null;
            cancelledAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A draft credit note for part or all of an issued invoice. Finalized credit notes never credit more than the invoice’s total. */
        CreditNoteCreate: {
            /** @description The issued invoice credited */
            invoiceId: string;
            /** @description Default: the invoice’s contact (it must be that one) */
            contactId?: string;
            /** @description Must be the invoice’s currency */
            currency?: string;
            /** @enum {string} */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            sendDate?: string | null;
            notes?: string[];
            /** @description The lines credited, with positive quantities. Omit to credit the whole invoice (its lines, VAT as issued). */
            lines?: components["schemas"]["DocumentLineInput"][];
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description Fields present replace the stored ones; `lines` replaces all lines. */
        CreditNoteUpdate: {
            invoiceId?: string;
            /** @description Default: the invoice’s contact (it must be that one) */
            contactId?: string;
            /** @description Must be the invoice’s currency */
            currency?: string;
            /** @enum {string} */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            sendDate?: string | null;
            notes?: string[];
            /** @description The lines credited, with positive quantities. Omit to credit the whole invoice (its lines, VAT as issued). */
            lines?: components["schemas"]["DocumentLineInput"][];
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description A page of CreditNote objects, newest first. */
        CreditNotePage: {
            data: components["schemas"]["CreditNote"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
        Quote: {
            /** @example doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            type: "invoice" | "pro_forma" | "credit_note" | "cancellation" | "corrected_invoice" | "quote";
            /**
             * @description EN 16931 BT-3: 380 invoice, 381 credit note/cancellation, 384 corrected invoice
             * @enum {string}
             */
            typeCode: "380" | "381" | "384" | "386";
            /** @enum {string} */
            status: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
            number: string | null;
            contactId: string;
            currency: string;
            /** @enum {string} */
            language: "de" | "en";
            issueDate: string | null;
            serviceDate: string | null;
            servicePeriod: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            dueDate: string | null;
            validUntil: string | null;
            sendDate: string | null;
            lines: components["schemas"]["DocumentLine"][];
            notes: string[];
            lineNetTotal: number;
            allowanceTotal: number;
            chargeTotal: number;
            taxBasisTotal: number;
            taxTotal: number;
            grossTotal: number;
            prepaidAmount: number;
            amountDue: number;
            /** @description What payments (and credit-balance applications) put on it, net of refunds (minor units) */
            amountPaid: number;
            /** @description Invoices: the gross of the issued credit notes referring to it, positive; otherwise 0 */
            amountCredited: number;
            /** @description Invoices: what the buyer still owes, amountDue − amountCredited − amountPaid (never below 0); 0 for drafts, cancelled invoices, pro-formas, credit notes and quotes */
            amountOpen: number;
            taxBreakdown: components["schemas"]["TaxBreakdownEntry"][];
            seller: components["schemas"]["SellerSnapshot"] | null;
            buyer: components["schemas"]["BuyerSnapshot"] | null;
            paymentTerms: string | null;
            paymentMeans: components["schemas"]["PaymentMeans"] | null;
            precedingDocumentId: string | null;
            cancelledByDocumentId: string | null;
            convertedFromDocumentId: string | null;
            convertedToDocumentId: string | null;
            decision: {
                /**
                 * Format: date-time
                 * @description RFC 3339 instant in UTC
                 */
                at: string;
                signerName: string | null;
                reason: string | null;
                documentSha256: string | null;
                ip: string | null;
                userAgent: string | null;
                signatureSha256: string | null;
            } | null;
            billingRunId: string | null;
            collective: boolean;
            pdfSha256: string | null;
            xmlSha256: string | null;
            metadata: {
                [key: string]: string;
            };
            finalizedAt: string | null;
            sentAt: string | null;
            viewedAt: string | null;
            paidAt: string | null;
            cancelledAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A draft quote for a contact. */
        QuoteCreate: {
            contactId: string;
            /** @description Default: the contact’s currency */
            currency?: string;
            /** @enum {string} */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            validUntil?: string | null;
            sendDate?: string | null;
            notes?: string[];
            lines?: components["schemas"]["DocumentLineInput"][];
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description Fields present replace the stored ones; `lines` replaces all lines. */
        QuoteUpdate: {
            contactId?: string;
            /** @description Default: the contact’s currency */
            currency?: string;
            /** @enum {string} */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            validUntil?: string | null;
            sendDate?: string | null;
            notes?: string[];
            lines?: components["schemas"]["DocumentLineInput"][];
            metadata?: {
                [key: string]: string;
            };
        };
        QuoteDecision: {
            signerName?: string | null;
            reason?: string | null;
        };
        /** @description A page of Quote objects, newest first. */
        QuotePage: {
            data: components["schemas"]["Quote"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A line of the order: a product (`article`) or a free line (`name`, `unitAmount`). */
        ConnectorOrderLine: {
            /** @description Kind of goods or service (required without an article) */
            name?: string;
            description?: string | null;
            /** @description Decimal string, default "1"; on credit notes the quantity credited */
            quantity?: string;
            /** @description UN/ECE Rec. 20 (default C62, or the article’s) */
            unitCode?: string;
            /** @description Net unit price in minor units */
            unitAmount?: number;
            /** @description A sub-cent net unit price in minor units, instead of unitAmount */
            unitAmountDecimal?: string;
            discountPercent?: string | null;
            /**
             * @description Which VAT rate of the seller’s country (default standard, or the article’s)
             * @enum {string}
             */
            taxRateKind?: "standard" | "reduced" | "second_reduced" | "super_reduced" | "zero";
            /**
             * @description goods or services: decides reverse charge vs. intra-EU supply (default services)
             * @enum {string}
             */
            supplyKind?: "goods" | "services";
            period?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            article?: components["schemas"]["ArticleUpdate"];
        };
        /** @description A shop order: it becomes one invoice. */
        ConnectorOrder: {
            customer: components["schemas"]["ContactUpdate"];
            lines: components["schemas"]["ConnectorOrderLine"][];
            /** @description Default: the contact’s currency */
            currency?: string;
            /**
             * @description Default: the contact’s language
             * @enum {string}
             */
            language?: "de" | "en";
            issueDate?: string | null;
            serviceDate?: string | null;
            servicePeriod?: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                start: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                end: string;
            } | null;
            dueDate?: string | null;
            sendDate?: string | null;
            notes?: string[];
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
            /** @description true: the invoice is finalized (numbered, immutable) at once; default: a draft */
            finalize?: boolean;
        };
        PaymentAllocation: {
            invoiceId: string;
            /** @description Minor units. A payment: what of it is on the invoice now; a refund: what it took back from the invoice. */
            amount: number;
        };
        PaymentAllocationInput: {
            /** @description An issued invoice of the payment’s contact and currency */
            invoiceId: string;
            /** @description Minor units; at most what the invoice has open */
            amount: number;
        };
        /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
        Payment: {
            /** @example pay_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /**
             * @description payment, or refund (a payment in reverse, naming refundedPaymentId)
             * @enum {string}
             */
            type: "payment" | "refund";
            /**
             * @description succeeded: booked; failed: reported by a provider, books nothing
             * @enum {string}
             */
            status: "succeeded" | "failed";
            contactId: string;
            /** @example EUR */
            currency: string;
            /**
             * @description Minor units, positive
             * @example 11900
             */
            amount: number;
            /** @description Payments: on invoices now. Refunds: taken back off invoices (reopening them). */
            amountAllocated: number;
            /** @description Payments: in the contact's credit balance (over-payment). Refunds: taken from the credit balance. */
            amountUnapplied: number;
            /** @description Payments: refunded so far. Refunds: 0. */
            amountRefunded: number;
            /** @enum {string} */
            method: "bank_transfer" | "cash" | "cheque" | "card" | "sepa_debit" | "paypal" | "stripe" | "mollie" | "other";
            provider: string | null;
            externalId: string | null;
            reference: string | null;
            description: string | null;
            failureReason: string | null;
            refundedPaymentId: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            paidAt: string;
            allocations: components["schemas"]["PaymentAllocation"][];
            metadata: {
                [key: string]: string;
            };
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        PaymentCreate: {
            /** @description The payer; default the contact of the invoice(s) named */
            contactId?: string;
            /** @description Minor units received, e.g. 11900 for 119.00 */
            amount: number;
            /** @description Default the invoice’s, else the contact’s currency */
            currency?: string;
            /** @enum {string} */
            method: "bank_transfer" | "cash" | "cheque" | "card" | "sepa_debit" | "paypal" | "stripe" | "mollie" | "other";
            /**
             * @description Default succeeded; failed records an attempt that brought no money
             * @enum {string}
             */
            status?: "succeeded" | "failed";
            failureReason?: string | null;
            description?: string | null;
            /**
             * Format: date-time
             * @description When the money arrived; default now
             */
            paidAt?: string;
            /** @description Allocate to this invoice, up to its open amount; the rest goes to the credit balance */
            invoiceId?: string;
            /** @description Exactly these amounts on these invoices; the rest goes to the credit balance ([] books it all there). Without invoiceId and allocations the contact’s open invoices are paid oldest due date first. */
            allocations?: components["schemas"]["PaymentAllocationInput"][];
            provider?: string | null;
            externalId?: string | null;
            reference?: string | null;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
        };
        PaymentRefundCreate: {
            /** @description Minor units; default everything still refundable */
            amount?: number;
            /**
             * @description Default the payment’s method
             * @enum {string}
             */
            method?: "bank_transfer" | "cash" | "cheque" | "card" | "sepa_debit" | "paypal" | "stripe" | "mollie" | "other";
            reason?: string | null;
            /**
             * Format: date-time
             * @description When the money left; default now
             */
            refundedAt?: string;
            /** @description Which invoices to reopen and by how much; the rest of the amount comes from the payment’s part in the credit balance. Default: the credit balance first, then the invoices most recently paid. */
            allocations?: components["schemas"]["PaymentAllocationInput"][];
            provider?: string | null;
            externalId?: string | null;
            reference?: string | null;
            /** @description Your own key/value pairs (≤ 50 keys, values ≤ 500 characters) */
            metadata?: {
                [key: string]: string;
            };
        };
        /** @description A page of Payment objects, newest first. */
        PaymentPage: {
            data: components["schemas"]["Payment"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description Money the contact paid beyond what its invoices asked, per currency. It pays the contact’s next invoice at its finalize, or an invoice you name (POST /invoices/{id}/apply-credit-balance), or goes back by refunding the payment. */
        CreditBalance: {
            contactId: string;
            /** @description Only currencies with a positive balance */
            balances: {
                currency: string;
                /** @description Minor units */
                amount: number;
            }[];
        };
        /** @description One change of a contact’s credit balance. */
        BalanceTransaction: {
            id: string;
            contactId: string;
            currency: string;
            /**
             * @description overpayment: a payment brought more than it was allocated; applied: spent on an invoice; refunded: paid back; released: a credit note left an invoice over-paid
             * @enum {string}
             */
            kind: "overpayment" | "applied" | "refunded" | "released";
            /** @description Minor units; positive adds, negative spends */
            amount: number;
            balanceAfter: number;
            /** @description The payment (or refund) whose money moved */
            paymentId: string;
            documentId: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
        };
        /** @description A page of BalanceTransaction objects, newest first. */
        BalanceTransactionPage: {
            data: components["schemas"]["BalanceTransaction"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        ApplyCreditBalance: {
            /** @description Minor units; default as much as the balance and the open amount allow */
            amount?: number;
        };
        /** @description An organisation’s connection to Stripe or Mollie. Keys are stored encrypted and never returned in full. */
        PaymentProvider: {
            /** @enum {string} */
            provider: "stripe" | "mollie";
            /** @description True for live keys (real money), false for test keys */
            livemode: boolean;
            /** @description Used by payment links that name no provider */
            isDefault: boolean;
            secretKey: string | null;
            webhookSigningSecret: string | null;
            apiKey: string | null;
            returnUrl: string | null;
            /** @description Register this address at the provider (Stripe: a webhook endpoint for the checkout.session.* events; Mollie sets it per payment itself) */
            webhookUrl: string;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description The connected providers (at most one of each). */
        PaymentProviderList: {
            data: components["schemas"]["PaymentProvider"][];
        };
        PaymentProviderUpdate: {
            /**
             * @description Stripe: the secret or restricted key (sk_… or rk_…). Required when connecting Stripe; leave out to keep the stored one.
             * @example sk_test_…
             */
            secretKey?: string;
            /**
             * @description Stripe: the signing secret of the webhook endpoint pointing at webhookUrl. Leave out to keep the stored one.
             * @example whsec_…
             */
            webhookSigningSecret?: string;
            /**
             * @description Mollie: the API key (live_… or test_…). Required when connecting Mollie; leave out to keep the stored one.
             * @example test_…
             */
            apiKey?: string;
            /** @description Make this the default provider (the first one connected is) */
            isDefault?: boolean;
            returnUrl?: string | null;
        };
        /** @description A checkout at Stripe or Mollie for an invoice’s open amount; paying it books a payment and the invoice turns paid. */
        PaymentLink: {
            /** @example plk_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            invoiceId: string;
            /** @enum {string} */
            provider: "stripe" | "mollie";
            /** @description Stripe Checkout Session (cs_…) or Mollie payment (tr_…) */
            providerObjectId: string;
            livemode: boolean;
            /** @description Send the payer here */
            url: string;
            returnUrl: string;
            /**
             * @description open; processing (checkout done, money on its way); paid (booked, final); failed, expired, canceled (brings nothing — make a new link)
             * @enum {string}
             */
            status: "open" | "processing" | "paid" | "failed" | "expired" | "canceled";
            /**
             * @description Minor units: the invoice’s open amount when the link was made
             * @example 11900
             */
            amount: number;
            /** @example EUR */
            currency: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            expiresAt: string;
            paymentId: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        PaymentLinkCreate: {
            /**
             * @description Default: the default provider, or the only one connected
             * @enum {string}
             */
            provider?: "stripe" | "mollie";
            /** @description Where the payer returns; default the provider settings’ returnUrl */
            returnUrl?: string;
        };
        /** @description A page of PaymentLink objects, newest first. */
        PaymentLinkPage: {
            data: components["schemas"]["PaymentLink"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description What a provider callback did (the provider shows it in its delivery log). */
        PspWebhookResult: {
            /** @enum {boolean} */
            received: true;
            /**
             * @description booked: a payment was booked now; already_booked: a repeat, nothing changed; updated: the link’s status moved, or money that went back at the provider (a refund, a chargeback) or came back (a won dispute) was booked now; ignored: nothing to do
             * @enum {string}
             */
            result: "booked" | "already_booked" | "updated" | "ignored";
            paymentLinkId: string | null;
            paymentId: string | null;
        };
        /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
        DocumentSend: {
            /** @example dsnd_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            documentId: string;
            /**
             * @description Where the document lives: invoice, credit_note or quote
             * @enum {string}
             */
            documentFamily: "invoice" | "credit_note" | "quote";
            documentNumber: string | null;
            /**
             * @description queued (waiting for the worker, or for its next attempt after a transient failure), sending, sent, failed
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed";
            /**
             * @description manual (POST …/send), schedule (the send date arrived), billing_run (finalize_and_send)
             * @enum {string}
             */
            trigger: "manual" | "schedule" | "billing_run";
            recipients: string[];
            /** @description Addresses the server refused while it accepted the others (the mail went to the rest) */
            rejectedRecipients: string[];
            eInvoiceFormat: ("xrechnung-cii" | "xrechnung-ubl" | "zugferd") | null;
            /** @description What the mail carried; empty until it was composed */
            attachments: {
                filename: string;
                contentType: string;
                /** @description Bytes */
                size: number;
                /** @description The same SHA-256 as the stored file (GoBD) */
                sha256: string;
            }[];
            /** @description Delivery attempts so far */
            attempts: number;
            lastErrorCode: string | null;
            lastError: string | null;
            smtpCode: number | null;
            smtpResponse: string | null;
            messageId: string | null;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            sentAt: string | null;
            failedAt: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description A page of DocumentSend objects, newest first. */
        DocumentSendPage: {
            data: components["schemas"]["DocumentSend"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description Optional: to whom, and which e-invoice goes with the PDF. */
        SendDocument: {
            /** @description E-mail addresses the mail goes to; default: the contact’s billing addresses (else its first) */
            recipients?: string[];
            eInvoiceFormat?: ("xrechnung-cii" | "xrechnung-ubl" | "zugferd") | null;
        };
        /** @description Optional: to whom. */
        SendQuote: {
            /** @description E-mail addresses the mail goes to; default: the contact’s billing addresses (else its first) */
            recipients?: string[];
        };
        /** @description Optional: corrected addresses (after a bounce); default the same as before. */
        RetryDocumentSend: {
            /** @description E-mail addresses the mail goes to; default: the contact’s billing addresses (else its first) */
            recipients?: string[];
        };
        /** @description A link to the customer portal page of one issued document: no API key, the token is the access. The page shows the document, its PDF and e-invoices, lets an open invoice be paid online and a quote be accepted or declined. */
        ShareLink: {
            /** @example dtok_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            documentId: string;
            sendId: string | null;
            /**
             * Format: uri
             * @description The customer portal page of the document, with its secret token. Only in the answer of the create: the token is not stored (only its SHA-256) and cannot be read again.
             * @example https://billing.example.com/portal/fkp_Qm9vb…
             */
            url?: string;
            /**
             * Format: date-time
             * @description From then on the portal answers 410
             */
            expiresAt: string;
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
        };
        /** @description A page of ShareLink objects, newest first. */
        ShareLinkPage: {
            data: components["schemas"]["ShareLink"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description Optional: how long the link opens the page. */
        CreateShareLink: {
            /**
             * @description Days until the link expires (default 180, as a mailed link)
             * @example 30
             */
            expiresInDays?: number;
        };
        /** @description One invoice collected by direct debit. */
        SepaCollectionItem: {
            /** @example sepi_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            invoiceId: string;
            invoiceNumber: string;
            contactId: string;
            mandateId: string;
            mandateReference: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            mandateSignedDate: string;
            /** @enum {string} */
            scheme: "CORE" | "B2B";
            /**
             * @description FRST first debit of a mandate, RCUR following, OOFF one-off
             * @enum {string}
             */
            sequenceType: "FRST" | "RCUR" | "OOFF";
            /** @description Minor units: the open amount of the invoice */
            amount: number;
            /** @example EUR */
            currency: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            collectionDate: string;
            /** @description Unique per organisation; banks report it back */
            endToEndId: string;
            debtor: {
                /** @description Account holder (or buyer), in the SEPA character set */
                name: string;
                iban: string;
                bic: string | null;
                address: components["schemas"]["PostalAddress"] | null;
            };
            /** @description What the debtor’s statement shows */
            remittanceInformation: string;
            /** @description How the debtor was told before the debit (SEPA pre-notification) */
            preNotification: {
                /**
                 * @description `invoice`: the invoice itself states amount, debit date, mandate reference and creditor id
                 * @enum {string}
                 */
                method: "invoice";
                /**
                 * Format: date
                 * @description The day the debtor got the notice: the invoice’s sent date, else its issue date
                 */
                notifiedOn: string;
                /** @description Notice period of the mandate; 14 unless agreed otherwise */
                days: number;
                /**
                 * Format: date
                 * @description The debit date the invoice announced
                 */
                announcedDate: string;
            };
            /**
             * @description `pending` (the invoice is collection pending), `submitted`, `returned` (the debit came back), `cancelled`
             * @enum {string}
             */
            status: "pending" | "submitted" | "returned" | "cancelled";
            returnReason: string | null;
        };
        /** @description A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates. */
        SepaCollection: {
            /** @example sepc_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            status: "pending" | "submitted" | "cancelled";
            /** @description MsgId of the pain.008 file */
            messageId: string;
            /** @example EUR */
            currency: string;
            itemCount: number;
            /** @description Minor units: the sum of the items */
            controlSum: number;
            /** @description The organisation as creditor when the collection was created */
            creditor: {
                name: string;
                iban: string;
                bic: string | null;
                /** @example DE98ZZZ09999999999 */
                creditorId: string;
                address: components["schemas"]["PostalAddress"] | null;
            };
            filters: {
                dueBy: string | null;
                invoiceIds: string[] | null;
                collectionDate: string | null;
            };
            /** @description The PmtInf blocks of the file: one per collection date, scheme and sequence type */
            batches: {
                paymentInformationId: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                collectionDate: string;
                /** @enum {string} */
                scheme: "CORE" | "B2B";
                /** @enum {string} */
                sequenceType: "FRST" | "RCUR" | "OOFF";
                itemCount: number;
                /** @description Minor units */
                controlSum: number;
            }[];
            items: components["schemas"]["SepaCollectionItem"][];
            /** @description Due direct-debit invoices left out, with the reason (the first 1,000) */
            skipped: {
                invoiceId: string;
                invoiceNumber: string | null;
                /** @example mandate_expired */
                code: string;
                message: string;
            }[];
            /** @description More invoices were due than one collection takes (1,000): create another for the rest */
            truncated: boolean;
            submittedAt: string | null;
            cancelledAt: string | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        SepaCollectionCreate: {
            /**
             * Format: date
             * @description Collect invoices due on or before this day; default the earliest possible collection date
             */
            dueBy?: string;
            /** @description Collect exactly these invoices; one that cannot be collected refuses the request */
            invoiceIds?: string[];
            /**
             * Format: date
             * @description Collect on this day instead of as early as allowed; items that may not be collected so soon move later
             */
            collectionDate?: string;
        };
        /** @description A page of SepaCollection objects, newest first. */
        SepaCollectionPage: {
            data: components["schemas"]["SepaCollection"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description One statement of an imported bank statement file. */
        BankStatement: {
            /** @example bst_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @enum {string} */
            format: "camt.053" | "camt.054" | "mt940" | "csv";
            formatVersion: string | null;
            messageId: string | null;
            reference: string | null;
            sequenceNumber: string | null;
            account: {
                iban: string | null;
                number: string | null;
                bic: string | null;
                currency: string | null;
                owner: string | null;
            };
            bankCreatedAt: string | null;
            fromDate: string | null;
            toDate: string | null;
            openingBalance: {
                /** @description Signed minor units: a debit balance is negative */
                amount: number;
                currency: string;
                date: string | null;
            } | null;
            closingBalance: {
                /** @description Signed minor units: a debit balance is negative */
                amount: number;
                currency: string;
                date: string | null;
            } | null;
            /** @description Booked transactions in the statement */
            transactionCount: number;
            /** @description Transactions this import stored */
            importedCount: number;
            /** @description Transactions already imported earlier (same or overlapping statement), not stored again */
            skippedCount: number;
            /** @description SHA-256 of the uploaded text */
            fileSha256: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
        };
        /** @description One booked entry of an imported statement. */
        BankTransaction: {
            /** @example btx_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @description The statement that first brought this entry */
            statementId: string;
            /** @enum {string} */
            status: "unmatched" | "suggested" | "matched" | "ignored";
            accountIban: string | null;
            accountNumber: string | null;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            bookingDate: string;
            valueDate: string | null;
            /** @description Signed minor units: credits (money in) positive, debits negative */
            amount: number;
            currency: string;
            /** @enum {string} */
            creditDebit: "credit" | "debit";
            /** @description The entry reverses an earlier one (camt RvslInd, MT940 RC/RD) */
            reversal: boolean;
            /** @description A SEPA return (R-transaction) of a direct debit or transfer */
            isReturn: boolean;
            returnReasonCode: string | null;
            counterpartyName: string | null;
            counterpartyIban: string | null;
            counterpartyBic: string | null;
            counterpartyAccount: string | null;
            remittanceInformation: string | null;
            structuredReference: string | null;
            endToEndId: string | null;
            mandateReference: string | null;
            creditorId: string | null;
            bankReference: string | null;
            customerReference: string | null;
            transactionCode: string | null;
            proprietaryCode: string | null;
            bookingText: string | null;
            originalAmount: number | null;
            chargesAmount: number | null;
            matchConfidence: string | null;
            matchReason: string | null;
            matchedAt: string | null;
            matchRule: ("sepa_reference" | "number_exact" | "number_amount_differs" | "iban_amount" | "name_amount" | "sepa_return" | "manual") | null;
            matchAllocations: {
                invoiceId: string;
                /** @description Minor units */
                amount: number;
            }[] | null;
            paymentId: string | null;
            returnFee: number | null;
            version: number;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description What an import stored and skipped. */
        BankStatementImport: {
            /** @enum {string} */
            format: "camt.053" | "camt.054" | "mt940" | "csv";
            statements: components["schemas"]["BankStatement"][];
            /** @description Transactions stored, over all statements of the file */
            imported: number;
            /** @description Transactions the organisation already had */
            skipped: number;
            warnings: {
                /**
                 * @example balance_mismatch
                 * @example entries_not_booked
                 * @example batch_not_split
                 */
                code: string;
                message: string;
                /** @description Element path or line */
                path: string;
            }[];
        };
        /** @description A page of BankStatement objects, newest first. */
        BankStatementPage: {
            data: components["schemas"]["BankStatement"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A page of BankTransaction objects, newest first. */
        BankTransactionPage: {
            data: components["schemas"]["BankTransaction"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        BankTransactionMatch: {
            /** @description Take the suggestion as it is (`matchAllocations` of the transaction) */
            acceptSuggestion?: boolean;
            /** @description The invoices the transfer pays and how much of each; what they leave of the amount becomes the contact’s credit balance */
            allocations?: {
                invoiceId: string;
                /** @description Minor units */
                amount: number;
            }[];
            /** @description With no allocations: the contact whose credit balance takes the money */
            contactId?: string;
        };
        BankTransactionIgnore: {
            /** @description Why it is no invoice payment (bank charges, own transfer, a duplicate); kept in `matchReason` with who ignored it */
            reason?: string;
        };
        ReconcileRequest: {
            /** @description Only this statement’s transactions */
            statementId?: string;
        };
        /** @description The worker reconciles; watch `bank_transaction.*` events */
        ReconcileQueued: {
            /** @enum {boolean} */
            queued: true;
        };
        /** @description One entry of the hash-chained, append-only audit log (GoBD). */
        AuditEntry: {
            /** @example aud_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /** @description 1, 2, 3 … per organisation, without gaps */
            seq: number;
            actor: {
                /** @description api_key or system */
                type: string;
                id: string;
            };
            /** @description e.g. invoice.finalized, contact.updated, organization.updated */
            action: string;
            resourceType: string;
            resourceId: string;
            /** @description Before the change: for an update, the fields that changed with their old values; the whole resource when it was deleted; null when it was created */
            before: unknown;
            /** @description After the change: for an update, the changed fields with their new values; the whole resource when it was created; null when it was deleted */
            after: unknown;
            requestId: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /** @description SHA-256 (hex) of the previous entry */
            prevHash: string;
            /** @description SHA-256 (hex) over prevHash and the canonical JSON of this entry */
            hash: string;
        };
        AuditVerification: {
            valid: boolean;
            /** @description Entries checked up to the first broken one */
            checked: number;
            firstBrokenSeq: number | null;
            /** @description Entries committed while the verification ran and not yet linked into the chain (the next read seals them) */
            unsealed: number;
        };
        /** @description A page of AuditEntry objects, newest first. */
        AuditEntryPage: {
            data: components["schemas"]["AuditEntry"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description One period of the MRR report in one currency. */
        MrrReportRow: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description `2026-03`, `2026-Q1` or `2026` */
            period: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodStart: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodEnd: string;
            /** @description MRR on the last day before the period (minor units) */
            startingMrr: number;
            /** @description MRR on the last day of the period (minor units) */
            mrr: number;
            /** @description 12 × mrr (minor units) */
            arr: number;
            /** @description Customers with MRR > 0 in this currency the day before the period */
            startingCustomers: number;
            /** @description Customers with MRR > 0 in this currency on the last day of the period */
            customers: number;
            /** @description MRR of customers that had none before (first time) (minor units) */
            new: number;
            /** @description MRR added by existing customers (minor units) */
            expansion: number;
            /** @description MRR lost by customers that keep some (minor units) */
            contraction: number;
            /** @description MRR of customers that went to 0 (minor units) */
            churn: number;
            /** @description MRR of customers that come back after churning (minor units) */
            reactivation: number;
            /** @description mrr − startingMrr = new + expansion + reactivation − contraction − churn (minor units) */
            netChange: number;
            /** @description Customers counted in `new` */
            newCustomers: number;
            /** @description Customers counted in `reactivation` */
            reactivatedCustomers: number;
            /** @description Customers counted in `churn` */
            churnedCustomers: number;
            growthRate: string | null;
            grossChurnRate: string | null;
            netChurnRate: string | null;
            retentionRate: string | null;
        };
        /** @description MRR at each period end with the movements of the period (DOMAIN.md §8). */
        MrrReport: {
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            from: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            to: string;
            /** @enum {string} */
            interval: "month" | "quarter" | "year";
            /** @description Per currency (the organisation's first, always present) and period, in date order */
            data: components["schemas"]["MrrReportRow"][];
        };
        /** @description One change of a contract's MRR: a metric entry (DOMAIN.md §8). */
        MrrEntry: {
            /**
             * @description `mre_<YYYYMMDD>_<contract id>`: stable across rebuilds; ids sort by date
             * @example mre_20260301_ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A
             */
            id: string;
            /**
             * Format: date
             * @description The day the new MRR applies from (`YYYY-MM-DD`)
             * @example 2026-03-31
             */
            date: string;
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            contactId: string;
            contractId: string;
            /** @description The contract's MRR before (minor units) */
            previous: number;
            /** @description actual − previous (minor units) */
            change: number;
            /** @description The contract's MRR from `date` on (minor units) */
            actual: number;
            /** @description `actual` when `date` is the start of the customer's first contract, else 0 (minor units) */
            initial: number;
            /** @description `change` when positive, else 0 (minor units) */
            expansion: number;
            /** @description |change| when negative, else 0 (minor units) */
            churn: number;
            /** @description On the last entry of a burst of the customer's changes within two days (same month): their sum; 0 on the others (minor units) */
            smoothChange: number;
            movement: ("new" | "expansion" | "contraction" | "churn" | "reactivation") | null;
            /** @description The amount of `movement` (≥ 0) (minor units) */
            movementAmount: number;
            /** @description The customer's MRR in this currency after this entry (minor units) */
            customerMrr: number;
            growthRate: string | null;
            grossChurnRate: string | null;
            netChurnRate: string | null;
            retentionRate: string | null;
        };
        /** @description A page of MRR entries, oldest first. */
        MrrEntryPage: {
            data: components["schemas"]["MrrEntry"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description The rebuild job is queued; the worker runs it. */
        MrrRebuild: {
            /** @enum {string} */
            status: "queued";
        };
        /** @description Net and VAT of one currency, period, VAT category and rate. */
        VatReportRow: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description `2026-03`, `2026-Q1` or `2026` */
            period: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodStart: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodEnd: string;
            /**
             * @description VAT category (UNCL5305)
             * @enum {string}
             */
            category: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
            /**
             * @description Percent as a decimal string ('19', '7', '0')
             * @example 19
             */
            rate: string;
            /** @description Net (tax basis) of the documents in this category and rate; credit notes count negative (minor units) */
            net: number;
            /** @description VAT as issued (minor units) */
            tax: number;
            /** @description net + tax (minor units) */
            gross: number;
            /** @description Documents contributing */
            documents: number;
            elsterNetField: string | null;
            elsterTaxField: string | null;
        };
        /** @description The figures of one currency and period a VAT return is filled from. */
        VatReportTotal: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description `2026-03`, `2026-Q1` or `2026` */
            period: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodStart: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodEnd: string;
            /** @description All categories (minor units) */
            net: number;
            /** @description Output VAT owed (minor units) */
            vat: number;
            /** @description Category S (minor units) */
            taxableNet: number;
            /** @description Category Z (minor units) */
            zeroRatedNet: number;
            /** @description Category AE: the buyer owes the VAT (EC Sales List) (minor units) */
            reverseChargeNet: number;
            /** @description Category K: exempt intra-EU supplies of goods (EC Sales List) (minor units) */
            intraEuSuppliesNet: number;
            /** @description Category G (minor units) */
            exportNet: number;
            /** @description Category E (minor units) */
            exemptNet: number;
            /** @description Category O (minor units) */
            notSubjectNet: number;
        };
        /** @description VAT of the issued invoices, corrected invoices, credit notes and cancellations, per period, category and rate. */
        VatReport: {
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            from: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            to: string;
            /**
             * @description Calendar periods of the report (default month)
             * @enum {string}
             */
            interval: "month" | "quarter" | "year";
            /** @enum {string} */
            dateBasis: "issue_date" | "supply_date";
            data: components["schemas"]["VatReportRow"][];
            totals: components["schemas"]["VatReportTotal"][];
        };
        /** @description Revenue of one currency and period: invoiced (by issue date) and collected (by payment date). */
        RevenueRow: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description `2026-03`, `2026-Q1` or `2026` */
            period: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodStart: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            periodEnd: string;
            /** @description Invoiced net: invoices and corrected invoices less credit notes and cancellations (minor units) */
            net: number;
            /** @description VAT on it (minor units) */
            tax: number;
            /** @description net + tax (minor units) */
            gross: number;
            /** @description Collected: succeeded payments less refunds, by the day the money moved (`paidAt` in the organisation's time zone) (minor units) */
            collected: number;
            /** @description Money that moved onto invoices in the period less money taken off them (refunds, credit notes): the sum of `byTaxRate[].collected` (minor units) */
            collectedOnInvoices: number;
            /** @description collected − collectedOnInvoices: what went into customers' credit balances (+) or was drawn from them (−) (minor units) */
            collectedToCreditBalance: number;
            /** @description Invoiced and collected by VAT category and rate: every rate invoiced or collected in the period */
            byTaxRate: {
                /**
                 * @description VAT category (UNCL5305)
                 * @enum {string}
                 */
                category: "S" | "Z" | "E" | "AE" | "K" | "G" | "O";
                /**
                 * @description Percent as a decimal string ('19', '7', '0')
                 * @example 19
                 */
                rate: string;
                /** @description Net invoiced at this category and rate (minor units) */
                net: number;
                /** @description VAT (minor units) */
                tax: number;
                /** @description net + tax (minor units) */
                gross: number;
                /** @description Net part of `collected` (minor units) */
                collectedNet: number;
                /** @description VAT part of `collected` (minor units) */
                collectedTax: number;
                /** @description Money that moved onto invoices in the period (less off them) attributed to this rate: each invoice's money split in proportion to what it owes by rate (its VAT breakdown less its credit notes) (minor units) */
                collected: number;
            }[];
        };
        /** @description Invoiced and collected revenue by period and VAT rate. */
        RevenueReport: {
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            from: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            to: string;
            /**
             * @description Calendar periods of the report (default month)
             * @enum {string}
             */
            interval: "month" | "quarter" | "year";
            /** @description Every period per currency (the organisation's always, first) */
            data: components["schemas"]["RevenueRow"][];
        };
        /** @description What one contact still owes in one currency, by days past due. */
        AgingRow: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            contactId: string;
            /** @description The buyer's name as issued */
            contactName: string;
            /** @description Not yet due (due today or later) (minor units) */
            current: number;
            /** @description 1–30 days past due (minor units) */
            days1To30: number;
            /** @description 31–60 days past due (minor units) */
            days31To60: number;
            /** @description 61–90 days past due (minor units) */
            days61To90: number;
            /** @description More than 90 days past due (minor units) */
            over90: number;
            /** @description Sum of the buckets (minor units) */
            total: number;
            /** @description Open invoices */
            invoices: number;
            oldestDueDate: string | null;
        };
        AgingTotal: {
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description Not yet due (due today or later) (minor units) */
            current: number;
            /** @description 1–30 days past due (minor units) */
            days1To30: number;
            /** @description 31–60 days past due (minor units) */
            days31To60: number;
            /** @description 61–90 days past due (minor units) */
            days61To90: number;
            /** @description More than 90 days past due (minor units) */
            over90: number;
            /** @description Sum of the buckets (minor units) */
            total: number;
            /** @description Open invoices */
            invoices: number;
            dso: string | null;
        };
        /** @description Open amounts of the invoices issued and not cancelled by `asOf`, per contact, by days past the due date on that day, and DSO. */
        AgingReport: {
            /**
             * Format: date
             * @description The day of the aging (`asOf`, default today on the organisation's clock): the day the buckets count from (`YYYY-MM-DD`)
             * @example 2026-03-31
             */
            asOf: string;
            dsoDays: number;
            /** @description Per currency and contact, largest total first */
            data: components["schemas"]["AgingRow"][];
            /** @description Per currency (the organisation's always, first) */
            totals: components["schemas"]["AgingTotal"][];
        };
        DunningLevel: {
            /**
             * @description 1, 2, 3 … in order; level 1 is the payment reminder
             * @example 2
             */
            level: number;
            name: string | null;
            /**
             * @description Days after the due date from which an unpaid invoice reaches the level
             * @example 14
             */
            daysAfterDue: number;
            /**
             * @description Fee of one letter, minor units of the organisation's currency; no VAT (damages)
             * @example 500
             */
            fee: number;
            /** @description Letters of this level claim default interest (§ 288 BGB) */
            interest: boolean;
            /** @description What the letters are titled in each letter language */
            titles: {
                /** @example 1. Mahnung */
                de: string;
                /** @example First dunning notice */
                en: string;
            };
        };
        /** @description Your dunning levels: when an overdue invoice reaches each, its fee and whether it claims interest. */
        DunningSettings: {
            /** @description Empty: dunning is switched off */
            levels: components["schemas"]["DunningLevel"][];
            /** @description Your own Basiszinssatz entries; they take precedence over the built-in Bundesbank table */
            baseRates: {
                /**
                 * @description 1 January or 1 July, YYYY-MM-DD
                 * @example 2026-07-01
                 */
                validFrom: string;
                /**
                 * @description Basiszinssatz (§ 247 BGB), percent as a decimal string
                 * @example 1.27
                 */
                rate: string;
            }[];
            /**
             * @description The currency fees are in (the organisation’s)
             * @example EUR
             */
            currency: string;
            /** @description True until you save your own levels (the defaults are in effect) */
            isDefault: boolean;
            /** @description Send it back in `If-Match` to update without losing a change */
            version: number;
            updatedAt: string | null;
        };
        DunningSettingsUpdate: {
            levels: {
                level: number;
                name?: string | null;
                daysAfterDue: number;
                fee: number;
                interest: boolean;
            }[];
            baseRates?: {
                validFrom: string;
                rate: string;
            }[];
        };
        /** @description Finds every open invoice past its due date and issues the letters of the levels reached. */
        DunningRun: {
            /** @example drun_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            asOf: string;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed";
            /**
             * @description `schedule`: the daily run
             * @enum {string}
             */
            trigger: "api" | "schedule";
            filters: {
                contactIds: string[] | null;
            };
            /** @description Contacts with overdue invoices the run looks at */
            contactsTotal: number;
            contactsProcessed: number;
            contactsFailed: number;
            noticesCreated: number;
            /** @description Invoice × level pairs reached (one event each) */
            invoicesDunned: number;
            /** @description The first 1,000 per-contact errors */
            errors: {
                contactId: string | null;
                code: string;
                message: string;
            }[];
            failure: {
                code: string;
                message: string;
            } | null;
            startedAt: string | null;
            completedAt: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        DunningRunCreate: {
            /**
             * Format: date
             * @description Letters are dated and days counted to this day; default today
             */
            asOf?: string;
            /** @description Answer which letters would be issued; write nothing */
            dryRun?: boolean;
            contactIds?: string[];
        };
        DunningNoticeInvoice: {
            invoiceId: string;
            number: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            issueDate: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            dueDate: string;
            /** @description What was open on the letter’s date, minor units */
            openAmount: number;
            daysOverdue: number;
            /** @description Default interest to the letter’s date, rounded half-up once */
            interest: number;
            interestPeriods: {
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                from: string;
                /**
                 * Format: date
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                to: string;
                days: number;
                /** @description Basiszinssatz, percent */
                baseRate: string;
                /** @description 9 (business, § 288 (2) BGB) or 5 (consumer, § 288 (1)) */
                points: string;
                /** @description baseRate + points, percent per year */
                rate: string;
            }[];
        };
        /** @description A dunning letter: one per contact, level and currency per run. A business letter, not a tax document: its fee and interest are damages without VAT. */
        DunningNotice: {
            /** @example dun_01JD3Y8WQ4XK0R5N6S7T8V9W0A */
            id: string;
            runId: string;
            contactId: string;
            level: number;
            /** @example 1. Mahnung */
            title: string;
            /**
             * @description closed: every invoice it covers was paid or cancelled
             * @enum {string}
             */
            status: "open" | "closed";
            closedAt: string | null;
            currency: string;
            /** @enum {string} */
            language: "de" | "en";
            /**
             * @description business: a company (+ 9 points); consumer: a person (+ 5 points)
             * @enum {string}
             */
            customerType: "business" | "consumer";
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            issueDate: string;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            payBy: string;
            invoices: components["schemas"]["DunningNoticeInvoice"][];
            /** @description Minor units; no VAT */
            fee: number;
            interestTotal: number;
            openTotal: number;
            /** @description openTotal + interestTotal + fee */
            total: number;
            /** @description SHA-256 of the stored PDF letter */
            pdfSha256: string;
            email: {
                /**
                 * @description cancelled: the invoices were settled before it was mailed
                 * @enum {string}
                 */
                status: "queued" | "sending" | "sent" | "failed" | "cancelled";
                recipients: string[];
                attempts: number;
                lastErrorCode: string | null;
                lastError: string | null;
                smtpResponse: string | null;
                messageId: string | null;
                sentAt: string | null;
            };
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 instant in UTC
             */
            updatedAt: string;
        };
        /** @description The letters a run would issue now (`dryRun: true`); nothing was written. */
        DunningRunPreview: {
            /** @enum {boolean} */
            dryRun: true;
            /**
             * Format: date
             * @description Calendar date `YYYY-MM-DD`
             * @example 2026-11-27
             */
            asOf: string;
            noticeCount: number;
            notices: {
                contactId: string;
                level: number;
                title: string;
                currency: string;
                /**
                 * @description business: a company (+ 9 points); consumer: a person (+ 5 points)
                 * @enum {string}
                 */
                customerType: "business" | "consumer";
                invoices: components["schemas"]["DunningNoticeInvoice"][];
                fee: number;
                interestTotal: number;
                openTotal: number;
                total: number;
            }[];
            /** @description More letters would be issued than listed */
            truncated: boolean;
        };
        /** @description A page of DunningRun objects, newest first. */
        DunningRunPage: {
            data: components["schemas"]["DunningRun"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
        /** @description A page of DunningNotice objects, newest first. */
        DunningNoticePage: {
            data: components["schemas"]["DunningNotice"][];
            hasMore: boolean;
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        checks?: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        checks?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        checks?: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your organisation: the seller on every document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationUpdate"];
            };
        };
        responses: {
            /** @description Your organisation: the seller on every document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ApiKey objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                /** @description Words to find in names, number, e-mail, VAT id, city */
                q?: string;
                groupId?: string;
                tag?: string;
                city?: string;
                country?: string;
                email?: string;
                source?: string;
                externalId?: string;
                customerNumber?: string;
                /** @description true: only archived; false (default): only active */
                archived?: boolean;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
                /** @description RFC 3339 instant in UTC */
                updatedGte?: string;
                /** @description RFC 3339 instant in UTC */
                updatedLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Contact objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archiveContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unarchiveContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importContacts: {
        parameters: {
            query?: {
                /** @description true: one bad row rejects the whole file (422, nothing written); false: valid rows are imported */
                atomic?: boolean;
                /** @description Cell delimiter; URL-encode `;` as `%3B` */
                delimiter?: "," | ";";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description What a CSV import did, row by row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactImportReport"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportContacts: {
        parameters: {
            query?: {
                /** @description Words to find in names, number, e-mail, VAT id, city */
                q?: string;
                groupId?: string;
                tag?: string;
                city?: string;
                country?: string;
                email?: string;
                source?: string;
                externalId?: string;
                customerNumber?: string;
                /** @description true: only archived; false (default): only active */
                archived?: boolean;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
                /** @description RFC 3339 instant in UTC */
                updatedGte?: string;
                /** @description RFC 3339 instant in UTC */
                updatedLte?: string;
                /** @description Cell delimiter; URL-encode `;` as `%3B` */
                delimiter?: "," | ";";
                /** @description Start the file with a UTF-8 byte order mark: Excel reads a CSV file without one in the Windows code page and garbles umlauts (with `delimiter=%3B` for a German Excel). The import accepts files with or without it. */
                bom?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file (`text/csv; charset=utf-8`), as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContactGroups: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                /** @description Part of the name, case-insensitive */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ContactGroup objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactGroupPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContactGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactGroupCreate"];
            };
        };
        responses: {
            /** @description A named set of contacts. A contact lists its groups in `groupIds`; filter contacts with `groupId`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactGroup"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContactGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A named set of contacts. A contact lists its groups in `groupIds`; filter contacts with `groupId`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactGroup"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteContactGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateContactGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactGroupUpdate"];
            };
        };
        responses: {
            /** @description A named set of contacts. A contact lists its groups in `groupIds`; filter contacts with `groupId`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactGroup"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                /** @description Exact type or wildcard, e.g. `contact.*`; `*` is every type */
                type?: string;
                resourceId?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Event objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Something that happened, written in the same transaction as the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                enabled?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of WebhookEndpoint objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description A webhook endpoint with its signing secret, returned once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where Fakturo sends signed webhooks (Standard Webhooks), and which events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            /** @description Where Fakturo sends signed webhooks (Standard Webhooks), and which events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRotation"];
            };
        };
        responses: {
            /** @description A webhook endpoint with its signing secret, returned once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event on its way to one endpoint, with its last attempt. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "pending" | "succeeded" | "failed";
                eventId?: string;
                eventType?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of WebhookDelivery objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayWebhookEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResult"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event on its way to one endpoint, with its last attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event on its way to one endpoint, with its last attempt. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                /** @description Words in the number or name */
                q?: string;
                active?: boolean;
                currency?: string;
                source?: string;
                externalId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Article objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createArticle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticleCreate"];
            };
        };
        responses: {
            /** @description A product or service with its price. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A product or service with its price. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticleUpdate"];
            };
        };
        responses: {
            /** @description A product or service with its price. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContracts: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "active" | "paused" | "cancelled" | "ended";
                contactId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Contract objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractCreate"];
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractUpdate"];
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Day the cancellation arrived; default today
                     */
                    receivedOn?: string;
                };
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pauseContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Default today
                     */
                    startsOn?: string;
                    endsOn?: string | null;
                };
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumeContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Default today
                     */
                    resumesOn?: string;
                };
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContractPriceChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriceChangeCreate"];
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContractInstallmentPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallmentPlanCreate"];
            };
        };
        responses: {
            /** @description A service contract or subscription that billing runs turn into invoices. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBillingRuns: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "pending" | "running" | "cancelling" | "completed" | "cancelled" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of BillingRun objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRunPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BillingRunCreate"];
            };
        };
        responses: {
            /** @description What a run would bill now (`dryRun: true`); nothing was written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRunPreview"];
                };
            };
            /** @description Bills every contract period due on or before `asOf`, in batches in the worker; a period is never billed twice. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRun"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bills every contract period due on or before `asOf`, in batches in the worker; a period is never billed twice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRun"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bills every contract period due on or before `asOf`, in batches in the worker; a period is never billed twice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRun"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTestClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A sandbox organisation’s own time: the API, billing runs and the daily cron follow it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClock"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    advanceTestClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestClockAdvance"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockAdvanceResult"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mergeInvoices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceMerge"];
            };
        };
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
                contactId?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateGte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateLte?: string;
                /** @description true: drafts without a send date, which nothing would ever send */
                needsAttention?: boolean;
                /** @description Part of the document number */
                q?: string;
                type?: "invoice" | "pro_forma" | "corrected_invoice" | "cancellation";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Invoice objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicePage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceCreate"];
            };
        };
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceUpdate"];
            };
        };
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finalizeInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF (A4, PDF/A-3b) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoiceEInvoice: {
        parameters: {
            query: {
                /** @description xrechnung-cii, xrechnung-ubl (XRechnung 3.0) or zugferd (Factur-X EN 16931 PDF/A-3) */
                format: "xrechnung-cii" | "xrechnung-ubl" | "zugferd";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The XML (application/xml) or the Factur-X PDF (application/pdf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCreditNotes: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
                contactId?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateGte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateLte?: string;
                /** @description true: drafts without a send date, which nothing would ever send */
                needsAttention?: boolean;
                /** @description Part of the document number */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of CreditNote objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNotePage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditNoteCreate"];
            };
        };
        responses: {
            /** @description A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditNoteUpdate"];
            };
        };
        responses: {
            /** @description A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finalizeCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCreditNotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF (A4, PDF/A-3b) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCreditNoteEInvoice: {
        parameters: {
            query: {
                /** @description xrechnung-cii, xrechnung-ubl (XRechnung 3.0) or zugferd (Factur-X EN 16931 PDF/A-3) */
                format: "xrechnung-cii" | "xrechnung-ubl" | "zugferd";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The XML (application/xml) or the Factur-X PDF (application/pdf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuotes: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "draft" | "finalized" | "sent" | "partially_paid" | "paid" | "overdue" | "cancelled" | "accepted" | "declined" | "expired" | "converted";
                contactId?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateGte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                issueDateLte?: string;
                /** @description true: drafts without a send date, which nothing would ever send */
                needsAttention?: boolean;
                /** @description Part of the document number */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Quote objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotePage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteCreate"];
            };
        };
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteUpdate"];
            };
        };
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finalizeQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF (A4, PDF/A-3b) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["QuoteDecision"];
            };
        };
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["QuoteDecision"];
            };
        };
        responses: {
            /** @description A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuoteSignature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signature (PNG) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    convertQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upsertConnectorContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The shop system, lower case: `shopify`, `woocommerce`, `shopware` …
                 * @example shopify
                 */
                source: string;
                /**
                 * @description The id the shop gives it
                 * @example gid-7429012
                 */
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description A customer: person or company, with its bank data and SEPA mandates. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upsertConnectorArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The shop system, lower case: `shopify`, `woocommerce`, `shopware` …
                 * @example shopify
                 */
                source: string;
                /**
                 * @description The id the shop gives it
                 * @example gid-7429012
                 */
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticleUpdate"];
            };
        };
        responses: {
            /** @description A product or service with its price. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description A product or service with its price. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upsertConnectorOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The shop system, lower case: `shopify`, `woocommerce`, `shopware` …
                 * @example shopify
                 */
                source: string;
                /**
                 * @description The id the shop gives it
                 * @example gid-7429012
                 */
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectorOrder"];
            };
        };
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                contactId?: string;
                /** @description Payments and refunds that moved money on this invoice */
                invoiceId?: string;
                type?: "payment" | "refund";
                status?: "succeeded" | "failed";
                method?: "bank_transfer" | "cash" | "cheque" | "card" | "sepa_debit" | "paypal" | "stripe" | "mollie" | "other";
                /** @description RFC 3339 instant in UTC */
                paidAtGte?: string;
                /** @description RFC 3339 instant in UTC */
                paidAtLte?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Payment objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCreate"];
            };
        };
        responses: {
            /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PaymentRefundCreate"];
            };
        };
        responses: {
            /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContactCreditBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Money the contact paid beyond what its invoices asked, per currency. It pays the contact’s next invoice at its finalize, or an invoice you name (POST /invoices/{id}/apply-credit-balance), or goes back by refunding the payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditBalance"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContactCreditBalanceTransactions: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                currency?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of BalanceTransaction objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceTransactionPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyCreditBalanceToInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApplyCreditBalance"];
            };
        };
        responses: {
            /** @description An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPaymentProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connected providers (at most one of each). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentProviderList"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: "stripe" | "mollie";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An organisation’s connection to Stripe or Mollie. Keys are stored encrypted and never returned in full. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentProvider"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPaymentProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: "stripe" | "mollie";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentProviderUpdate"];
            };
        };
        responses: {
            /** @description An organisation’s connection to Stripe or Mollie. Keys are stored encrypted and never returned in full. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentProvider"];
                };
            };
            /** @description An organisation’s connection to Stripe or Mollie. Keys are stored encrypted and never returned in full. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentProvider"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvoicePaymentLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PaymentLinkCreate"];
            };
        };
        responses: {
            /** @description A checkout at Stripe or Mollie for an invoice’s open amount; paying it books a payment and the invoice turns paid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentLink"];
                };
            };
            /** @description A checkout at Stripe or Mollie for an invoice’s open amount; paying it books a payment and the invoice turns paid. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentLink"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPaymentLinks: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                invoiceId?: string;
                status?: "open" | "processing" | "paid" | "failed" | "expired" | "canceled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of PaymentLink objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentLinkPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A checkout at Stripe or Mollie for an invoice’s open amount; paying it books a payment and the invoice turns paid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentLink"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stripeWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stripe’s signature over the raw body */
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a provider callback did (the provider shows it in its delivery log). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PspWebhookResult"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mollieWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The Mollie payment id, tr_… */
                    id: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description What a provider callback did (the provider shows it in its delivery log). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PspWebhookResult"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SendDocument"];
            };
        };
        responses: {
            /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSend"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvoiceShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateShareLink"];
            };
        };
        responses: {
            /** @description A link to the customer portal page of one issued document: no API key, the token is the access. The page shows the document, its PDF and e-invoices, lets an open invoice be paid online and a quote be accepted or declined. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLink"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoiceShareLinks: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ShareLink objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoiceSends: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "queued" | "sending" | "sent" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of DocumentSend objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSendPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendCreditNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SendDocument"];
            };
        };
        responses: {
            /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSend"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCreditNoteShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateShareLink"];
            };
        };
        responses: {
            /** @description A link to the customer portal page of one issued document: no API key, the token is the access. The page shows the document, its PDF and e-invoices, lets an open invoice be paid online and a quote be accepted or declined. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLink"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCreditNoteShareLinks: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ShareLink objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCreditNoteSends: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "queued" | "sending" | "sent" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of DocumentSend objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSendPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SendQuote"];
            };
        };
        responses: {
            /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSend"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuoteShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateShareLink"];
            };
        };
        responses: {
            /** @description A link to the customer portal page of one issued document: no API key, the token is the access. The page shows the document, its PDF and e-invoices, lets an open invoice be paid online and a quote be accepted or declined. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLink"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuoteShareLinks: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ShareLink objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuoteSends: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "queued" | "sending" | "sent" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of DocumentSend objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSendPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSend"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryDocumentSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RetryDocumentSend"];
            };
        };
        responses: {
            /** @description One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSend"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSepaCollections: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "pending" | "submitted" | "cancelled";
                /** @description Collections holding this invoice; with `status=pending`: is it collection pending? */
                invoiceId?: string;
                contactId?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of SepaCollection objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SepaCollectionPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSepaCollection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SepaCollectionCreate"];
            };
        };
        responses: {
            /** @description A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SepaCollection"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSepaCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SepaCollection"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSepaCollectionXml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pain.008.001.08 XML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitSepaCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SepaCollection"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelSepaCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SepaCollection"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBankStatements: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                accountIban?: string;
                /** @description RFC 3339 instant in UTC */
                createdGte?: string;
                /** @description RFC 3339 instant in UTC */
                createdLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of BankStatement objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importBankStatement: {
        parameters: {
            query?: {
                /** @description Detected from the content when absent (camt by its namespace, MT940 by its :20:); CSV must be named */
                format?: "camt" | "mt940" | "csv";
                /** @description CSV header of the booking date (required for CSV) column */
                bookingDateColumn?: string;
                /** @description CSV header of the value date column */
                valueDateColumn?: string;
                /** @description CSV header of the amount (signed, or unsigned with creditDebitColumn) column */
                amountColumn?: string;
                /** @description CSV header of the credit amount (with debitColumn, instead of amountColumn) column */
                creditColumn?: string;
                /** @description CSV header of the debit amount column */
                debitColumn?: string;
                /** @description CSV header of the credit/debit marker (C/D, CRDT/DBIT, H/S, +/-) column */
                creditDebitColumn?: string;
                /** @description CSV header of the currency column */
                currencyColumn?: string;
                /** @description CSV header of the counterparty name column */
                counterpartyNameColumn?: string;
                /** @description CSV header of the counterparty IBAN column */
                counterpartyIbanColumn?: string;
                /** @description CSV header of the counterparty BIC column */
                counterpartyBicColumn?: string;
                /** @description CSV header of the remittance text column */
                remittanceInformationColumn?: string;
                /** @description CSV header of the structured creditor reference column */
                structuredReferenceColumn?: string;
                /** @description CSV header of the end-to-end id column */
                endToEndIdColumn?: string;
                /** @description CSV header of the mandate reference column */
                mandateReferenceColumn?: string;
                /** @description CSV header of the creditor id column */
                creditorIdColumn?: string;
                /** @description CSV header of the bank reference column */
                bankReferenceColumn?: string;
                /** @description CSV header of the customer reference column */
                customerReferenceColumn?: string;
                /** @description CSV header of the booking text column */
                bookingTextColumn?: string;
                /** @description CSV header of the return reason code column */
                returnReasonCodeColumn?: string;
                /** @description CSV header of the statement account IBAN column */
                accountIbanColumn?: string;
                /** @description CSV cell delimiter (`;` as `%3B`); detected when absent */
                delimiter?: "," | ";" | "tab";
                /** @description Default `,` when the delimiter is `;`, else `.` */
                decimalSeparator?: "," | ".";
                /** @description Default: YYYY-MM-DD, DD.MM.YYYY and DD.MM.YY are accepted */
                dateFormat?: "YYYY-MM-DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY";
                /** @description Lines above the CSV header */
                skipLines?: number;
                /** @description Currency of every CSV row without a currency column (default EUR) */
                currency?: string;
                /** @description The CSV statement account, without an account column */
                accountIban?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": string;
                "text/xml": string;
                "text/plain": string;
                "text/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description What an import stored and skipped. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementImport"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBankStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One statement of an imported bank statement file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatement"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBankTransactions: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "unmatched" | "suggested" | "matched" | "ignored";
                statementId?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                bookingDateGte?: string;
                /**
                 * @description Calendar date `YYYY-MM-DD`
                 * @example 2026-11-27
                 */
                bookingDateLte?: string;
                /** @description Signed minor units, inclusive */
                amountGte?: number;
                /** @description Signed minor units, inclusive */
                amountLte?: number;
                creditDebit?: "credit" | "debit";
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of BankTransaction objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransactionPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBankTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One booked entry of an imported statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransaction"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileBankTransactions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReconcileRequest"];
            };
        };
        responses: {
            /** @description The worker reconciles; watch `bank_transaction.*` events */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileQueued"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    matchBankTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BankTransactionMatch"];
            };
        };
        responses: {
            /** @description One booked entry of an imported statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransaction"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unmatchBankTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One booked entry of an imported statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransaction"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ignoreBankTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BankTransactionIgnore"];
            };
        };
        responses: {
            /** @description One booked entry of an imported statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransaction"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                resourceId?: string;
                /** @description invoice, credit_note, quote, contact, contract, organization */
                resourceType?: string;
                action?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of AuditEntry objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMrrReport: {
        parameters: {
            query?: {
                /**
                 * @description First day covered (its period is the first one) (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                from?: string;
                /**
                 * @description Last day covered (its period is the last one); default: today on the organisation's clock (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                to?: string;
                /** @description Calendar periods of the report (default month) */
                interval?: "month" | "quarter" | "year";
                /**
                 * @description ISO 4217
                 * @example EUR
                 */
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The MRR report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MrrReport"];
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMrrMovements: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                /**
                 * @description Entries dated on or after this day (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                from?: string;
                /**
                 * @description Entries dated on or before this day (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                to?: string;
                contactId?: string;
                contractId?: string;
                /**
                 * @description ISO 4217
                 * @example EUR
                 */
                currency?: string;
                /** @description Only entries closing a burst with this movement */
                movement?: "new" | "expansion" | "contraction" | "churn" | "reactivation";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MrrEntryPage"];
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rebuildMrr: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rebuild job is queued; the worker runs it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MrrRebuild"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRevenueReport: {
        parameters: {
            query?: {
                /**
                 * @description First day covered (its period is the first one) (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                from?: string;
                /**
                 * @description Last day covered (its period is the last one); default: today on the organisation's clock (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                to?: string;
                /** @description Calendar periods of the report (default month) */
                interval?: "month" | "quarter" | "year";
                /**
                 * @description ISO 4217
                 * @example EUR
                 */
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revenue report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueReport"];
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReceivablesAging: {
        parameters: {
            query?: {
                /**
                 * @description The day of the aging: open amounts, buckets and DSO as they stood at the end of that day (default: today on the organisation's clock) (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                asOf?: string;
                /**
                 * @description ISO 4217
                 * @example EUR
                 */
                currency?: string;
                /** @description Days of invoicing DSO compares the receivables with (default 90) */
                dsoDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The aging report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgingReport"];
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVatReport: {
        parameters: {
            query?: {
                /**
                 * @description First day covered; without from and to: the previous period before today (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                from?: string;
                /**
                 * @description Last day covered (`YYYY-MM-DD`)
                 * @example 2026-03-31
                 */
                to?: string;
                /** @description Calendar periods of the report (default month) */
                interval?: "month" | "quarter" | "year";
                /** @description Which day puts an invoice into a period: its issue date (default) or its date of supply (service date, else the end of its service period). Credit notes and cancellations always count on their issue date (UStG §17(1)). */
                dateBasis?: "issue_date" | "supply_date";
                /**
                 * @description ISO 4217
                 * @example EUR
                 */
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The VAT report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VatReport"];
                    "text/csv": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDunningLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your dunning levels: when an overdue invoice reaches each, its fee and whether it claims interest. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningSettings"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDunningLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DunningSettingsUpdate"];
            };
        };
        responses: {
            /** @description Your dunning levels: when an overdue invoice reaches each, its fee and whether it claims interest. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningSettings"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDunningRuns: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                status?: "pending" | "running" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of DunningRun objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningRunPage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startDunningRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DunningRunCreate"];
            };
        };
        responses: {
            /** @description The letters a run would issue now (`dryRun: true`); nothing was written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningRunPreview"];
                };
            };
            /** @description Finds every open invoice past its due date and issues the letters of the levels reached. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningRun"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDunningRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Finds every open invoice past its due date and issues the letters of the levels reached. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningRun"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDunningNotices: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description Cursor: the `nextCursor` of the previous page (an object id). */
                startingAfter?: string;
                contactId?: string;
                invoiceId?: string;
                level?: number;
                runId?: string;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of DunningNotice objects, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningNoticePage"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDunningNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dunning letter: one per contact, level and currency per run. A business letter, not a tax document: its fee and interest are damages without VAT. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningNotice"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDunningNoticePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF (A4, PDF/A-3b) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem (application/problem+json). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
