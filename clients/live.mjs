// Real operations of Apollo Client 4 (with its persisted-query link) and urql 6 (graphcache, GET
// for queries) against a running SupportGraph: ClientLibrariesIT runs it against the packaged app.
// SUPPORTGRAPH_URL: the /graphql endpoint; SUPPORTGRAPH_TOKEN: an admin bearer token.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { buildSchema, introspectionFromSchema } from "graphql";

const url = process.env.SUPPORTGRAPH_URL;
const headers = { authorization: `Bearer ${process.env.SUPPORTGRAPH_TOKEN}` };

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** fetch, recording each request's method and whether it carried the document. */
const requests = [];
function recordingFetch(input, init = {}) {
  const target = String(input);
  const body = typeof init.body === "string" ? init.body : "";
  requests.push({ method: init.method ?? "GET", withQuery: body.includes('"query"') || /[?&]query=/.test(target) });
  return fetch(input, init);
}

const UPSERT = gql`
  mutation Upsert($input: CustomerUpsertInput!) {
    customerUpsert(input: $input) { customer { id name } userErrors { field message code } }
  }
`;
const NODES = gql`
  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name segment } } }
`;

function apollo() {
  const sha256 = (text) => createHash("sha256").update(text).digest("hex");
  return new ApolloClient({
    link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: url, headers, fetch: recordingFetch })),
    cache: new InMemoryCache({ possibleTypes: { Node: ["Customer"] } }),
  });
}

// --- Apollo Client 4: mutations, then Relay-style nodes(ids: [ID!]!) through persisted queries --
const client = apollo();
const created = [];
for (const name of ["Apollo One", "Apollo Two"]) {
  const input = { externalId: `live-${randomUUID()}`, accountNumber: randomUUID().slice(0, 12), name,
    segment: "ENTERPRISE", creditRating: 700 };
  const { data } = await client.mutate({ mutation: UPSERT, variables: { input } });
  check(data.customerUpsert.userErrors.length === 0, `customerUpsert: ${JSON.stringify(data.customerUpsert.userErrors)}`);
  created.push(data.customerUpsert.customer);
}
const ids = [created[1].id, created[0].id];
requests.length = 0;
const first = await client.query({ query: NODES, variables: { ids } });
check(first.data.nodes.map((node) => node.name).join() === "Apollo Two,Apollo One", `Apollo nodes: ${JSON.stringify(first.data)}`);
// The persisted-query protocol: the hash alone first, the document once the server asks for it.
check(requests.length === 2 && !requests[0].withQuery && requests[1].withQuery, `APQ registration: ${JSON.stringify(requests)}`);
requests.length = 0;
const again = await apollo().query({ query: NODES, variables: { ids } });
check(again.data.nodes.length === 2, `Apollo nodes again: ${JSON.stringify(again.data)}`);
check(requests.length === 1 && !requests[0].withQuery, `APQ hit (hash only): ${JSON.stringify(requests)}`);
console.log("Apollo Client 4: mutations, nodes(ids: [ID!]!), persisted queries registered and hit: OK");

// --- urql 6 with graphcache, schema-aware from the published SDL; queries over GET -------------
const sdl = readFileSync(new URL("../src/main/resources/published-schema.graphql", import.meta.url), "utf8");
const urql = new Client({
  url,
  fetch: recordingFetch,
  fetchOptions: { headers },
  exchanges: [cacheExchange({ schema: introspectionFromSchema(buildSchema(sdl)) }), fetchExchange],
});
requests.length = 0;
const page = await urql.query(`query Page($first: Int) {
  customers(first: $first) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}`, { first: 100 }).toPromise();
check(!page.error, `urql customers: ${page.error}`);
const names = page.data.customers.edges.map((edge) => edge.node.name);
check(names.includes("Apollo One") && names.includes("Apollo Two"), `urql customers: ${names}`);
check(requests.length === 1 && requests[0].method === "GET", `urql queries over GET: ${JSON.stringify(requests)}`);
const nodes = await urql.query(`query UrqlNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }`,
  { ids }).toPromise();
check(!nodes.error && nodes.data.nodes.map((node) => node.name).join() === "Apollo Two,Apollo One",
  `urql nodes: ${nodes.error ?? JSON.stringify(nodes.data)}`);
const cached = await urql.query(`query UrqlNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }`,
  { ids }).toPromise();
check(cached.data.nodes.length === 2 && cached.operation.context.meta?.cacheOutcome === "hit", "graphcache answers a repeat from its cache");
console.log("urql 6 + graphcache: GET queries, nodes(ids: [ID!]!), cache hit: OK");
console.log("clients/live.mjs: OK");
