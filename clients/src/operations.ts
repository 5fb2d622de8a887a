// A typical client operation set: Relay-style refetch by id, paging, a mutation with payload and
// userErrors, a subscription. relay-compiler and graphql's validate check it against the published SDL.
import { graphql } from "relay-runtime";

export const customers = graphql`
  query operationsCustomersQuery($first: Int, $after: String) {
    customers(first: $first, after: $after) {
      totalCount
      edges { cursor node { id name segment status createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const refetch = graphql`
  query operationsNodesQuery($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Customer { name } ... on ProblemReport { number status } }
  }
`;

export const createReport = graphql`
  mutation operationsCreateReportMutation($input: ProblemReportCreateInput!) {
    problemReportCreate(input: $input) {
      problemReport { id number status }
      userErrors { field message code }
    }
  }
`;

export const statusChanges = graphql`
  subscription operationsStatusSubscription {
    ticketStatusChanged { eventId status }
  }
`;
