// introspect.mjs: check that a standard GraphQL client can use civicgraph.
//
//   node introspect.mjs URL GRAPHQL_JS_DIR
//
// URL is the GraphQL endpoint of a running server; GRAPHQL_JS_DIR is a
// directory where npm installed graphql@16 (node_modules/graphql). The
// script sends graphql-js's introspection query (the one GraphiQL sends on
// start) with the options the server supports, builds a client schema from
// the answer, checks it, validates a few queries against it, and prints a
// JSON summary. It exits 1 on any failure.
import { createRequire } from 'node:module';
import path from 'node:path';

const [url, dir] = process.argv.slice(2);
if (!url || !dir) {
  console.error('usage: node introspect.mjs URL GRAPHQL_JS_DIR');
  process.exit(2);
}
const require = createRequire(path.resolve(dir) + '/');
const {
  getIntrospectionQuery, buildClientSchema, assertValidSchema, printSchema,
  parse, validate, version,
} = require('graphql');

async function post(query) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const fail = (msg) => { console.error('introspect: ' + msg); process.exit(1); };

try {
  // graphql-go v1.11.0 has no __Schema.description, __Directive.isRepeatable
  // or __Type.isOneOf, so those options stay off; descriptions and
  // deprecated input values are asked for, as GraphiQL does.
  const data = await post(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
  const schema = buildClientSchema(data);
  assertValidSchema(schema);
  const sdl = printSchema(schema);
  const procurement = schema.getType('Procurement');
  if (!procurement) fail('no Procurement type');
  if (!procurement.description) fail('descriptions were dropped (Procurement has none)');
  if (!schema.getType('Node') || schema.getPossibleTypes(schema.getType('Node')).length < 10) fail('Node has too few implementations');
  if (!schema.getMutationType()) fail('no mutation type');
  const queries = [
    '{ procurements(first: 5) { totalCount edges { cursor node { id title buyer { label } engagements { totalCount nodes { actor { label } stage { label } } } } } pageInfo { hasNextPage endCursor } } }',
    'query($iri: String!) { node(iri: $iri) { id ... on Actor { engagements { nodes { id } } } ... on Concept { broader { id } } } }',
    '{ paths(from: "a", to: "b") { length hops { predicate forward } } neighbors(iri: "a") { truncated } }',
  ];
  for (const q of queries) {
    const errs = validate(schema, parse(q));
    if (errs.length) fail(`query ${q} does not validate: ${errs.map((e) => e.message).join('; ')}`);
  }
  // A query that must not validate, so that validate is not vacuous.
  if (!validate(schema, parse('{ procurements { nope } }')).length) fail('an invalid query validated');
  console.log(JSON.stringify({
    graphqlJS: version,
    types: Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__')).length,
    sdlBytes: sdl.length,
    ok: true,
  }));
} catch (err) {
  fail(err.stack || String(err));
}
