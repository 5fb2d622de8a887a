// The query shapes, written once for both servers. Each shape makes a request for a given
// pseudo-random number generator (ids are computed from the data set's id layout, see data.sql)
// and checks the answer: no GraphQL errors and the data the shape asked for.
//   ours: the SupportGraph service (global ids, connections with our filter/orderBy inputs)
//   pgl:  PostGraphile 5 with the connection-filter plugin (rowId lookups, allXxx connections)
// The bound for SQL statements per request is the depth of the query (load.mjs depth).

const T0 = Date.parse("2026-11-01T00:00:00Z"); // data.sql's t0()
const YEAR_S = 31536000;

export const gid = (type, id) => Buffer.from(`${type}:${id}`).toString("base64url");
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = (rng, values) => values[Math.floor(rng() * values.length)];
// A time in the last 90% of the data set's year: at least a tenth of the tickets are older.
const isoBefore = (rng) => new Date(T0 - Math.floor(rng() * 0.9 * YEAR_S) * 1000).toISOString();

const TICKET_FIELDS = "id number title status priority severity createdAt updatedAt version";
const QUEUE_STATUSES = [["IN_PROGRESS"], ["IN_PROGRESS", "PENDING"], ["ACKNOWLEDGED", "IN_PROGRESS", "PENDING", "HELD"]];
const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

function graphqlErrors(json) {
  if (!json || typeof json !== "object") return "no JSON body";
  if (json.errors && json.errors.length) return "GraphQL errors: " + JSON.stringify(json.errors).slice(0, 400);
  if (!json.data) return "no data";
  return null;
}

export const shapes = {
  ticket: {
    title: "(a) ticket by id",
    ours: (rng, ctx) => ({
      query: `query Ticket($id: ID!) { problemReport(id: $id) { ${TICKET_FIELDS} } }`,
      variables: { id: gid("ProblemReport", int(rng, 1, ctx.problemReports)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query Ticket($id: BigInt!) { problemReportByRowId(rowId: $id) { ${TICKET_FIELDS} } }`,
      variables: { id: String(int(rng, 1, ctx.problemReports)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0] ? null : "ticket not found"),
  },

  nested: {
    title: "(b) customer -> 20 orders -> items",
    ours: (rng, ctx) => ({
      query: `query Nested($id: ID!) { customer(id: $id) { id accountNumber name
          orders(first: 20) { edges { node { id number state orderDate
            items { id itemNumber productName quantity unitPrice { amount currency } } } } } } }`,
      variables: { id: gid("Customer", int(rng, 1, ctx.customers)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query Nested($id: BigInt!) { customerByRowId(rowId: $id) { id accountNumber name
          productOrdersByCustomerId(first: 20, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { edges { node { id number state orderDate
            orderItemsByOrderId(orderBy: [ITEM_NUMBER_ASC]) { nodes { id itemNumber productName quantity unitPrice currency } } } } } } }`,
      variables: { id: String(int(rng, 1, ctx.customers)) },
    }),
    check: (json) => {
      const err = graphqlErrors(json);
      if (err) return err;
      const c = Object.values(json.data)[0];
      if (!c) return "customer not found";
      const orders = (c.orders ?? c.productOrdersByCustomerId).edges;
      if (orders.length !== 10) return `expected 10 orders, got ${orders.length}`;
      const items = orders[0].node.items ?? orders[0].node.orderItemsByOrderId.nodes;
      return items.length === 3 ? null : `expected 3 items, got ${items.length}`;
    },
  },

  nplus1: {
    title: "(c) 50 problem reports with customer, contact, service",
    ours: (rng) => ({
      query: `query Reports($before: DateTime) { problemReports(first: 50, filter: { createdTo: $before },
            orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number title status
          customer { id name } reportedBy { id name email } relatedService { id name state } } } } }`,
      variables: { before: isoBefore(rng) },
    }),
    pgl: (rng) => ({
      query: `query Reports($before: Datetime) { allProblemReports(first: 50, filter: { createdAt: { lessThan: $before } },
            orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { edges { node { id number title status
          customerByCustomerId { id name } contactByReportedById { id name email } serviceByRelatedServiceId { id name state } } } } }`,
      variables: { before: isoBefore(rng) },
    }),
    check: (json, ctx) => {
      const err = graphqlErrors(json);
      if (err) return err;
      const edges = Object.values(json.data)[0].edges;
      const want = Math.min(50, Math.floor(ctx.problemReports / 10) - 1);
      if (edges.length < want) return `expected ~${want} reports, got ${edges.length}`;
      const n = edges[0]?.node;
      return n && (n.customer ?? n.customerByCustomerId) ? null : "report without customer";
    },
  },

  page: {
    title: "(d) filtered, ordered page of tickets",
    ours: (rng) => ({
      query: `query Queue($status: [TicketStatus], $priority: [TicketPriority], $before: DateTime) {
          problemReports(first: 20, filter: { status: $status, priority: $priority, updatedTo: $before },
            orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount
          edges { cursor node { id number title status priority updatedAt } } pageInfo { hasNextPage endCursor } } }`,
      variables: { status: pick(rng, QUEUE_STATUSES), priority: [pick(rng, PRIORITIES)], before: isoBefore(rng) },
    }),
    pgl: (rng) => ({
      query: `query Queue($status: [String!], $priority: String, $before: Datetime) {
          allProblemReports(first: 20, filter: { status: { in: $status }, priority: { equalTo: $priority }, updatedAt: { lessThan: $before } },
            orderBy: [UPDATED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount
          edges { cursor node { id number title status priority updatedAt } } pageInfo { hasNextPage endCursor } } }`,
      variables: { status: pick(rng, QUEUE_STATUSES), priority: pick(rng, PRIORITIES), before: isoBefore(rng) },
    }),
    check: (json) => graphqlErrors(json) ?? (Array.isArray(Object.values(json.data)[0]?.edges) ? null : "no edges"),
  },

  // Toggles problem reports between IN_PROGRESS and HELD. The ticket (id, version, status) comes
  // from a pool that load.mjs manages so no ticket is changed by two requests at once.
  mutation: {
    title: "(e) status change (problem report transition)",
    stateful: true,
    ours: (rng, ctx, t) => ({
      query: `mutation Transition($input: TicketTransitionInput!) { problemReportTransition(input: $input) {
          problemReport { id status version } userErrors { field message code } } }`,
      variables: { input: { id: gid("ProblemReport", t.id), expectedVersion: t.version, to: next(t) } },
    }),
    pgl: (rng, ctx, t) => ({
      query: `mutation Transition($input: BenchProblemReportTransitionInput!) { benchProblemReportTransition(input: $input) {
          result { id status version } } }`,
      variables: { input: { reportId: String(t.id), expectedVersion: String(t.version), toStatus: next(t) } },
    }),
    check: (json, ctx, t) => {
      const err = graphqlErrors(json);
      if (err) return err;
      const payload = Object.values(json.data)[0];
      if (payload.userErrors?.length) return "userErrors: " + JSON.stringify(payload.userErrors);
      const r = payload.problemReport ?? payload.result;
      if (!r || r.status !== next(t) || Number(r.version) !== t.version + 1) return "unexpected result " + JSON.stringify(r);
      t.status = r.status;
      t.version = Number(r.version);
      return null;
    },
  },
};

function next(ticket) {
  return ticket.status === "IN_PROGRESS" ? "HELD" : "IN_PROGRESS";
}

/** Deterministic PRNG (mulberry32) so both servers get the same sequence of requests. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
