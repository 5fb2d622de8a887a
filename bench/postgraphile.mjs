// The peer: PostGraphile 5 (Amber preset + connection filter) over the benchmark database.
// Schemas public (the app's tables) and bench (bench/postgraphile.sql: the status-change mutation
// as a function, which PostGraphile exposes as a custom mutation).
// Usage: node postgraphile.mjs <connectionString> <port> [poolSize]
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const [connectionString, port, poolSize = "20"] = process.argv.slice(2);

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Every column orderable, as in PostGraphile 4's default (ignoreIndexes): the pages order by
  // columns without an index of their own (e.g. a customer's services by name), as ours do.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ["public", "bench"],
      // Same pool size as the service under test (quarkus.datasource.jdbc.max-size).
      poolConfig: { max: Number(poolSize) },
    }),
  ],
  grafserv: { port: Number(port), graphqlPath: "/graphql", websockets: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(port), "127.0.0.1", () => console.log(`PostGraphile listening on ${port}`));
const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
