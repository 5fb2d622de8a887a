// Uses the types GraphQL Code Generator made from the published SDL (generated/operations.ts): tsc
// fails the check if nodes(ids:) stops taking [ID!]! or a selected field changes its type.
import type {
  OperationsCustomersQueryQuery,
  OperationsNodesQueryQueryVariables,
  OperationsCreateReportMutationMutationVariables,
} from "../generated/operations";

export const refetchVariables: OperationsNodesQueryQueryVariables = { ids: ["Q3VzdG9tZXI6MQ", "Q3VzdG9tZXI6Mg"] };

export const createVariables: OperationsCreateReportMutationMutationVariables = {
  input: { title: "Line down", description: "Since 9:00" },
};

export function names(page: OperationsCustomersQueryQuery): string[] {
  return (page.customers.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node.name] : []));
}
