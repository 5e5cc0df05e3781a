// Generated from the API's OpenAPI document by `npm run console:schema` (openapi-typescript). Do not edit:
// a test fails when this file differs from what the API documents now.
export interface paths {
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events with payloads (commissioner) */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute every chain, checkpoint and signature (commissioner, admin)
         * @description Also holds decision records, detention episodes and case projections to the decision stream. Pass `head`, a checkpoint root kept elsewhere, to prove no checkpoint after it was removed.
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
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints with the public key, to keep outside this system */
        get: operations["exportAuditCheckpoints"];
        put?: never;
        /**
         * Seal a signed checkpoint now (commissioner, admin)
         * @description Seals the heads of every chain that grew since the last checkpoint, as the scheduled job does, and records the request in the audit log first so the checkpoint covers it. 201 with the new checkpoint; 200 with the latest one when nothing committed since it (409 if there is none yet).
         */
        post: operations["sealAudit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up (no dependency checked) */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Redis answer (and, in worker processes, a job completes) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/queue-dashboard/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the read-only queue dashboard (/queues) in this browser (admin)
         * @description Sets a cookie holding an opaque session id (never the access token), valid 15 minutes, HttpOnly, SameSite=Strict, Path=/queues, and Secure unless the request came over plain HTTP from loopback. The dashboard only shows queues and jobs: it cannot pause, retry, remove or add anything.
         */
        post: operations["openQueueDashboardSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange e-mail and password for an access token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the staff console: an access token in the body, a refresh token in a cookie
         * @description Same credentials, limits and answers as `POST /auth/login`, plus the refresh cookie: HttpOnly, Secure, SameSite=Strict, sent only to `/api/v1/auth`, living until the sign-in’s absolute end (SESSION_MAX_HOURS). Exchange it with `POST /auth/refresh` before SESSION_IDLE_MINUTES pass without one.
         */
        post: operations["startConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the refresh cookie for a new access token and a new cookie (staff console)
         * @description Each refresh token works once: the answer carries the sign-in’s next one. A token used before ends the whole sign-in (someone holds a copy), so refresh one request at a time. 401, and the cookie cleared, when the token is unknown, used, revoked, unused for SESSION_IDLE_MINUTES or past SESSION_MAX_HOURS, or the account was disabled, changed role or agency, or set a new password since the sign-in. CSRF: without `X-Oversight-Console: 1` the answer is 403 `console-header-required`; a request whose `Sec-Fetch-Site` is neither `same-origin` nor `none`, or whose `Origin` names a host other than the one it was sent to, is 403 `cross-site-request`. The cookie is read only after these checks.
         */
        post: operations["refreshConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of the staff console: the sign-in’s refresh tokens are revoked, the cookie cleared
         * @description Access tokens already issued live on until they expire (JWT_EXPIRES_IN_SECONDS); the console forgets its own. 204 also without a cookie or with a dead one. CSRF: without `X-Oversight-Console: 1` the answer is 403 `console-header-required`; a request whose `Sec-Fetch-Site` is neither `same-origin` nor `none`, or whose `Origin` names a host other than the one it was sent to, is 403 `cross-site-request`. The cookie is read only after these checks.
         */
        post: operations["endConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/set-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a password with the one-time token of an e-mailed link
         * @description The token comes from the link e-mailed to a new account (or after a reset), valid 72 hours and once. Access tokens the user held before stop working.
         */
        post: operations["setPasswordAuth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a set-password link by e-mail
         * @description Always 202, whether or not the address belongs to an account: a known, enabled account is mailed a one-time link (at most one a minute).
         */
        post: operations["requestResetAuth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is and what they may do */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agencies the caller may see */
        get: operations["listAgencies"];
        put?: never;
        /** Create an agency (admin) */
        post: operations["createAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agency */
        get: operations["getAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users the caller may see */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user (admin)
         * @description `password` only for admin and analyst accounts; every account that can read case personal data gets a one-time set-password link by e-mail (valid 72 hours), and its creation is e-mailed to the commissioner’s office.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin): their access tokens stop working at once */
        post: operations["disableUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled user (admin); tokens issued before the disable stay refused */
        post: operations["enableUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{agencyId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency’s API keys (without secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Issue an API key for the agency’s own system (that agency’s supervisor); the key is shown once */
        post: operations["issueApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{agencyId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin, or that agency’s supervisor) */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases the caller may read, oldest change first (no PII in lists) */
        get: operations["listCases"];
        put?: never;
        /** Open a case (frontline officers, for their own agency) */
        post: operations["openCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case, with what the caller may decide now; PII only with include=pii (and that read is audited) */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the case’s audit chain verifies, checked now (anyone who may read the case)
         * @description Re-walks the case’s chain in one snapshot: each event’s hash and link, each signed checkpoint head, and the chain’s end against the head kept on the case. Checkpoint signatures, decision records and projections are held across the whole log by `GET /audit/verify`.
         */
        get: operations["verifyCaseChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s decision records in sequence order */
        get: operations["listDecisions"];
        put?: never;
        /** Record a decision on the case version you read (409 if it moved on) */
        post: operations["recordDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decision-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decision records of every case the caller may read, newest first (no PII) */
        get: operations["searchDecisionRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decision-records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One decision record with its case’s fields (no PII) */
        get: operations["getDecisionRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue of trafficking indicators (ILO/UNODC) */
        get: operations["listIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts the caller may see, newest first */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert the caller may see (the link in its e-mail) */
        get: operations["getAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an open alert (commissioner; agency supervisors, or a competent authority's decision makers, for their agency)
         * @description The body may be empty or carry a `note`; any other field is refused (400).
         */
        post: operations["acknowledgeAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/overdue-scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the overdue scan now (every clock: detentions, reviews, visits, recommendations) and return what it raised and resolved */
        post: operations["runOverdueScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sampling-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sampling runs, newest first (commissioner’s office) */
        get: operations["listSamplingRuns"];
        put?: never;
        /** Start a sampling run over a period (commissioner); drawn by a background job */
        post: operations["createSamplingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sampling-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run with its strata (the seed for the commissioner only) */
        get: operations["getSamplingRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sampling-runs/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute a completed run’s draw from its seed over its population as at draw time, and name every record whose review differs from what the seed selects (commissioner) */
        get: operations["verifySamplingRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviews the caller may see (agencies: their own, once concluded) */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/auto-assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign pending reviews, balanced over reviewers without a conflict (commissioner) */
        post: operations["autoAssignReviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review */
        get: operations["getReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to a reviewer (commissioner); never to one with a conflict */
        post: operations["assignReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/conclude": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Conclude with a finding (commissioner, or the assigned reviewer without a conflict) */
        post: operations["concludeReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The deciding agency’s response to a concern or disagreement (its supervisor, or a decision maker of a competent authority): accept closes the review, reject leaves it disputed */
        post: operations["respondToReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a review not yet concluded (commissioner) */
        post: operations["withdrawReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a disputed review with a note of at least 20 characters (commissioner) */
        post: operations["closeReviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register: recommendations the caller may read, in id order (JSON, or the same page as CSV with Accept: text/csv and the next page’s cursor in the Next-Cursor header) */
        get: operations["listRecommendations"];
        put?: never;
        /** Issue a recommendation to a frontline agency or the competent authority (commissioner) */
        post: operations["createRecommendations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recommendation with its dated history and what the caller may do now */
        get: operations["getRecommendations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The addressed agency answers (its supervisor; a decision maker for the competent authority): accepted (targetDate), partially_accepted (targetDate, reason ≥ 20) or rejected (reason ≥ 20) */
        post: operations["respondRecommendations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The addressee reports progress: in_progress (a dated note) or implemented (note and evidence) */
        post: operations["progressRecommendations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The commissioner verifies a claimed implementation: verified, or not_verified (note ≥ 20, new targetDate) */
        post: operations["verifyRecommendations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The commissioner withdraws a recommendation not yet in a final state, with a reason */
        post: operations["withdrawRecommendations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-agency oversight figures for a period (JSON, or CSV with Accept: text/csv)
         * @description Agencies the caller may read reports for. Cases by state counts cases first encountered in the period; decisions, alerts and concluded reviews count those in the period; each median counts steps that ended in it; detention figures are as of `generatedAt`. Recommendations count those issued in the period, each in its state now (open and overdue as of `generatedAt`). Without `from` and `to` the period is the 12 months up to now (one of them alone: 12 months from or to it); `period` says which period was used and whether it was defaulted. Dates (`YYYY-MM-DD`) mean 00:00 UTC.
         */
        get: operations["getAgencyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/anonymised": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Anonymised, k-anonymous case data for research and publication (commissioner, analyst; CSV)
         * @description One row per combination of generalised quasi-identifiers (age band, sex, nationality, encounter kind, encounter year, indicator categories, final state) with the number of cases sharing it; combinations shared by fewer than EXPORT_K cases are left out and counted in X-Suppressed-Rows. `from`/`to` filter on the encounter time, read as in the agency report; without them every case is exported. Every export is written to the audit log.
         */
        get: operations["exportAnonymised"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Do agencies decide consistently? A funnel plot of one rate (JSON, or SVG with Accept: image/svg+xml)
         * @description Each compared agency with a non-zero denominator is a point (n, rate) against the pooled target, with exact binomial 95 % and 99.8 % limits (Spiegelhalter 2005), widened for over-dispersion when `overdispersion=auto` finds it. The period reads as in the agency report (default: the last 12 months). An agency caller sees its own point named and every other point without `agencyId` or `code`.
         */
        get: operations["consistencyReportConsistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/annual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The annual report: a print-ready HTML document (commissioner, reviewer, analyst)
         * @description Cases and decisions per agency, median times between decisions, detentions and overdue-detention alerts, the review sample and its findings with Wilson intervals, one funnel plot per consistency metric, and visits with their findings by severity, for one calendar year. Every figure an API route also reports comes from that route’s own computation for the same period. No script, no personal data, no free text from case records.
         */
        get: operations["annualReportAnnualReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What needs attention now, counted over what the caller may read (one round trip)
         * @description Open alerts by severity; people detained past the screening or detention limit; reviews awaiting a conclusion or the agency's response; recommendations awaiting a response or past their target date; visits due (the office only). Every count goes through the caller's own read rules, so it never counts a row the caller's lists would not show.
         */
        get: operations["showDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Places the caller may see */
        get: operations["listPlaces"];
        put?: never;
        /** Add a place of detention (the office; a supervisor for their own agency) */
        post: operations["createPlaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One place */
        get: operations["getPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a place (only the office changes active or agencyId; 409 deactivating one in use) */
        patch: operations["updatePlaces"];
        trace?: never;
    };
    "/api/v1/visit-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visit plans, newest first (the office; agencies get an empty list) */
        get: operations["listVisitPlans"];
        put?: never;
        /** Draw a plan of unannounced visits, weighted by risk (the commissioner) */
        post: operations["createVisitPlans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visit-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan: its visits and every place considered with its risk inputs */
        get: operations["getVisitPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits the caller may see (agencies: their own, once started) */
        get: operations["listVisits"];
        put?: never;
        /** Arrange an ad-hoc visit (the commissioner) */
        post: operations["createVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One visit (agencies: once started; never the team; findings once reported) */
        get: operations["getVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone detained at the place now (team and commissioner, while in progress; include=pii is audited) */
        get: operations["rollVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the team (the commissioner; reviewers without a conflict; until reported) */
        post: operations["teamVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the arrival (the commissioner or a team member); the agency sees it from now */
        post: operations["startVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a finding while in progress (cases at the place or of its agency) */
        post: operations["findingsVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the visit; its findings are frozen from now (the database refuses changes) */
        post: operations["reportVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a visit before it starts (the commissioner) */
        post: operations["cancelVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Investigations the caller may read, in id order: the office all; an agency in scope from the draft on, without what the office keeps to itself */
        get: operations["listInvestigations"];
        put?: never;
        /** Open an investigation of agencies (and places they run) the office oversees (commissioner) */
        post: operations["createInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One investigation as the caller may see it, with what the caller may do now */
        get: operations["getInvestigations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/investigators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the investigators: reviewers without a conflict with any agency in scope (open) */
        post: operations["investigatorsInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a case, decision record, review, visit or alert of an agency or place in scope (open) */
        post: operations["evidenceInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the draft report and proposed recommendations to the agencies in scope for comment on its facts (open → factual_accuracy) */
        post: operations["draftInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An agency in scope comments on the draft’s facts (its supervisor; a decision maker for the competent authority), within INVESTIGATION_COMMENT_DAYS of the draft */
        post: operations["commentInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the final report (frozen) and issue the proposed recommendations, source investigation (factual_accuracy → published) */
        post: operations["publishInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/investigations/{id}/close_without_findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an open investigation without findings, with a reason (open → closed) */
        post: operations["closeInvestigations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints, in id order, without the complainant (the office; every other caller an empty list) */
        get: operations["listComplaints"];
        put?: never;
        /** Record a complaint (commissioner, reviewer); the complainant’s name and contact are encrypted */
        post: operations["createComplaints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One complaint; with include=pii its complainant, for a reader who may read personal data (audited) */
        get: operations["getComplaints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Triage a complaint, once (commissioner): investigate (opens an investigation), refer_to_review (reviews of the named cases’ latest decisions) or no_action */
        post: operations["triageComplaints"];
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
        FieldErrorDto: {
            /** @example reason */
            field: string;
            /** @example reason must be at least 20 characters */
            message: string;
        };
        ProblemDto: {
            /**
             * @description A relative URI naming the problem, or `about:blank`
             * @example /problems/validation-failed
             */
            type: string;
            /** @example Bad Request */
            title: string;
            /** @example 400 */
            status: number;
            detail?: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @description Echoes the X-Request-Id response header. */
            requestId?: string;
            /** @description `version-conflict` on a case: the version to send as `expectedVersion` after reloading. */
            currentVersion?: number;
            /**
             * @description `version-conflict` and `decision-not-allowed`: the case’s state now.
             * @example screening
             */
            state?: string;
            /**
             * @description `version-conflict` and `decision-not-allowed`: the decisions the caller may record now.
             * @example [
             *       "refer",
             *       "decline_referral"
             *     ]
             */
            allowedDecisions?: string[];
            /**
             * @description `review-command-not-allowed`: the review’s status now.
             * @example open
             */
            reviewStatus?: string;
            /**
             * @description `review-command-not-allowed`: the commands the review accepts now.
             * @example [
             *       "assign",
             *       "withdraw"
             *     ]
             */
            allowedCommands?: string[];
            /**
             * @description `recommendation-action-not-allowed`, `investigation-action-not-allowed` and a recommendation’s or investigation’s `version-conflict`: what the caller may do now.
             * @example [
             *       "respond"
             *     ]
             */
            allowedActions?: string[];
            /**
             * @description `alert-not-open`: the alert’s status now.
             * @example acknowledged
             */
            alertStatus?: string;
            /**
             * @description A sampling run that is not drawn yet (verification): the run’s status now.
             * @example queued
             */
            runStatus?: string;
            /** @description `place-in-use`: how many people are detained at the place now. */
            detained?: number;
            /**
             * Format: date-time
             * @description `comment-period-closed`: when the factual-accuracy period of the investigation ended.
             */
            commentsCloseAt?: string;
            /**
             * @description `guard-failed`: the rule that refused the request (stable, for programs).
             * @example occurred_in_future
             */
            guard?: string;
        };
        AuditActorResponse: {
            /** @enum {string} */
            type: "user" | "api_key" | "system";
            id: string | null;
            role: string | null;
            agencyId: string | null;
        };
        AuditEventResponse: {
            /** Format: uuid */
            id: string;
            chainId: string;
            seq: number;
            /** Format: date-time */
            recordedAt: string;
            actor: components["schemas"]["AuditActorResponse"];
            action: string;
            subject: {
                type?: string;
                id?: string | null;
            };
            requestId: string | null;
            payload: {
                [key: string]: unknown;
            };
            /** @description hex */
            prevHash: string;
            /** @description hex: SHA-256(prevHash ‖ JCS(event)) */
            hash: string;
        };
        VerifyResponse: {
            ok: boolean;
            /** @description Events whose hashes were recomputed. */
            checked: number;
            /** @description Signed checkpoints verified. */
            checkpoints: number;
            /** Format: uuid */
            firstInvalidEventId: string | null;
            chainId?: string;
            /** @enum {string} */
            reason?: "sequence_gap" | "broken_link" | "hash_mismatch" | "checkpoint_mismatch" | "chain_truncated" | "decision_record_altered" | "detention_episode_altered" | "case_projection_altered" | "checkpoint_missing" | "checkpoint_altered" | "checkpoint_signature_invalid" | "checkpoint_key_unknown" | "checkpoint_head_missing";
            /** @description The checkpoint at fault; for checkpoint_head_missing the last checkpoint the log still holds (0: none). */
            checkpointSeq?: number;
            /** @description Cases whose projection or detention episodes differ from their decision records (first 100). */
            caseIds?: string[];
            durationMs: number;
        };
        VerifyKeyResponse: {
            keyId: string;
            /** @description Ed25519 public key, PEM */
            publicKeyPem: string;
            /** @description the raw 32-byte public key, base64 (as AUDIT_VERIFY_KEYS takes it) */
            publicKey: string;
        };
        CheckpointResponse: {
            seq: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Transaction-id watermark: the checkpoint covers events of transactions below it. */
            watermark: string;
            /** @description hex */
            prevRoot: string;
            /** @description hex: SHA-256 over JCS({createdAt, heads, prevRoot, seq, watermark}) */
            root: string;
            /** @description base64 Ed25519 signature of the root */
            signature: string;
            keyId: string;
            chainCount: number;
        };
        CheckpointExportResponse: {
            /** @description Ed25519 public key (PEM) of the current signing key. */
            publicKeyPem: string;
            /** @description Id of the current signing key. */
            keyId: string;
            /** @description Every key checkpoints are verified with (current and retired); each checkpoint names its keyId. */
            verifyKeys: components["schemas"]["VerifyKeyResponse"][];
            items: components["schemas"]["CheckpointResponse"][];
            nextCursor: string | null;
        };
        DashboardSessionResponse: {
            /** @example /queues */
            url: string;
            /**
             * @description Seconds the dashboard cookie lives.
             * @example 900
             */
            expiresIn: number;
        };
        LoginDto: {
            /**
             * Format: email
             * @example commissioner@oversight.example
             */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        TokenResponse: {
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /**
             * @description Seconds until the token expires.
             * @example 900
             */
            expiresIn: number;
        };
        SetPasswordDto: {
            /**
             * @description The token from the set-password link (after `#token=`).
             * @example nV3k1h6Zb8q0cYk3l2m9A5x7Rt4Ew1Qo6Pz8Ys2Dd0U
             */
            token: string;
            /** @description The new password, at least 12 characters. */
            password: string;
        };
        PasswordResetDto: {
            /**
             * Format: email
             * @example a.officer@bp-north.example
             */
            email: string;
        };
        MeAgency: {
            /** Format: uuid */
            id: string;
            name: string;
            code: string;
            /** @enum {string} */
            kind: "frontline" | "competent_authority" | "commissioner_office";
        };
        MeResponse: {
            /**
             * Format: uuid
             * @description User id, or API key id.
             */
            id: string;
            /** @enum {string} */
            kind: "user" | "api_key";
            email?: string | null;
            /** @enum {string} */
            role: "admin" | "commissioner" | "reviewer" | "analyst" | "agency_officer" | "agency_supervisor" | "decision_maker";
            agency?: components["schemas"]["MeAgency"] | (never | null);
            conflictAgencyIds: string[];
            /** @description The caller’s permission rules (CASL raw rules), for clients that adapt their UI. */
            rules: {
                [key: string]: unknown;
            }[];
        };
        CreateAgencyDto: {
            /** @example Border Police, Northern District */
            name: string;
            /**
             * @description Short unique code (letters, digits, - and _), case-insensitive.
             * @example BP-N
             */
            code: string;
            /** @enum {string} */
            kind: "frontline" | "competent_authority" | "commissioner_office";
            /**
             * Format: email
             * @description Where overdue-detention alerts go.
             * @example duty-desk@bp-north.example
             */
            alertEmail?: string;
        };
        AgencyResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            code: string;
            /** @enum {string} */
            kind: "frontline" | "competent_authority" | "commissioner_office";
            alertEmail: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreateUserDto: {
            /**
             * Format: email
             * @example a.officer@bp-north.example
             */
            email: string;
            /** @description The name decision records credit this user under (default: the e-mail’s local part). */
            displayName?: string;
            /** @description Only for roles that cannot read case personal data (admin, analyst), at least 12 characters. Every other account, and these when it is left out, is e-mailed a one-time link (valid 72 hours) to set its own. */
            password?: string;
            /** @enum {string} */
            role: "admin" | "commissioner" | "reviewer" | "analyst" | "agency_officer" | "agency_supervisor" | "decision_maker";
            /**
             * Format: uuid
             * @description Required for every role but admin.
             */
            agencyId?: string;
            /** @description Agencies this user must not review. */
            conflictAgencyIds?: string[];
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "commissioner" | "reviewer" | "analyst" | "agency_officer" | "agency_supervisor" | "decision_maker";
            /** Format: uuid */
            agencyId: string | null;
            conflictAgencyIds: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while the user is disabled.
             */
            disabledAt: string | null;
        };
        CreateApiKeyDto: {
            /**
             * @description What the key is for.
             * @example case-management system
             */
            name: string;
        };
        IssuedApiKeyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description The key. Shown this once; only its hash is kept. */
            key: string;
        };
        ApiKeyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        SubjectDto: {
            /**
             * @description The agency’s pseudonym for the person; not personal data.
             * @example KH-F-1998-017
             */
            pseudonym: string;
            /** @enum {string} */
            sex: "female" | "male" | "other" | "unknown";
            /**
             * @description With `dateOfBirth`, the year of that date (else 400 naming `subject.birthYear`).
             * @example 1998
             */
            birthYear?: number;
            /**
             * @description ISO 3166-1 alpha-3
             * @example KHM
             */
            nationality?: string;
            /**
             * @description ISO 639 language codes
             * @example [
             *       "km"
             *     ]
             */
            languages: string[];
            isChild: boolean;
            /** @description Personal data: encrypted at rest, shown only to roles with PII access. */
            name?: string;
            /**
             * Format: date
             * @description Personal data: a real calendar date (YYYY-MM-DD), from 1900-01-01 and not after today (UTC).
             * @example 1998-04-02
             */
            dateOfBirth?: string;
            /** @description Personal data. */
            documentNumber?: string;
            /** @description Personal data (phone, address, …). */
            contact?: string;
        };
        EncounterDto: {
            /**
             * Format: date-time
             * @example 2026-11-20T10:00:00Z
             */
            at: string;
            /** @example Northern border crossing, lane 3 */
            location: string;
            /** @enum {string} */
            kind: "border_entry" | "border_exit" | "inland" | "workplace_inspection" | "other";
        };
        InitialDetentionDto: {
            /**
             * Format: date-time
             * @example 2026-11-20T12:00:00Z
             */
            at: string;
            /**
             * @description Required unless placeId is given (then the place’s name is taken).
             * @example Northern District holding facility
             */
            facility?: string;
            /**
             * Format: uuid
             * @description An active place of the case’s agency (else 422).
             */
            placeId?: string;
            /** @example Aliens Act s. 62 (pending identity check) */
            legalBasis: string;
        };
        CreateCaseDto: {
            /**
             * @description The agency’s own reference; unique per agency.
             * @example BP-2026-000123
             */
            externalRef: string;
            subject: components["schemas"]["SubjectDto"];
            encounter: components["schemas"]["EncounterDto"];
            /**
             * @example [
             *       "deception",
             *       "debt_bondage"
             *     ]
             */
            indicators: ("deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills")[];
            /** @description Records a detain decision in the same transaction. */
            detention?: components["schemas"]["InitialDetentionDto"];
        };
        SubjectResponse: {
            pseudonym: string;
            /** @enum {string} */
            sex: "female" | "male" | "other" | "unknown";
            birthYear: number | null;
            nationality: string | null;
            languages: string[];
            isChild: boolean;
            /** @description PII: only in GET /cases/{id}?include=pii, for roles with PII access (every such read is audited). */
            name?: string;
            /** @description PII */
            dateOfBirth?: string;
            /** @description PII */
            documentNumber?: string;
            /** @description PII */
            contact?: string;
        };
        EncounterResponse: {
            /** Format: date-time */
            at: string;
            location: string;
            /** @enum {string} */
            kind: "border_entry" | "border_exit" | "inland" | "workplace_inspection" | "other";
        };
        DetentionEpisodeResponse: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            detainedAt: string;
            facility: string;
            /**
             * Format: uuid
             * @description The place (SPEC §11), when one was named.
             */
            placeId: string | null;
            legalBasis: string;
            /** Format: date-time */
            releasedAt: string | null;
            releaseReason: string | null;
        };
        CaseResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            externalRef: string;
            /** @enum {string} */
            state: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** @description Increases by one per decision record; send it back as expectedVersion. */
            version: number;
            /** @description Lists never include PII fields. */
            subject: components["schemas"]["SubjectResponse"];
            encounter: components["schemas"]["EncounterResponse"];
            indicators: ("deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills")[];
            detained: boolean;
            /** Format: date-time */
            detainedSince: string | null;
            everReferred: boolean;
            /** Format: date-time */
            referredAt: string | null;
            /** @enum {string|null} */
            closedOutcome: "support_provided" | "assisted_return" | "removed" | "released" | "lost_contact" | "transferred" | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description What the caller may decide now. */
            allowedDecisions: ("refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release")[];
            detentionEpisodes: components["schemas"]["DetentionEpisodeResponse"][];
        };
        CaseSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            externalRef: string;
            /** @enum {string} */
            state: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** @description Increases by one per decision record; send it back as expectedVersion. */
            version: number;
            /** @description Lists never include PII fields. */
            subject: components["schemas"]["SubjectResponse"];
            encounter: components["schemas"]["EncounterResponse"];
            indicators: ("deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills")[];
            detained: boolean;
            /** Format: date-time */
            detainedSince: string | null;
            everReferred: boolean;
            /** Format: date-time */
            referredAt: string | null;
            /** @enum {string|null} */
            closedOutcome: "support_provided" | "assisted_return" | "removed" | "released" | "lost_contact" | "transferred" | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CaseVerificationResponse: {
            /** Format: uuid */
            caseId: string;
            /** @description The case’s audit chain is intact: every event, link and signed head holds. */
            ok: boolean;
            /** @description Events of the chain whose hashes were recomputed (up to the first that cannot be trusted). */
            checked: number;
            /**
             * Format: uuid
             * @description The first event that cannot be trusted (for chain_truncated, the chain’s last one, if any).
             */
            firstInvalidEventId: string | null;
            /**
             * @description Only when `ok` is false: an event missing (sequence_gap), moved or inserted (broken_link), changed (hash_mismatch), a stretch re-hashed after a signed checkpoint (checkpoint_mismatch), or events cut off the end (chain_truncated).
             * @enum {string}
             */
            reason?: "sequence_gap" | "broken_link" | "hash_mismatch" | "checkpoint_mismatch" | "chain_truncated";
            /**
             * Format: date-time
             * @description When the chain was checked (it is checked on every request).
             */
            verifiedAt: string;
        };
        RecordDecisionDto: {
            /** @enum {string} */
            type: "refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release";
            /** @description The case version this decision was taken on; 409 if the case moved on. */
            expectedVersion: number;
            /**
             * Format: date-time
             * @description When it happened; not in the future. Defaults to now.
             */
            occurredAt?: string;
            reason?: string;
            /** @description reasonable_grounds / conclusive_grounds: positive | negative; reconsider: upheld | overturned; close: support_provided | assisted_return | removed | released | lost_contact | transferred */
            outcome?: string;
            /**
             * Format: date-time
             * @description detain / release: when it began or ended.
             */
            at?: string;
            /** @description detain; may be left out with a placeId (the place’s name is taken) */
            facility?: string;
            /**
             * Format: uuid
             * @description detain: an active place of the case’s agency (else 422)
             */
            placeId?: string;
            /** @description detain */
            legalBasis?: string;
            /** @description close with removed / assisted_return: the non-refoulement risk assessment */
            riskAssessmentRef?: string;
            /** @description decline_referral */
            indicatorsConsidered?: ("deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills")[];
            /**
             * Format: uuid
             * @description request_reconsideration: the review that prompted it
             */
            reviewId?: string;
        };
        DecisionActorResponse: {
            /** @enum {string} */
            type: "user" | "api_key";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "admin" | "commissioner" | "reviewer" | "analyst" | "agency_officer" | "agency_supervisor" | "decision_maker";
            /** Format: uuid */
            agencyId: string | null;
            /** @description The code of the actor’s agency. */
            agencyCode: string | null;
            /** @description The user’s display name, or the API key’s name. */
            displayName: string;
        };
        DecisionRecordResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description The case version after this record. */
            sequence: number;
            /** @enum {string} */
            type: "refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release";
            outcome: string | null;
            reason: string | null;
            /** @description Type-specific fields (at, facility, …). */
            payload: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            reviewId: string | null;
            actor: components["schemas"]["DecisionActorResponse"];
            /**
             * @description The case’s state before this record.
             * @enum {string}
             */
            stateBefore: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /**
             * @description The case’s state after it (detain/release leave it).
             * @enum {string}
             */
            stateAfter: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** Format: date-time */
            occurredAt: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description SHA-256 (hex) of this record’s event in the case’s audit chain. */
            auditHash: string;
        };
        RecordDecisionResponse: {
            decision: components["schemas"]["DecisionRecordResponse"];
            case: components["schemas"]["CaseSummaryResponse"];
            allowedDecisions: ("refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release")[];
        };
        DecisionRecordSearchItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description The case version after this record. */
            sequence: number;
            /** @enum {string} */
            type: "refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release";
            outcome: string | null;
            reason: string | null;
            /** @description Type-specific fields (at, facility, …). */
            payload: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            reviewId: string | null;
            actor: components["schemas"]["DecisionActorResponse"];
            /**
             * @description The case’s state before this record.
             * @enum {string}
             */
            stateBefore: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /**
             * @description The case’s state after it (detain/release leave it).
             * @enum {string}
             */
            stateAfter: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** Format: date-time */
            occurredAt: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description SHA-256 (hex) of this record’s event in the case’s audit chain. */
            auditHash: string;
            /**
             * Format: uuid
             * @description The agency that owns the case.
             */
            caseAgencyId: string;
            /** @description A review of this record exists that the caller may read. */
            sampled: boolean;
        };
        CaseContextResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            externalRef: string;
            /** @enum {string} */
            state: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** @description Increases by one per decision record; send it back as expectedVersion. */
            version: number;
            /** @description Lists never include PII fields. */
            subject: components["schemas"]["SubjectResponse"];
            encounter: components["schemas"]["EncounterResponse"];
            indicators: ("deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills")[];
            detained: boolean;
            /** Format: date-time */
            detainedSince: string | null;
            everReferred: boolean;
            /** Format: date-time */
            referredAt: string | null;
            /** @enum {string|null} */
            closedOutcome: "support_provided" | "assisted_return" | "removed" | "released" | "lost_contact" | "transferred" | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            detentionEpisodes: components["schemas"]["DetentionEpisodeResponse"][];
        };
        DecisionRecordDetailResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description The case version after this record. */
            sequence: number;
            /** @enum {string} */
            type: "refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release";
            outcome: string | null;
            reason: string | null;
            /** @description Type-specific fields (at, facility, …). */
            payload: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            reviewId: string | null;
            actor: components["schemas"]["DecisionActorResponse"];
            /**
             * @description The case’s state before this record.
             * @enum {string}
             */
            stateBefore: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /**
             * @description The case’s state after it (detain/release leave it).
             * @enum {string}
             */
            stateAfter: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
            /** Format: date-time */
            occurredAt: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description SHA-256 (hex) of this record’s event in the case’s audit chain. */
            auditHash: string;
            /**
             * Format: uuid
             * @description The agency that owns the case.
             */
            caseAgencyId: string;
            /** @description A review of this record exists that the caller may read. */
            sampled: boolean;
            /** @description The case, without PII. */
            case: components["schemas"]["CaseContextResponse"];
        };
        IndicatorResponse: {
            /** @enum {string} */
            code: "deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills";
            /** @enum {string} */
            category: "deception" | "coercion" | "exploitation" | "vulnerability" | "control";
            label: string;
        };
        NotificationResponse: {
            /** @enum {string} */
            kind: "raised" | "escalation";
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed";
            attempts: number;
            /** @description The last delivery error; commissioner staff only. */
            lastError?: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @description Commissioner staff only. */
            recipients?: string[];
        };
        AlertResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            rule: "screening_overdue" | "rg_decision_overdue" | "victim_detained" | "detention_limit_exceeded" | "review_response_overdue" | "removal_during_review" | "visit_overdue" | "visit_report_overdue" | "recommendation_response_overdue" | "recommendation_target_missed" | "complaint_triage_overdue";
            /** @enum {string} */
            severity: "high" | "critical";
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved";
            title: string;
            /** @description The rule’s basis in plain words, with the thresholds it was raised under. */
            basis: string;
            thresholds: {
                [key: string]: number;
            };
            /**
             * Format: date-time
             * @description When the condition began to hold.
             */
            since: string;
            /** @enum {string} */
            subjectType: "detention_episode" | "review" | "visit" | "recommendation" | "complaint";
            /** Format: uuid */
            subjectId: string;
            /**
             * Format: uuid
             * @description Null for an alert about a visit, a recommendation or a complaint.
             */
            caseId: string | null;
            /** Format: uuid */
            agencyId: string;
            /** Format: date-time */
            raisedAt: string;
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            acknowledgedBy: string | null;
            /** @description The `note` given when the alert was acknowledged. */
            note: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            resolvedReason: string | null;
            /** @description E-mail delivery status. */
            notifications: components["schemas"]["NotificationResponse"][];
        };
        AcknowledgeAlertDto: {
            /**
             * @description What was done or decided; stored with the alert and in the audit log. Trimmed.
             * @example Called the facility; screening interview booked for 14:00.
             */
            note?: string;
        };
        ScanResponse: {
            scannedDetentions: number;
            raisedCount: number;
            resolvedCount: number;
            raised: {
                id?: string;
                rule?: string;
                caseId?: string | null;
                agencyId?: string;
            }[];
            resolved: {
                id?: string;
                rule?: string;
                reason?: string;
            }[];
            escalated: number;
            durationMs: number;
        };
        CreateSamplingRunDto: {
            /**
             * Format: date-time
             * @description Start of the period (inclusive), by decision occurredAt.
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             */
            to: string;
            /** @description Rate for other decisions (default SAMPLING_RATE). */
            rate?: number;
            /** @description Rate for negative decisions (default SAMPLING_NEGATIVE_RATE). */
            negativeRate?: number;
            minPerStratum?: number;
            /** @description Hex seed of 16–64 bytes; a random 256-bit seed otherwise. Keep it secret. */
            seed?: string;
        };
        StratumResponse: {
            /**
             * Format: uuid
             * @description The stratum’s agency: the deciding agency (see the run’s strataAgency).
             */
            agencyId: string;
            decisionType: string;
            outcome: string | null;
            negative: boolean;
            rate: number;
            population: number;
            sampled: number;
        };
        SamplingRunResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @enum {string} */
            trigger: "manual" | "schedule";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            rate: number;
            negativeRate: number;
            minPerStratum: number;
            /** @description Hex; the commissioner only. */
            seed?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            failure: string | null;
            populationCount: number | null;
            sampleCount: number | null;
            /** @description Σ SHA-256(id) mod 2^256 over the population (hex). */
            populationDigest: string | null;
            /** @description The same over the sample. */
            sampleDigest: string | null;
            /**
             * @description Whose agency keys the strata: `deciding` (the agency that made the decision); `case` for runs drawn before decisions were credited to their maker; null until drawn.
             * @enum {string|null}
             */
            strataAgency: "deciding" | "case" | null;
            strata?: components["schemas"]["StratumResponse"][];
        };
        StoredAndRecomputedDto: {
            stored: number | null;
            recomputed: number;
        };
        StratumCountsDto: {
            population: number;
            sampled: number;
        };
        StratumDifferenceDto: {
            /**
             * Format: uuid
             * @description The stratum’s agency (see the run’s strata).
             */
            agencyId: string;
            decisionType: string;
            outcome: string | null;
            /** @description As the run stored it; null if it did not. */
            stored: components["schemas"]["StratumCountsDto"] | (never | null);
            /** @description As recomputed; null if not in the population. */
            recomputed: components["schemas"]["StratumCountsDto"] | (never | null);
        };
        SampleDifferenceDto: {
            /** Format: uuid */
            decisionRecordId: string;
            /**
             * Format: uuid
             * @description The run’s review of it, if any.
             */
            reviewId: string | null;
            /**
             * @description `missing`: selected by the seed, no review of the run; `unexpected`: reviewed by the run, not selected; `altered`: selected and reviewed, but the review’s case, agencies, type, outcome or score differ.
             * @enum {string}
             */
            kind: "missing" | "unexpected" | "altered";
        };
        DrawVerificationResponse: {
            /** Format: uuid */
            runId: string;
            /** @description True only when both digests, every stratum and every review agree. */
            verified: boolean;
            /** @description The recomputed population digests to what the run stored. */
            populationDigestMatches: boolean;
            /** @description The recomputed sample digests to what the run stored. */
            sampleDigestMatches: boolean;
            strataMatch: boolean;
            population: components["schemas"]["StoredAndRecomputedDto"];
            sample: components["schemas"]["StoredAndRecomputedDto"];
            strataDifferences: components["schemas"]["StratumDifferenceDto"][];
            /** @description The first 1,000 differing records, by record id. */
            differences: components["schemas"]["SampleDifferenceDto"][];
            /** @description How many records differ in all. */
            differenceCount: number;
        };
        ReviewResponseDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Commissioner staff only: the run that drew it, or null for a review made outside any run (a complaint referred to review, §13). Agencies are not told how a review came about.
             */
            runId?: string | null;
            /** Format: uuid */
            decisionRecordId: string;
            /** Format: uuid */
            caseId: string;
            /**
             * Format: uuid
             * @description The deciding agency (whose decision is reviewed): it responds, and sees the review once concluded.
             */
            agencyId: string;
            /**
             * Format: uuid
             * @description The agency that owns the case.
             */
            caseAgencyId: string;
            decisionType: string;
            decisionOutcome: string | null;
            /** @enum {string} */
            status: "pending" | "assigned" | "awaiting_response" | "disputed" | "closed" | "withdrawn";
            version: number;
            /**
             * Format: uuid
             * @description Commissioner staff only.
             */
            assignedReviewerId?: string | null;
            /** Format: date-time */
            assignedAt: string | null;
            /** @enum {string|null} */
            finding: "concur" | "concern" | "disagree" | null;
            rationale: string | null;
            /** Format: date-time */
            concludedAt: string | null;
            /** Format: date-time */
            responseDueAt: string | null;
            /** @enum {string|null} */
            response: "accept" | "reject" | null;
            responseText: string | null;
            /** Format: date-time */
            respondedAt: string | null;
            /** Format: date-time */
            withdrawnAt: string | null;
            /** @description The commissioner’s note closing a dispute. */
            disputeNote: string | null;
            /** Format: date-time */
            disputeClosedAt: string | null;
            allowedCommands: ("assign" | "conclude" | "respond" | "withdraw" | "close")[];
            /** @description The record reviewed: who decided what, and why. */
            decisionRecord: components["schemas"]["DecisionRecordResponse"];
            /** @description The case without PII (state, indicators, encounter, detention episodes): enough to conclude. */
            case: components["schemas"]["CaseContextResponse"];
        };
        AutoAssignDto: {
            /**
             * Format: uuid
             * @description Only this run’s pending reviews (all pending otherwise).
             */
            runId?: string;
        };
        AutoAssignResponse: {
            assigned: number;
            /** @description Reviews no reviewer without a conflict could take. */
            unassignable: string[];
        };
        AssignReviewDto: {
            /** Format: uuid */
            reviewerId: string;
        };
        ConcludeReviewDto: {
            /** @enum {string} */
            finding: "concur" | "concern" | "disagree";
            rationale: string;
        };
        RespondReviewDto: {
            /** @enum {string} */
            response: "accept" | "reject";
            /** @description The agency’s answer, as the review shows it. Required (unless the deprecated `text` is sent). */
            responseText?: string;
            /**
             * @deprecated
             * @description Deprecated alias of `responseText`, accepted for one release. Send one of the two, not both.
             */
            text?: string;
        };
        WithdrawReviewDto: {
            reason: string;
        };
        CloseReviewDto: {
            /** @description Why the dispute is closed; on record for the agency. */
            note: string;
        };
        RecommendationSourceDto: {
            /**
             * @description `review`: a concluded review with finding concern or disagree of a decision the agency made; `visit`: a reported visit of one of the agency’s places; `own_initiative`: no id. `investigation` is set by publishing one only.
             * @enum {string}
             */
            kind: "review" | "visit" | "investigation" | "own_initiative";
            /**
             * Format: uuid
             * @description The review (visit, investigation); none for own_initiative.
             */
            id?: string;
        };
        CreateRecommendationDto: {
            /**
             * Format: uuid
             * @description The addressed agency: frontline or competent authority.
             */
            agencyId: string;
            source: components["schemas"]["RecommendationSourceDto"];
            /** @enum {string} */
            theme: "identification" | "referral" | "detention" | "removal" | "training" | "data" | "other";
            /**
             * @description Response due in 28 days, urgent in 7 (configurable).
             * @enum {string}
             */
            priority: "normal" | "urgent";
            /** @description What the office asks the agency to change. */
            text: string;
            /**
             * Format: uuid
             * @description An earlier recommendation to the same agency it repeats.
             */
            repeatOf?: string;
        };
        RecommendationSourceResponse: {
            /** @enum {string} */
            kind: "review" | "visit" | "investigation" | "own_initiative";
            /** Format: uuid */
            id: string | null;
        };
        RecommendationActorDto: {
            /**
             * Format: uuid
             * @description Who acted; null for the office’s staff when an agency reads (it sees the role only).
             */
            id: string | null;
            role: string;
        };
        RecommendationHistoryDto: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            action: "issue" | "respond" | "progress" | "verify" | "withdraw";
            by: components["schemas"]["RecommendationActorDto"];
            /** @description The version this line made. */
            version: number;
            /** @enum {string|null} */
            fromState: "issued" | "accepted" | "partially_accepted" | "rejected" | "implementation_claimed" | "implemented" | "withdrawn" | null;
            /** @enum {string} */
            toState: "issued" | "accepted" | "partially_accepted" | "rejected" | "implementation_claimed" | "implemented" | "withdrawn";
            /** @enum {string} */
            priority?: "normal" | "urgent";
            /** @enum {string} */
            response?: "accepted" | "partially_accepted" | "rejected";
            /** @enum {string} */
            status?: "in_progress" | "implemented";
            /** @enum {string} */
            outcome?: "verified" | "not_verified";
            /** Format: date */
            targetDate?: string;
            reason?: string;
            note?: string;
            evidence?: string;
        };
        RecommendationResponseDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            source: components["schemas"]["RecommendationSourceResponse"];
            /** @enum {string} */
            theme: "identification" | "referral" | "detention" | "removal" | "training" | "data" | "other";
            /** @enum {string} */
            priority: "normal" | "urgent";
            text: string;
            /** Format: uuid */
            repeatOf: string | null;
            /** @enum {string} */
            state: "issued" | "accepted" | "partially_accepted" | "rejected" | "implementation_claimed" | "implemented" | "withdrawn";
            version: number;
            /** Format: date-time */
            issuedAt: string;
            /** Format: date-time */
            responseDueAt: string;
            /** Format: date */
            targetDate: string | null;
            /** @description Oldest first. In `GET /recommendations/{id}` and after an action; not in lists. */
            history?: components["schemas"]["RecommendationHistoryDto"][];
            /** @description What the caller may do now. */
            allowedActions: ("respond" | "progress" | "verify" | "withdraw")[];
        };
        RespondRecommendationDto: {
            /** @description The recommendation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @enum {string} */
            response: "accepted" | "partially_accepted" | "rejected";
            /**
             * Format: date
             * @description Required when accepted in whole or part. A UTC calendar date, YYYY-MM-DD, today or later.
             */
            targetDate?: string;
            /** @description Required when partially accepted or rejected. */
            reason?: string;
        };
        ProgressRecommendationDto: {
            /** @description The recommendation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /**
             * @description `implemented` claims implementation (the office verifies).
             * @enum {string}
             */
            status: "in_progress" | "implemented";
            note: string;
            /** @description Required with `implemented`: what shows it was done. */
            evidence?: string;
        };
        VerifyRecommendationDto: {
            /** @description The recommendation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /**
             * @description `not_verified` returns it to the state it was claimed from.
             * @enum {string}
             */
            outcome: "verified" | "not_verified";
            /** @description At least 20 characters when not verified. */
            note: string;
            /**
             * Format: date
             * @description The new target; required when not verified. A UTC calendar date, YYYY-MM-DD, today or later.
             */
            targetDate?: string;
        };
        WithdrawRecommendationDto: {
            /** @description The recommendation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            reason: string;
        };
        ReportPeriodDto: {
            /**
             * Format: date-time
             * @description Start of the period used (inclusive).
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the period used (exclusive).
             */
            to: string;
            /** @description True when `from`, `to` or both were not given and were derived (12 months apart). */
            defaulted: boolean;
        };
        ReportAgencyDto: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "frontline" | "competent_authority" | "commissioner_office";
        };
        IntervalDto: {
            /** @description Median in days, two decimals; null when n is 0. */
            medianDays: number | null;
            /** @description Cases that completed this step in the period. */
            n: number;
        };
        DurationsDto: {
            /** @description Encounter → first `refer`, for referrals in the period. */
            screeningToReferral: components["schemas"]["IntervalDto"];
            /** @description First `refer` → first reasonable-grounds decision in the period. */
            referralToReasonableGrounds: components["schemas"]["IntervalDto"];
            /** @description First positive RG → first conclusive-grounds decision in the period. */
            reasonableGroundsToConclusiveGrounds: components["schemas"]["IntervalDto"];
        };
        DetentionDto: {
            /** @description People in an open detention episode when the report was made. */
            detainedNow: number;
            /** @description Days, two decimals; null when no one is detained. */
            longestCurrentDays: number | null;
        };
        ProportionDto: {
            /** @description Three decimals. */
            share: number;
            /** @description Lower bound of the 95% Wilson score interval, three decimals. */
            lower: number;
            /** @description Upper bound of the 95% Wilson score interval, three decimals. */
            upper: number;
        };
        ReviewsSummaryDto: {
            /** @description Reviews of decisions this agency made, concluded in the period. */
            concluded: number;
            concern: number;
            disagree: number;
            /** @description Null when no review was concluded. */
            concernOrDisagree: components["schemas"]["ProportionDto"] | (never | null);
        };
        ResponseTimeDto: {
            /** @description Median in days, two decimals; null when n is 0. */
            medianDays: number | null;
            /** @description Recommendations of the period the agency has answered. */
            n: number;
        };
        RecommendationFiguresDto: {
            /** @description Recommendations to this agency issued in the period. */
            issuedInPeriod: number;
            /** @description Those recommendations by their state now. `issued`: not yet answered; `implementation_claimed`: the agency reports it done and the office has not verified it yet (counted as open). */
            byState?: {
                issued: number;
                accepted: number;
                partially_accepted: number;
                rejected: number;
                implementation_claimed: number;
                implemented: number;
                withdrawn: number;
            };
            /** @description Not in a final state: issued, accepted, partially accepted or implementation claimed. */
            open: number;
            /** @description Response overdue or target date missed at `generatedAt`: what `GET /recommendations?overdue=true` lists. */
            overdue: number;
            /** @description Issue → the agency’s response (accepted, partially, rejected). */
            daysToRespond: components["schemas"]["ResponseTimeDto"];
            /** @description Those that repeat an earlier recommendation (`repeatOf`). */
            repeats: number;
        };
        AgencyReportDto: {
            agency: components["schemas"]["ReportAgencyDto"];
            /** @description Cases this agency owns (the agency that opened them), first encountered in the period, by current state. */
            casesOwnedByState?: {
                screening: number;
                referred: number;
                not_referred: number;
                recovery_period: number;
                rg_negative: number;
                identified_victim: number;
                cg_negative: number;
                reconsideration: number;
                closed: number;
            };
            /** @description Decision records this agency made (the actor’s agency, e.g. the competent authority for RG/CG), by type, that occurred in the period — whoever owns the case. */
            decisionsMadeByType?: {
                refer: number;
                decline_referral: number;
                reasonable_grounds: number;
                conclusive_grounds: number;
                request_reconsideration: number;
                reconsider: number;
                close: number;
                detain: number;
                release: number;
            };
            durations: components["schemas"]["DurationsDto"];
            detention: components["schemas"]["DetentionDto"];
            /** @description Alerts raised in the period that the caller may read. */
            alertsByRule?: {
                screening_overdue: number;
                rg_decision_overdue: number;
                victim_detained: number;
                detention_limit_exceeded: number;
                review_response_overdue: number;
                removal_during_review: number;
                visit_overdue: number;
                visit_report_overdue: number;
                recommendation_response_overdue: number;
                recommendation_target_missed: number;
                complaint_triage_overdue: number;
            };
            reviews: components["schemas"]["ReviewsSummaryDto"];
            /** @description SPEC §12: what became of the period’s recommendations. */
            recommendations: components["schemas"]["RecommendationFiguresDto"];
        };
        AgenciesReportResponse: {
            /**
             * Format: date-time
             * @description The same as `period.from`.
             */
            from: string;
            /**
             * Format: date-time
             * @description The same as `period.to`.
             */
            to: string;
            /** @description The period the figures cover, and whether it was defaulted. */
            period: components["schemas"]["ReportPeriodDto"];
            /**
             * Format: date-time
             * @description The time "now" in the detention figures.
             */
            generatedAt: string;
            /** @description Agencies the caller may read reports for, by code. */
            agencies: components["schemas"]["AgencyReportDto"][];
        };
        OverdispersionDto: {
            /** @description Winsorised mean squared z-score φ; null with no point. */
            phi: number | null;
            /** @description Between-agency variance on the arcsine-square-root scale (0 when not over-dispersed). */
            tau2: number;
            /** @description Whether the limits were widened by τ². */
            applied: boolean;
        };
        FunnelLimitsDto: {
            lower95: number;
            upper95: number;
            lower998: number;
            upper998: number;
        };
        ConsistencyPointDto: {
            /**
             * Format: uuid
             * @description Absent on another agency’s point when the caller is an agency.
             */
            agencyId?: string;
            /** @description Absent on another agency’s point when the caller is an agency. */
            code?: string;
            numerator: number;
            denominator: number;
            /** @description numerator ÷ denominator; null when it is 0. */
            rate: number | null;
            /** @description The limits at this n; null when n is 0. */
            limits: components["schemas"]["FunnelLimitsDto"] | (never | null);
            /** @enum {string} */
            band: "within" | "above_95" | "above_99_8" | "below_95" | "below_99_8" | "no_data";
        };
        FunnelCurvePointDto: {
            lower95: number;
            upper95: number;
            lower998: number;
            upper998: number;
            n: number;
        };
        ConsistencyResponse: {
            /** @enum {string} */
            metric: "referral_rate" | "detention_rate" | "rg_positive_rate" | "cg_positive_rate" | "reconsideration_overturn_rate" | "review_disagreement_rate";
            /** @enum {string} */
            groupBy: "case_agency" | "deciding_agency";
            /** @description What is counted. */
            numerator: string;
            /** @description What it is counted out of. */
            denominator: string;
            period: components["schemas"]["ReportPeriodDto"];
            /** @description The pooled rate Σr/Σn; null when no agency has data. */
            target: number | null;
            overdispersion: components["schemas"]["OverdispersionDto"];
            /** @description Every compared agency (no_data when its denominator is 0). By code, or — when the caller is an agency and other points are unnamed — by n, so that position does not reveal which agency is which. */
            agencies: components["schemas"]["ConsistencyPointDto"][];
            /** @description The limits at up to 100 values of n over the plotted range. */
            curve: components["schemas"]["FunnelCurvePointDto"][];
        };
        DashboardAlerts: {
            /** @description Open (not acknowledged, not resolved) critical alerts the caller may read. */
            critical: number;
            /** @description Open high alerts the caller may read. */
            high: number;
        };
        DashboardDetentions: {
            /** @description People detained now, still in screening, for longer than SCREENING_MAX_HOURS. */
            pastScreeningLimit: number;
            /** @description People detained now for longer than MAX_DETENTION_DAYS. */
            pastMaxDetention: number;
        };
        DashboardReviews: {
            /** @description Reviews pending or assigned, not yet concluded (zero for agencies, which see only concluded ones). */
            awaitingConclusion: number;
            /** @description Concluded reviews waiting for the deciding agency's response. */
            awaitingResponse: number;
        };
        DashboardRecommendations: {
            /** @description Recommendations issued and not yet answered. */
            awaitingResponse: number;
            /** @description Accepted (in whole or part) recommendations whose target date has passed. */
            pastTarget: number;
        };
        DashboardVisits: {
            /** @description Planned visits whose day has come and that have not started. */
            due: number;
        };
        DashboardResponse: {
            /**
             * Format: date-time
             * @description The instant every count was taken at.
             */
            asOf: string;
            alerts: components["schemas"]["DashboardAlerts"];
            /** @description Over the cases the caller may read; null for a role that reads no case. */
            detentions: components["schemas"]["DashboardDetentions"] | (never | null);
            reviews: components["schemas"]["DashboardReviews"];
            recommendations: components["schemas"]["DashboardRecommendations"];
            /** @description The commissioner's office only; null for everyone else (planned visits are sealed from agencies). */
            visits: components["schemas"]["DashboardVisits"] | (never | null);
        };
        CreatePlaceDto: {
            /**
             * Format: uuid
             * @description The agency that runs the place.
             */
            agencyId: string;
            /** @example Northern District holding room */
            name: string;
            /** @enum {string} */
            kind: "border_post" | "holding_room" | "removal_centre" | "police_custody" | "shelter" | "other";
            /** @example North */
            region: string;
            /** @description How many people it can hold. */
            capacity?: number;
            /**
             * @description Only the office (admin, commissioner) may set it.
             * @default true
             */
            active: boolean;
        };
        PlaceResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            name: string;
            /** @enum {string} */
            kind: "border_post" | "holding_room" | "removal_centre" | "police_custody" | "shelter" | "other";
            region: string;
            capacity: number | null;
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdatePlaceDto: {
            /**
             * Format: uuid
             * @description Only the office (admin, commissioner) may change it.
             */
            agencyId?: string;
            name?: string;
            /** @enum {string} */
            kind?: "border_post" | "holding_room" | "removal_centre" | "police_custody" | "shelter" | "other";
            region?: string;
            /** @description null clears it. */
            capacity?: number | null;
            /** @description Only the office may change it; a place with people detained there now cannot be deactivated (409). */
            active?: boolean;
        };
        CreateVisitPlanDto: {
            /**
             * @description First day of the window (UTC date, inclusive).
             * @example 2026-12-07
             */
            from: string;
            /**
             * @description Last day of the window (UTC date, inclusive).
             * @example 2026-12-18
             */
            to: string;
            /** @description How many places to visit; at most the active places. */
            count: number;
            /** @description Hex seed of 16–64 bytes; a random 256-bit seed otherwise. Keep it secret. */
            seed?: string;
        };
        FindingResponse: {
            /** Format: uuid */
            id: string;
            text: string;
            /** @enum {string} */
            severity: "info" | "concern" | "serious";
            caseIds: string[];
            /** Format: date-time */
            recordedAt: string;
        };
        VisitResponse: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Not shown to agencies.
             */
            planId?: string | null;
            /** Format: uuid */
            placeId: string;
            /** Format: uuid */
            agencyId: string;
            /** @example 2026-12-09 */
            day: string;
            /** @enum {string} */
            state: "planned" | "in_progress" | "reported" | "cancelled";
            version: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            reportedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /** @description The office only. */
            team?: string[];
            /** @description Agencies: only once reported. */
            findings?: components["schemas"]["FindingResponse"][];
            /** @description Agencies: only once reported. */
            summary?: string | null;
            /** @description The office only. */
            cancelReason?: string | null;
            /** @description What the caller may do now. */
            allowedActions: ("assign_team" | "start" | "record_findings" | "report" | "cancel")[];
        };
        RiskInputsResponse: {
            detainedNow: number;
            alertsLast180Days: number;
            daysSinceLastVisit: number | null;
            agencyConcernShare: number;
        };
        ConsideredPlaceResponse: {
            /** Format: uuid */
            placeId: string;
            inputs: components["schemas"]["RiskInputsResponse"];
            risk: number;
            weight: number;
        };
        VisitPlanResponse: {
            /** Format: uuid */
            id: string;
            /** @example 2026-12-07 */
            from: string;
            /** @example 2026-12-18 */
            to: string;
            count: number;
            /** @description SHA-256 (hex) of the JSON of [placeId, day] pairs sorted by place id. */
            digest: string;
            /** @description Hex; the commissioner only. */
            seed?: string;
            /** Format: date-time */
            createdAt: string;
            visits: components["schemas"]["VisitResponse"][];
            places: components["schemas"]["ConsideredPlaceResponse"][];
        };
        VisitPlanSummaryResponse: {
            /** Format: uuid */
            id: string;
            from: string;
            to: string;
            count: number;
            digest: string;
            /** Format: date-time */
            createdAt: string;
        };
        CreateVisitDto: {
            /**
             * Format: uuid
             * @description An active place.
             */
            placeId: string;
            /**
             * @description The day of the visit (UTC date).
             * @example 2026-12-09
             */
            day: string;
        };
        RollSubjectResponse: {
            name?: string;
            dateOfBirth?: string;
            documentNumber?: string;
            contact?: string;
        };
        RollEntryResponse: {
            /** Format: uuid */
            caseId: string;
            externalRef: string;
            state: string;
            /** Format: date-time */
            detainedSince: string;
            hoursDetained: number;
            openAlerts: number;
            legalBasis: string;
            /** @description With include=pii, where the reader may read it. */
            subject?: components["schemas"]["RollSubjectResponse"];
        };
        RollResponse: {
            /** Format: uuid */
            visitId: string;
            /** Format: uuid */
            placeId: string;
            /** Format: date-time */
            takenAt: string;
            detained: components["schemas"]["RollEntryResponse"][];
        };
        AssignTeamDto: {
            /** @description The visit version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @description Reviewers without a conflict with the operator. */
            reviewerIds: string[];
        };
        StartVisitDto: {
            /** @description The visit version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
        };
        RecordFindingDto: {
            /** @description The visit version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            text: string;
            /** @enum {string} */
            severity: "info" | "concern" | "serious";
            /** @description Cases detained at the place or of its agency. */
            caseIds?: string[];
        };
        ReportVisitDto: {
            /** @description The visit version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            summary: string;
        };
        CancelVisitDto: {
            /** @description The visit version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            reason: string;
        };
        InvestigationScopeDto: {
            /** @description Frontline agencies or the competent authority under investigation. */
            agencyIds: string[];
            /** @description Places of detention run by agencies in scope. */
            placeIds?: string[];
        };
        CreateInvestigationDto: {
            title: string;
            /**
             * @description `complaint` is set only by triaging a complaint.
             * @enum {string}
             */
            origin: "own_initiative" | "review_pattern" | "visit";
            scope: components["schemas"]["InvestigationScopeDto"];
            termsOfReference: string;
        };
        InvestigationScopeResponse: {
            agencyIds: string[];
            placeIds: string[];
        };
        EvidenceResponse: {
            /** @enum {string} */
            kind: "case" | "decision_record" | "review" | "visit" | "alert";
            /**
             * Format: uuid
             * @description The record.
             */
            id: string;
            note: string;
            /** Format: uuid */
            addedBy: string;
            /** Format: date-time */
            addedAt: string;
        };
        ProposedRecommendationResponse: {
            /** Format: uuid */
            agencyId: string;
            /** @enum {string} */
            theme: "identification" | "referral" | "detention" | "removal" | "training" | "data" | "other";
            /** @enum {string} */
            priority: "normal" | "urgent";
            text: string;
        };
        InvestigationDraftResponse: {
            text: string;
            /** @description An agency in scope sees those addressed to it only. */
            proposedRecommendations: components["schemas"]["ProposedRecommendationResponse"][];
            /** Format: date-time */
            at: string;
        };
        CommentAuthorResponse: {
            /** Format: uuid */
            id: string;
            role: string;
        };
        InvestigationCommentResponse: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The agency the comment speaks for.
             */
            agencyId: string;
            by: components["schemas"]["CommentAuthorResponse"];
            text: string;
            /** Format: date-time */
            at: string;
        };
        InvestigationResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @enum {string} */
            state: "open" | "factual_accuracy" | "published" | "closed";
            version: number;
            /**
             * @description The office only.
             * @enum {string}
             */
            origin?: "own_initiative" | "review_pattern" | "visit" | "complaint";
            /**
             * Format: uuid
             * @description The office only. The complaint whose triage opened it.
             */
            complaintId?: string | null;
            /** @description The office only. */
            scope?: components["schemas"]["InvestigationScopeResponse"];
            /** @description The office only. */
            termsOfReference?: string;
            /** @description The office only. */
            investigators?: string[];
            /** @description The office only. */
            evidence?: components["schemas"]["EvidenceResponse"][];
            /**
             * Format: date-time
             * @description The office only.
             */
            openedAt?: string;
            draft: components["schemas"]["InvestigationDraftResponse"] | (never | null);
            /**
             * Format: date-time
             * @description The end of the factual-accuracy period (INVESTIGATION_COMMENT_DAYS after the draft).
             */
            commentsCloseAt: string | null;
            /** @description The office reads all; a supervisor or decision maker in scope those of its own agency. */
            comments?: components["schemas"]["InvestigationCommentResponse"][];
            finalText: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /**
             * Format: date-time
             * @description The office only.
             */
            closedAt?: string | null;
            /** @description The office only. */
            closeReason?: string | null;
            /** @description Issued on publication; an agency in scope sees those addressed to it only. */
            recommendationIds: string[];
            /** @description What the caller may do now. */
            allowedActions: ("assign_investigators" | "add_evidence" | "draft" | "comment" | "publish" | "close_without_findings")[];
        };
        AssignInvestigatorsDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @description Reviewers without a conflict with any agency in scope; replaces the investigators. */
            reviewerIds: string[];
        };
        AddEvidenceDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @enum {string} */
            kind: "case" | "decision_record" | "review" | "visit" | "alert";
            /**
             * Format: uuid
             * @description The record, of an agency or place in scope.
             */
            id: string;
            /** @description Why it matters. */
            note: string;
        };
        ProposedRecommendationDto: {
            /**
             * Format: uuid
             * @description An agency in scope.
             */
            agencyId: string;
            /** @enum {string} */
            theme: "identification" | "referral" | "detention" | "removal" | "training" | "data" | "other";
            /** @enum {string} */
            priority: "normal" | "urgent";
            text: string;
        };
        DraftInvestigationDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @description The draft report the agencies comment on. */
            text: string;
            /** @description Issued as recommendations (source `investigation`) when the report is published. */
            proposedRecommendations: components["schemas"]["ProposedRecommendationDto"][];
        };
        CommentInvestigationDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @description A comment on the facts of the draft. */
            text: string;
        };
        PublishInvestigationDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            /** @description The final report; frozen once published. */
            text: string;
        };
        CloseInvestigationDto: {
            /** @description The investigation version this action was taken on; 409 if it moved on. */
            expectedVersion: number;
            reason: string;
        };
        ComplainantDto: {
            /** @description Personal data: encrypted, read only with include=pii. */
            name?: string;
            /** @description Personal data (telephone, address, e-mail): encrypted, read only with include=pii. */
            contact?: string;
            /** @enum {string} */
            relationship: "victim" | "representative" | "ngo" | "official" | "other";
        };
        CreateComplaintDto: {
            /**
             * Format: date-time
             * @description When the office received it; not in the future.
             */
            receivedAt: string;
            /** @enum {string} */
            channel: "phone" | "email" | "letter" | "visit" | "web";
            /** @description An anonymous complaint has no complainant at all. */
            anonymous: boolean;
            /** @description Required unless anonymous; absent when anonymous. */
            complainant?: components["schemas"]["ComplainantDto"];
            /** @description What the complaint says. */
            summary: string;
            /** @description The frontline agencies or competent authority complained about. */
            agencyIds: string[];
            /** @description Cases the complaint is about. */
            caseIds?: string[];
        };
        ComplainantResponse: {
            name?: string;
            contact?: string;
            /** @enum {string} */
            relationship: "victim" | "representative" | "ngo" | "official" | "other";
        };
        TriageResponse: {
            /** @enum {string} */
            outcome: "investigate" | "refer_to_review" | "no_action";
            reason: string;
            /** Format: date-time */
            at: string;
        };
        ComplaintResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "received" | "triaged";
            version: number;
            /** Format: date-time */
            receivedAt: string;
            /**
             * Format: date-time
             * @description COMPLAINT_TRIAGE_WORKING_DAYS working days (Monday–Friday, UTC) after receipt; untriaged after it, the office is alerted (complaint_triage_overdue).
             */
            triageDueAt: string;
            /** @enum {string} */
            channel: "phone" | "email" | "letter" | "visit" | "web";
            anonymous: boolean;
            /** @description Only with include=pii, to a reader who may read personal data; never for an anonymous complaint. */
            complainant?: components["schemas"]["ComplainantResponse"];
            summary: string;
            agencyIds: string[];
            caseIds: string[];
            triage: components["schemas"]["TriageResponse"] | (never | null);
            /**
             * Format: uuid
             * @description investigate: the investigation opened.
             */
            investigationId: string | null;
            /** @description refer_to_review: the review of each named case (made by the triage, or the one it already had). */
            reviewIds: string[];
            /** @description What the caller may do now. */
            allowedActions: "triage"[];
        };
        TriageComplaintDto: {
            /** @description The complaint version this triage was made on; 409 if it moved on. */
            expectedVersion: number;
            /** @enum {string} */
            outcome: "investigate" | "refer_to_review" | "no_action";
            reason: string;
            /** @description investigate only (required): its title. */
            title?: string;
            /** @description investigate only (required): its terms of reference. */
            termsOfReference?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Identifies the request in the service’s logs; echoes a well-formed `X-Request-Id` the client sent. */
        XRequestId: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                subjectType?: string;
                subjectId?: string;
                action?: string;
                chainId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEventResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyAuditLog: {
        parameters: {
            query?: {
                /** @description Root (hex) of a checkpoint kept outside this system, e.g. from an earlier GET /audit/checkpoints: verification fails with checkpoint_head_missing if the log no longer holds it (cut back to an earlier checkpoint). */
                head?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (audit-verify) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    exportAuditCheckpoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointExportResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    sealAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nothing new to seal: the latest checkpoint. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointResponse"];
                };
            };
            /** @description Sealed now. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        /**
                         * @description The checks that passed
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @description The checks that failed
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @description All checks
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is down (the body says which), or the process is shutting down (a problem) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait; sent while shutting down */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        /**
                         * @description The checks that passed
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @description The checks that failed
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @description All checks
                         * @example {
                         *       "postgres": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    openQueueDashboardSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description The dashboard cookie (HttpOnly, SameSite=Strict, scoped to /queues) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSessionResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; try again after Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `oversight_refresh=<opaque token>; Max-Age=<seconds the sign-in has left>; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict`. The token is 32 random bytes (base64url), valid once. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; try again after Retry-After seconds */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    refreshConsoleSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Marks a request of the staff console (CSRF): a form or link cannot send it, and a script of another origin only after a CORS preflight, never granted with credentials. Missing or another value: 403 `console-header-required`. */
                "X-Oversight-Console": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `oversight_refresh=<opaque token>; Max-Age=<seconds the sign-in has left>; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict`. The token is 32 random bytes (base64url), valid once. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    endConsoleSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Marks a request of the staff console (CSRF): a form or link cannot send it, and a script of another origin only after a CORS preflight, never granted with credentials. Missing or another value: 403 `console-header-required`. */
                "X-Oversight-Console": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `oversight_refresh=; Max-Age=0; Path=/api/v1/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict`: the browser drops the cookie. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    setPasswordAuth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            /** @description The password is set; sign in with it. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    requestResetAuth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetDto"];
            };
        };
        responses: {
            /** @description Accepted; a link is mailed if the address belongs to an enabled account. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listAgencies: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AgencyResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createAgency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAgency: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    disableUsers: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    enableUsers: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getUser: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"][];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    issueApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                state?: "screening" | "referred" | "not_referred" | "recovery_period" | "rg_negative" | "identified_victim" | "cg_negative" | "reconsideration" | "closed";
                agencyId?: string;
                /** @description Only people detained now (true) or not (false). */
                detained?: boolean;
                /** @description The agency’s own reference (as agencies and alert e-mails quote it); exact match. */
                externalRef?: string;
                closedOutcome?: "support_provided" | "assisted_return" | "removed" | "released" | "lost_contact" | "transferred";
                encounterKind?: "border_entry" | "border_exit" | "inland" | "workplace_inspection" | "other";
                /** @description Only cases with this indicator recorded. */
                indicator?: "deception" | "false_promises" | "coercion" | "threats" | "violence" | "debt_bondage" | "document_retention" | "restricted_movement" | "isolation" | "surveillance" | "excessive_hours" | "withheld_wages" | "degrading_conditions" | "sexual_exploitation" | "forced_criminality" | "abuse_of_vulnerability" | "child_under_18" | "irregular_status_exploited" | "no_language_skills";
                isChild?: boolean;
                /** @description Only cases changed at or after this time. */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CaseSummaryResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    openCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `true` when this is the stored response to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: {
                /** @description pii: add the subject’s personal data (roles allowed to read it); every such read is audited. */
                include?: "pii";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyCaseChain: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseVerificationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listDecisions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DecisionRecordResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordDecisionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `true` when this is the stored response to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordDecisionResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    searchDecisionRecords: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                type?: "refer" | "decline_referral" | "reasonable_grounds" | "conclusive_grounds" | "request_reconsideration" | "reconsider" | "close" | "detain" | "release";
                outcome?: "positive" | "negative" | "upheld" | "overturned" | "support_provided" | "assisted_return" | "removed" | "released" | "lost_contact" | "transferred";
                /** @description The agency that made the decision (the actor’s). */
                agencyId?: string;
                /** @description The agency that owns the case. */
                caseAgencyId?: string;
                /** @description The user or API key that recorded the decision. */
                actorId?: string;
                /** @description occurredAt at or after this time. */
                from?: string;
                /** @description occurredAt before this time (after `from`). */
                to?: string;
                /** @description Only records with (true) or without (false) a review you may read. */
                sampled?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DecisionRecordSearchItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getDecisionRecords: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRecordDetailResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listIndicators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorResponse"][];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listAlerts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                status?: "open" | "acknowledged" | "resolved";
                rule?: "screening_overdue" | "rg_decision_overdue" | "victim_detained" | "detention_limit_exceeded" | "review_response_overdue" | "removal_during_review" | "visit_overdue" | "visit_report_overdue" | "recommendation_response_overdue" | "recommendation_target_missed" | "complaint_triage_overdue";
                severity?: "high" | "critical";
                agencyId?: string;
                caseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAlerts: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    acknowledgeAlert: {
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
                "application/json": components["schemas"]["AcknowledgeAlertDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    runOverdueScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (overdue-scan) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listSamplingRuns: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SamplingRunResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createSamplingRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSamplingRunDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingRunResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (sampling-runs) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getSamplingRun: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingRunResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifySamplingRuns: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrawVerificationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                /** @description The review’s state (its `status` field). */
                state?: "pending" | "assigned" | "awaiting_response" | "disputed" | "closed" | "withdrawn";
                /**
                 * @deprecated
                 * @description Older name of `state`.
                 */
                status?: "pending" | "assigned" | "awaiting_response" | "disputed" | "closed" | "withdrawn";
                finding?: "concur" | "concern" | "disagree";
                /** @description How the agency answered: `accepted` (response `accept`) or `rejected` (response `reject`). */
                response?: "accepted" | "rejected";
                runId?: string;
                /** @description The deciding agency: the one whose decision is reviewed. */
                agencyId?: string;
                caseId?: string;
                assignedReviewerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReviewResponseDto"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    autoAssignReviews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoAssignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoAssignResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getReview: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    assignReview: {
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
                "application/json": components["schemas"]["AssignReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    concludeReview: {
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
                "application/json": components["schemas"]["ConcludeReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    respondToReview: {
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
                "application/json": components["schemas"]["RespondReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    withdrawReview: {
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
                "application/json": components["schemas"]["WithdrawReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    closeReviews: {
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
                "application/json": components["schemas"]["CloseReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listRecommendations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                /** @description The addressed agency. */
                agencyId?: string;
                state?: "issued" | "accepted" | "partially_accepted" | "rejected" | "implementation_claimed" | "implemented" | "withdrawn";
                theme?: "identification" | "referral" | "detention" | "removal" | "training" | "data" | "other";
                sourceKind?: "review" | "visit" | "investigation" | "own_initiative";
                /** @description `true`: only those whose response is overdue or whose target date passed, now. */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RecommendationResponseDto"][];
                        nextCursor: string | null;
                    };
                    "text/csv": {
                        items: components["schemas"]["RecommendationResponseDto"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createRecommendations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecommendationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `true` when this is the stored response to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getRecommendations: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    respondRecommendations: {
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
                "application/json": components["schemas"]["RespondRecommendationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    progressRecommendations: {
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
                "application/json": components["schemas"]["ProgressRecommendationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyRecommendations: {
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
                "application/json": components["schemas"]["VerifyRecommendationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    withdrawRecommendations: {
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
                "application/json": components["schemas"]["WithdrawRecommendationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationResponseDto"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAgencyReport: {
        parameters: {
            query?: {
                /** @description Start of the period (inclusive): a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, 12 months before `to`. With neither `from` nor `to`, the report covers the 12 months up to now. */
                from?: string;
                /** @description End of the period (exclusive), after `from`: a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, 12 months after `from`, or now when `from` is not given either. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgenciesReportResponse"];
                    "text/csv": string;
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (reports) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    exportAnonymised: {
        parameters: {
            query?: {
                /** @description Cases encountered at or after this instant: a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, from the first case. */
                from?: string;
                /** @description Cases encountered before this instant: a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, up to now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Cases left out because their combination is rarer than k */
                    "x-suppressed-rows"?: number;
                    /** @description Cases the published rows stand for (the sum of `count`) */
                    "x-published-rows"?: number;
                    /** @description The k every published row meets */
                    "x-k-anonymity"?: number;
                    /** @description An attachment, with the file name */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (exports) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consistencyReportConsistency: {
        parameters: {
            query: {
                /** @description Start of the period (inclusive): a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, 12 months before `to`. With neither `from` nor `to`, the report covers the 12 months up to now. */
                from?: string;
                /** @description End of the period (exclusive), after `from`: a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ). Without it, 12 months after `from`, or now when `from` is not given either. */
                to?: string;
                /** @description `referral_rate`: `refer` decisions ÷ `refer` and `decline_referral` decisions, by deciding_agency; `detention_rate`: cases encountered in the period with at least one `detain` ÷ cases encountered in the period, by case_agency; `rg_positive_rate`: positive reasonable-grounds decisions ÷ reasonable-grounds decisions, by case_agency or deciding_agency; `cg_positive_rate`: positive conclusive-grounds decisions ÷ conclusive-grounds decisions, by case_agency or deciding_agency; `reconsideration_overturn_rate`: `reconsider` decisions that overturned ÷ `reconsider` decisions, by case_agency or deciding_agency; `review_disagreement_rate`: concluded sampled reviews finding `concern` or `disagree` ÷ concluded sampled reviews, by deciding_agency */
                metric: "referral_rate" | "detention_rate" | "rg_positive_rate" | "cg_positive_rate" | "reconsideration_overturn_rate" | "review_disagreement_rate";
                /** @description Whose point a decision counts on. Only `rg_positive_rate`, `cg_positive_rate` and `reconsideration_overturn_rate` take `deciding_agency` (the competent authority); any other metric answers 400 to a `groupBy` other than its own. */
                groupBy?: "case_agency" | "deciding_agency";
                /** @description `auto`: widen the limits by the random-effects τ² when the dispersion test says so; `none`: never. */
                overdispersion?: "auto" | "none";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyResponse"];
                    "image/svg+xml": string;
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (reports) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    annualReportAnnualReport: {
        parameters: {
            query?: {
                /** @description A calendar year (UTC), not after the current one. Default: the last complete year. */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests of this kind (reports) are running; try again after Retry-After seconds */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    showDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPlaces: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                agencyId?: string;
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PlaceResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createPlaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPlaces: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updatePlaces: {
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
                "application/json": components["schemas"]["UpdatePlaceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listVisitPlans: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VisitPlanSummaryResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createVisitPlans: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisitPlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitPlanResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getVisitPlans: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitPlanResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listVisits: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                state?: "planned" | "in_progress" | "reported" | "cancelled";
                placeId?: string;
                agencyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VisitResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createVisits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getVisits: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    rollVisits: {
        parameters: {
            query?: {
                /** @description pii: add the personal data the reader may read (audited). */
                include?: "pii";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    teamVisits: {
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
                "application/json": components["schemas"]["AssignTeamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startVisits: {
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
                "application/json": components["schemas"]["StartVisitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    findingsVisits: {
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
                "application/json": components["schemas"]["RecordFindingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reportVisits: {
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
                "application/json": components["schemas"]["ReportVisitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    cancelVisits: {
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
                "application/json": components["schemas"]["CancelVisitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listInvestigations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                state?: "open" | "factual_accuracy" | "published" | "closed";
                /** @description An agency in scope. */
                agencyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InvestigationResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createInvestigations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvestigationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `true` when this is the stored response to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getInvestigations: {
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
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    investigatorsInvestigations: {
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
                "application/json": components["schemas"]["AssignInvestigatorsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    evidenceInvestigations: {
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
                "application/json": components["schemas"]["AddEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    draftInvestigations: {
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
                "application/json": components["schemas"]["DraftInvestigationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    commentInvestigations: {
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
                "application/json": components["schemas"]["CommentInvestigationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    publishInvestigations: {
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
                "application/json": components["schemas"]["PublishInvestigationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    closeInvestigations: {
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
                "application/json": components["schemas"]["CloseInvestigationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestigationResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listComplaints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page’s `nextCursor`. */
                cursor?: string;
                state?: "received" | "triaged";
                /** @description An agency the complaint is about. */
                agencyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ComplaintResponse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createComplaints: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the first response again, nothing new written. Same key, other body: 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateComplaintDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `true` when this is the stored response to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getComplaints: {
        parameters: {
            query?: {
                /** @description pii: add the complainant, for a reader who may read personal data (audited). */
                include?: "pii";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    triageComplaints: {
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
                "application/json": components["schemas"]["TriageComplaintDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintResponse"];
                };
            };
            /** @description Malformed request, unknown field or failed validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Readable, but this action is not permitted */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Content type is not JSON */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Understood, but a rule refuses it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds until the limit resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An unexpected failure on the server’s side; `requestId` identifies it in the logs */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
