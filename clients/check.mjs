// Builds the published SDL with graphql-js (as codegen, inspector and graphcache do) and validates
// the operations of src/operations.ts against it.
import { readFileSync } from "node:fs";
import { buildSchema, parse, validate, assertValidSchema } from "graphql";

const schema = buildSchema(readFileSync(new URL("../src/main/resources/published-schema.graphql", import.meta.url), "utf8"));
assertValidSchema(schema);
const source = readFileSync(new URL("./src/operations.ts", import.meta.url), "utf8");
const documents = [...source.matchAll(/graphql`([^`]*)`/g)].map((match) => match[1]);
let failures = 0;
for (const text of documents) {
  for (const error of validate(schema, parse(text))) {
    failures++;
    console.error(`invalid operation: ${error.message}`);
  }
}
console.log(`graphql-js: schema valid, ${documents.length} operations checked, ${failures} errors`);
process.exit(failures === 0 ? 0 : 1);
