package dev.supportgraph.error;

import org.eclipse.microprofile.graphql.Description;

/**
 * The machine-readable codes of this API, used both as {@code extensions.code} on GraphQL errors
 * and as {@code userErrors.code} in mutation payloads.
 */
@Description("Machine-readable error codes: extensions.code of GraphQL errors and userErrors.code of mutation payloads.")
public enum ErrorCode {
    /** The object does not exist, or the caller may not know that it does. */
    @Description("The object does not exist, or the caller may not know that it does.")
    NOT_FOUND,
    /** A global id that is malformed or names another type. */
    @Description("A global id that is malformed or names another type.")
    INVALID_ID,
    /** An argument or input field that is out of range or malformed. */
    @Description("An argument or input field that is out of range or malformed.")
    BAD_USER_INPUT,
    /** A pagination cursor that this server did not hand out. */
    @Description("A pagination cursor that this server did not hand out.")
    INVALID_CURSOR,
    /** The requested state change is not allowed from the current state. */
    @Description("The requested state change is not allowed from the current state.")
    INVALID_TRANSITION,
    /** {@code expectedVersion} does not match the stored version. */
    @Description("expectedVersion does not match the stored version.")
    STALE_OBJECT,
    /** The idempotency key was used before with another input. */
    @Description("The idempotency key was used before with another input.")
    IDEMPOTENCY_KEY_REUSED,
    /** The caller is authenticated but lacks the role for this operation. */
    @Description("The caller is authenticated but lacks the role for this operation.")
    FORBIDDEN,
    /** The query exceeds a configured limit (depth, cost, aliases, tokens, size, time). */
    @Description("The query exceeds a configured limit (depth, cost, aliases, tokens, size, time).")
    QUERY_TOO_COMPLEX,
    /** A business rule rejected the request (e.g. the credit check). */
    @Description("A business rule rejected the request (e.g. the credit check).")
    BUSINESS_RULE,
    /** The request ran out of time in the database (e.g. waiting on a lock); nothing was changed. Retry later. */
    @Description("The request ran out of time in the database (e.g. waiting on a lock); nothing was changed. Retry later.")
    TIMEOUT,
    /** A subscriber did not read its events fast enough and was closed; resubscribe with after:. */
    @Description("A subscriber did not read its events fast enough and was closed; resubscribe with after:.")
    SUBSCRIBER_TOO_SLOW,
    /** An unexpected server failure; details are only in the server log, never in the response. */
    @Description("An unexpected server failure; details are only in the server log, never in the response.")
    INTERNAL,
    // Protocol codes, reported by the HTTP and validation layers rather than by resolvers:
    /** The HTTP request is not a GraphQL request (unparsable JSON, no query, a mutation over GET). */
    @Description("The HTTP request is not a GraphQL request (unparsable JSON, no query, a mutation over GET).")
    BAD_REQUEST,
    /** The query text is not valid GraphQL syntax. */
    @Description("The query text is not valid GraphQL syntax.")
    GRAPHQL_PARSE_FAILED,
    /** The query does not match the schema (unknown field, wrong argument type...). */
    @Description("The query does not match the schema (unknown field, wrong argument type...).")
    GRAPHQL_VALIDATION_FAILED,
    /** Introspection ({@code __schema}, {@code __type}) is switched off by configuration. */
    @Description("Introspection (__schema, __type) is switched off by configuration.")
    INTROSPECTION_DISABLED,
    /** A persisted-query hash this server does not know: send the hash with its document (Apollo APQ). */
    @Description("A persisted-query hash this server does not know: send the hash with its document (Apollo APQ).")
    PERSISTED_QUERY_NOT_FOUND,
    /** Persisted queries are switched off by configuration: send the document. */
    @Description("Persisted queries are switched off by configuration: send the document.")
    PERSISTED_QUERY_NOT_SUPPORTED,
    /** Trusted-documents mode: the document is not one of the trusted documents. */
    @Description("Trusted-documents mode: the document is not one of the trusted documents.")
    PERSISTED_QUERY_NOT_IN_LIST
}
