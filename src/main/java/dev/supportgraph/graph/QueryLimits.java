package dev.supportgraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.util.Set;

/**
 * Abuse limits applied to every GraphQL request before (and while) it runs; env
 * {@code SUPPORTGRAPH_QUERY_LIMITS_*}. A refused request gets {@code extensions.code}
 * {@code QUERY_TOO_COMPLEX} with {@code extensions.limit} naming the limit (see docs/security.md, "Query limits").
 */
@ConfigMapping(prefix = "supportgraph.query-limits")
public interface QueryLimits {

    /** Deepest field nesting; GraphiQL's introspection query needs 13 (15 with its deepest type references). */
    @WithDefault("15")
    int maxDepth();

    /**
     * Highest estimated cost (see {@link QueryCost}): every field costs 1, and the cost of what a list
     * selects is multiplied by the page size asked for ({@code first}/{@code last}, the default page
     * when absent), by the distinct ids of {@code nodes(ids:)}, or by {@link #assumedListSize()}.
     */
    @WithDefault("100000")
    int maxCost();

    /**
     * Largest response the cost model may estimate for a document: each long text field
     * ({@link #longTextOutputs()}) weighs its input length limit {@link #maxLongTextLength()}, other
     * text {@link #estimatedTextBytes()}, other values a few bytes, multiplied by the lists around
     * them as for the cost (repeated ids included: the response repeats them).
     */
    @WithDefault("16M")
    MemorySize maxResponseSize();

    /** Longest text any argument, input field or variable may carry (characters); longer values are BAD_USER_INPUT. */
    @WithDefault("1000")
    int maxTextLength();

    /** Longest text of the {@link #longTextFields()} (characters). */
    @WithDefault("10000")
    int maxLongTextLength();

    /**
     * Earliest year a {@code Date} or {@code DateTime} input may name; earlier ones are BAD_USER_INPUT
     * (no record of this service is that old, and the database's range is not the client's concern).
     */
    @WithDefault("1900")
    int minYear();

    /** Latest year a {@code Date} or {@code DateTime} input may name (four digits, as ISO-8601 writes it). */
    @WithDefault("9999")
    int maxYear();

    /** Names of the input fields (and arguments) that hold long text (descriptions, note bodies, resolutions...). */
    @WithDefault("description,body,resolution,rootCause,localization,reason,comment")
    Set<String> longTextFields();

    /**
     * Output fields ({@code Type.field}) that hold long text: in the response size estimate each
     * weighs {@link #maxLongTextLength()}, other text fields {@link #estimatedTextBytes()}.
     */
    @WithDefault("Ticket.description,ProblemReport.description,ServiceTrouble.description,ResourceTrouble.description,"
            + "ProductOrder.description,ProblemReport.resolution,ServiceTrouble.resolution,ResourceTrouble.resolution,"
            + "ServiceTrouble.rootCause,ResourceTrouble.localization,TicketNote.body")
    Set<String> longTextOutputs();

    /** What a short text field (a name, a title, an e-mail) weighs in the response size estimate, in bytes. */
    @WithDefault("100")
    int estimatedTextBytes();

    /** Multiplier for lists without {@code first}/{@code last} (contacts, items of an order...). */
    @WithDefault("10")
    int assumedListSize();

    /** Most aliased fields in one document as executed (alias bombs repeat one expensive field under many names). */
    @WithDefault("30")
    int maxAliases();

    /** Most lexical tokens in one document (graphql-java stops parsing beyond it). */
    @WithDefault("5000")
    int maxTokens();

    /** Longest query text in characters (the request body as a whole is capped by quarkus.http.limits.max-body-size). */
    @WithDefault("50000")
    int maxQueryLength();

    /** Wall-clock budget of one execution; resolvers not started by then are skipped and the query fails. */
    @WithDefault("10S")
    Duration timeout();

    /**
     * How far a pooled connection's {@code statement_timeout} may differ from what is left of the
     * request's deadline before it is set again: a connection keeps the value of the request that
     * last set it, so most requests (which start with almost the whole budget) cost no extra round trip.
     */
    @WithDefault("1S")
    Duration statementTimeoutSlack();
}
