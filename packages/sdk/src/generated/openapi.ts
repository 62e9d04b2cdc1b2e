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
         *     the columns — any subset, in any order, case-insensitive: `kind`, `customerNumber`, `companyName`, `salutation`, `firstName`, `lastName`, `email`, `phone`, `vatId`, `taxNumber`, `buyerReference`, `language`, `currency`, `paymentTermsDays`, `preferredPaymentMethod`, `billingLine1`, `billingLine2`, `billingPostalCode`, `billingCity`, `billingRegion`, `billingCountry`, `iban`, `bic`, `accountHolder`, `mandateReference`, `mandateSignedDate`, `tags`, `groups`, `notes`, `externalId`, `source`. Empty cells mean "not given" (defaults apply:
         *     language `de`, currency `EUR`, the next customer number). `tags` and `groups` hold several values separated by `|`;
         *     `groups` names existing contact groups. One e-mail (billing), one phone, the billing address, one bank account
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
         *     any number of contacts can be exported. `delimiter=%3B` writes `;` for spreadsheet programs set to a German locale.
         *
         *     **Format.** UTF-8 (a byte order mark is tolerated), delimiter `,` or `;`, RFC 4180 quoting. The first line names
         *     the columns — any subset, in any order, case-insensitive: `kind`, `customerNumber`, `companyName`, `salutation`, `firstName`, `lastName`, `email`, `phone`, `vatId`, `taxNumber`, `buyerReference`, `language`, `currency`, `paymentTermsDays`, `preferredPaymentMethod`, `billingLine1`, `billingLine2`, `billingPostalCode`, `billingCity`, `billingRegion`, `billingCountry`, `iban`, `bic`, `accountHolder`, `mandateReference`, `mandateSignedDate`, `tags`, `groups`, `notes`, `externalId`, `source`. Empty cells mean "not given" (defaults apply:
         *     language `de`, currency `EUR`, the next customer number). `tags` and `groups` hold several values separated by `|`;
         *     `groups` names existing contact groups. One e-mail (billing), one phone, the billing address, one bank account
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
         * @description Removes the group and its memberships; the contacts stay (their `groupIds` no longer list it). Emits `contact_group.deleted`.
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
         * @description A new price for one item, or a percentage for one item or all; applies from the first period starting on or after `effectiveDate`. The announcement date is kept.
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
         * @description Checks what UStG §14(4) requires (seller address and VAT id or tax number, buyer name and address, at least one line: 422 `document_incomplete` lists every gap), decides VAT for the parties as they are now, sets the issue date (today unless set), the date of supply and the due date from the payment terms, freezes seller, buyer and branding, and takes the next number of the organisation’s range for this type — gap-free, inside the same transaction. The PDF and e-invoices are rendered by the worker and stored with their SHA-256. From now on the content is immutable.
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
            /** @description Omit to take the next number of the customer range */
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
            /** @description Omit to take the next number of the customer range */
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
            amountPaid: number;
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
            amountPaid: number;
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
            amountPaid: number;
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
            /** @description The resource before the change (null when created) */
            before: unknown;
            /** @description The resource after the change (null when deleted) */
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
        };
        /** @description A page of AuditEntry objects, newest first. */
        AuditEntryPage: {
            data: components["schemas"]["AuditEntry"][];
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
                /** @description Exact type or wildcard, e.g. `contact.*` */
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
        requestBody: {
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
        requestBody: {
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
        requestBody: {
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
        requestBody: {
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
        requestBody: {
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
        requestBody: {
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
        requestBody: {
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
}
