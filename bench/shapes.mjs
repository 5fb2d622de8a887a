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

  // Pages real clients load (issue 17), not in the default READ_SHAPES: run them with
  // READ_SHAPES="agentTicket customer360 invoices secondPage nodes troubleTree ownReports ownInvoices queue".
  agentTicket: {
    title: "(f) agent's ticket page: report, customer, contact, notes, history, service troubles",
    ours: (rng, ctx) => ({
      query: `query AgentTicket($id: ID!) { problemReport(id: $id) { ${TICKET_FIELDS} description
          customer { id name segment } reportedBy { id name email phone }
          notes { visibility author body createdAt } statusHistory { from to actor changedAt }
          serviceTroubles { id number title status } } }`,
      variables: { id: gid("ProblemReport", int(rng, 1, ctx.problemReports)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query AgentTicket($id: BigInt!) { problemReportByRowId(rowId: $id) { ${TICKET_FIELDS} description
          customerByCustomerId { id name segment } contactByReportedById { id name email phone }
          ticketNotesByProblemReportId { nodes { visibility author body createdAt } }
          statusChangesByProblemReportId { nodes { fromStatus toStatus actor changedAt } }
          problemReportServiceTroublesByProblemReportId { nodes { serviceTroubleByServiceTroubleId { id number title status } } } } }`,
      variables: { id: String(int(rng, 1, ctx.problemReports)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0] ? null : "ticket not found"),
  },

  customer360: {
    title: "(g) customer 360: contacts, services, first reports, first invoices with lines",
    ours: (rng, ctx) => ({
      query: `query Customer360($id: ID!) { customer(id: $id) { id accountNumber name status segment
          contacts { id name email } services { id name state monthlyCharge { amount currency } }
          problemReports(first: 5) { totalCount edges { node { id number title status priority } } }
          invoices(first: 3) { edges { node { id number state totalAmount { amount currency } lines { description quantity } } } } } }`,
      variables: { id: gid("Customer", int(rng, 1, ctx.customers)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query Customer360($id: BigInt!) { customerByRowId(rowId: $id) { id accountNumber name status segment
          contactsByCustomerId(orderBy: [PRIMARY_KEY_ASC]) { nodes { id name email } }
          servicesByCustomerId(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { id name state monthlyCharge currency } }
          problemReportsByCustomerId(first: 5, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount edges { node { id number title status priority } } }
          invoicesByCustomerId(first: 3, orderBy: [BILL_DATE_ASC, PRIMARY_KEY_ASC]) { edges { node { id number state totalAmount currency
            invoiceLinesByInvoiceId(orderBy: [PRIMARY_KEY_ASC]) { nodes { description quantity } } } } } } }`,
      variables: { id: String(int(rng, 1, ctx.customers)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0] ? null : "customer not found"),
  },

  invoices: {
    title: "(h) a customer's invoices with lines, payments and adjustments",
    ours: (rng, ctx) => ({
      query: `query Invoices($customer: ID!) { invoices(first: 12, filter: { customerId: $customer },
          orderBy: { field: BILL_DATE, direction: DESC }) { totalCount edges { node { id number state billDate
            totalAmount { amount currency } amountDue { amount }
            lines { id description quantity } payments { id method reference paidAt } adjustments { id reason } } } } }`,
      variables: { customer: gid("Customer", int(rng, 1, ctx.customers)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query Invoices($customer: BigInt!) { allInvoices(first: 12, condition: { customerId: $customer },
          orderBy: [BILL_DATE_DESC, PRIMARY_KEY_DESC]) { totalCount edges { node { id number state billDate
            totalAmount currency adjustedAmount paidAmount
            invoiceLinesByInvoiceId { nodes { id description quantity } } paymentsByInvoiceId { nodes { id method reference paidAt } }
            adjustmentsByInvoiceId { nodes { id reason } } } } } }`,
      variables: { customer: String(int(rng, 1, ctx.customers)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0]?.edges?.length ? null : "no invoices"),
  },

  secondPage: {
    title: "(i) the second page of a filtered report queue (after a cursor)",
    ours: (rng, ctx) => {
      const after = int(rng, 1, ctx.problemReports);
      const number = `PR-${String(after).padStart(10, "0")}`;
      return {
        query: `query SecondPage($after: String, $status: [TicketStatus]) { problemReports(first: 20, after: $after,
            filter: { status: $status }, orderBy: { field: NUMBER, direction: ASC }) {
            edges { cursor node { id number title status priority updatedAt customer { name } } } pageInfo { hasNextPage endCursor } } }`,
        variables: { after: Buffer.from(`NUMBER\u001f${number}\u001f${after}`).toString("base64url"),
          status: pick(rng, QUEUE_STATUSES) },
      };
    },
    pgl: (rng, ctx) => {
      const after = int(rng, 1, ctx.problemReports);
      return {
        query: `query SecondPage($after: String!, $status: [String!]) { allProblemReports(first: 20,
            filter: { number: { greaterThan: $after }, status: { in: $status } }, orderBy: [NUMBER_ASC, PRIMARY_KEY_ASC]) {
            edges { cursor node { id number title status priority updatedAt customerByCustomerId { name } } } pageInfo { hasNextPage endCursor } } }`,
        variables: { after: `PR-${String(after).padStart(10, "0")}`, status: pick(rng, QUEUE_STATUSES) },
      };
    },
    check: (json) => graphqlErrors(json) ?? (Array.isArray(Object.values(json.data)[0]?.edges) ? null : "no edges"),
  },

  nodes: {
    title: "(j) nodes by id with fragments",
    ours: (rng, ctx) => ({
      query: `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename
          ... on Customer { name segment } ... on ProblemReport { number title status }
          ... on ProductOrder { number state } } }`,
      variables: { ids: [gid("Customer", int(rng, 1, ctx.customers)), gid("ProblemReport", int(rng, 1, ctx.problemReports)),
        gid("ProductOrder", int(rng, 1, 10 * ctx.customers)), gid("ProblemReport", int(rng, 1, ctx.problemReports))] },
    }),
    pgl: (rng, ctx) => ({
      query: `query Nodes($c: BigInt!, $r1: BigInt!, $o: BigInt!, $r2: BigInt!) {
          c: customerByRowId(rowId: $c) { id name segment } r1: problemReportByRowId(rowId: $r1) { id number title status }
          o: productOrderByRowId(rowId: $o) { id number state } r2: problemReportByRowId(rowId: $r2) { id number title status } }`,
      variables: { c: String(int(rng, 1, ctx.customers)), r1: String(int(rng, 1, ctx.problemReports)),
        o: String(int(rng, 1, 10 * ctx.customers)), r2: String(int(rng, 1, ctx.problemReports)) },
    }),
    check: (json) => graphqlErrors(json),
  },

  troubleTree: {
    title: "(k) SRE console: service troubles with children, alarms and resources",
    ours: () => ({
      query: `query Troubles { serviceTroubles(first: 10, filter: { status: [IN_PROGRESS, ACKNOWLEDGED] },
          orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number title status priority
            children { id number status } resourceTroubles { id number perceivedSeverity resource { name location } }
            problemReports { id number } } } } }`,
      variables: {},
    }),
    pgl: () => ({
      query: `query Troubles { allServiceTroubles(first: 10, filter: { status: { in: ["IN_PROGRESS", "ACKNOWLEDGED"] } },
          orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { edges { node { id number title status priority
            serviceTroublesByParentId { nodes { id number status } }
            serviceTroubleResourceTroublesByServiceTroubleId { nodes { resourceTroubleByResourceTroubleId { id number perceivedSeverity
              resourceByResourceId { name location } } } }
            problemReportServiceTroublesByServiceTroubleId { nodes { problemReportByProblemReportId { id number } } } } } } }`,
      variables: {},
    }),
    check: (json) => graphqlErrors(json),
  },

  // A portal user's own pages (the bench mints an agent token, so the scope is the customer filter).
  ownReports: {
    title: "(l) a customer's own reports page with contacts and orders",
    ours: (rng, ctx) => ({
      query: `query OwnReports($id: ID!) { customer(id: $id) { name
          problemReports(first: 10) { totalCount edges { cursor node { id number title status updatedAt
            reportedBy { name } relatedOrder { number state } relatedService { name } } } pageInfo { hasNextPage endCursor } } } }`,
      variables: { id: gid("Customer", int(rng, 1, ctx.customers)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query OwnReports($id: BigInt!) { customerByRowId(rowId: $id) { name
          problemReportsByCustomerId(first: 10, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount edges { cursor node {
            id number title status updatedAt contactByReportedById { name } productOrderByRelatedOrderId { number state }
            serviceByRelatedServiceId { name } } } pageInfo { hasNextPage endCursor } } } }`,
      variables: { id: String(int(rng, 1, ctx.customers)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0] ? null : "customer not found"),
  },

  ownInvoices: {
    title: "(m) a customer's own orders and invoices (lists of lists)",
    ours: (rng, ctx) => ({
      query: `query OwnInvoices($id: ID!) { customer(id: $id) { name
          orders(first: 5, orderBy: { field: ORDER_DATE, direction: DESC }) { edges { node { number state items { productName total { amount currency } } } } }
          invoices(first: 6, orderBy: { field: BILL_DATE, direction: DESC }) { edges { node { number state amountDue { amount currency } lines { description } } } } } }`,
      variables: { id: gid("Customer", int(rng, 1, ctx.customers)) },
    }),
    pgl: (rng, ctx) => ({
      query: `query OwnInvoices($id: BigInt!) { customerByRowId(rowId: $id) { name
          productOrdersByCustomerId(first: 5, orderBy: [ORDER_DATE_DESC, PRIMARY_KEY_DESC]) { edges { node { number state
            orderItemsByOrderId(orderBy: [ITEM_NUMBER_ASC]) { nodes { productName quantity unitPrice currency } } } } }
          invoicesByCustomerId(first: 6, orderBy: [BILL_DATE_DESC, PRIMARY_KEY_DESC]) { edges { node { number state totalAmount paidAmount adjustedAmount currency
            invoiceLinesByInvoiceId(orderBy: [PRIMARY_KEY_ASC]) { nodes { description } } } } } } }`,
      variables: { id: String(int(rng, 1, ctx.customers)) },
    }),
    check: (json) => graphqlErrors(json) ?? (Object.values(json.data)[0] ? null : "customer not found"),
  },

  // An agent app's queue page: the unassigned tickets of the chosen states, soonest SLA due first
  // (ordering and queue as the app's variables), with assignee, work group, category and customer.
  queue: {
    title: "(n) agent's queue: 50 unassigned tickets by SLA due with assignee, category and customer",
    ours: (rng) => ({
      query: `query Queue($status: [TicketStatus], $queue: TicketQueueFilter, $order: TicketOrder) {
          problemReports(first: 50, filter: { status: $status, queue: $queue }, orderBy: $order) { totalCount
            edges { cursor node { ${TICKET_FIELDS} assignee { id name } workGroup { id name } category { id name }
              customer { id name segment } } } pageInfo { hasNextPage endCursor } } }`,
      variables: { status: pick(rng, QUEUE_STATUSES), queue: { unassigned: true }, order: { field: "SLA_DUE", direction: "ASC" } },
    }),
    pgl: (rng) => ({
      query: `query Queue($status: [String!]) { allProblemReports(first: 50,
          filter: { status: { in: $status }, assigneeId: { isNull: true } }, orderBy: [RESOLUTION_DUE_ORDER_ASC, PRIMARY_KEY_ASC]) {
            totalCount edges { cursor node { ${TICKET_FIELDS} agentByAssigneeId { id name } workGroupByWorkGroupId { id name }
              ticketCategoryByCategoryId { id name } customerByCustomerId { id name segment } } } pageInfo { hasNextPage endCursor } } }`,
      variables: { status: pick(rng, QUEUE_STATUSES) },
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
