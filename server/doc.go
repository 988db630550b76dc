// Package server is civicgraph's HTTP interface. [New] returns one
// http.Handler serving
//
//	POST /graphql   GraphQL queries and mutations (JSON body: query, operationName, variables)
//	GET  /graphql   GraphQL queries (URL parameters query, operationName, variables); mutations need POST
//	GET  /healthz   the process is up
//	GET  /readyz    the store answers (503 once it is closed)
//	GET  /metrics   Prometheus metrics
//
// on a stdlib ServeMux with method patterns. The GraphQL schema is the SDL
// of [schema.GraphQL], parsed by graphql-go with its descriptions kept
// ([NewSchema]); the resolvers are package queries, so the server holds no
// query logic of its own.
//
// # Requests
//
// Every request gets an id (the client's X-Request-Id when it is 1 to 64
// letters, digits, dots, dashes or underscores, else a random one), echoed
// in the response and logged with the method, path, status, size and
// duration through the Options.Logger. Headers are never logged, so the
// token is not either.
//
// # Limits
//
// Each limit has a default in [DefaultOptions] and cannot be switched off.
// A request that hits one gets a GraphQL error with the code LIMIT and the
// extensions "limit" (its name) and "value" (the configured value), and no
// data:
//
//	body size     the request body (http.MaxBytesReader; status 413)
//	query length  the query text
//	depth         the nesting of fields (graphql-go's MaxDepth; at least 15 for introspection)
//	cost          an estimate made before running: every field costs the product of the list
//	              sizes above it (first or limit arguments, their schema defaults, 20 for
//	              other lists, 1 for a connection's edges and nodes; introspection costs 1)
//	result size   the JSON of the response
//	page size     a list's first argument (from the resolvers, with the field's path)
//	nodes         what neighbors returns and paths visits (idem)
//	timeout       the time of the request; its context reaches the store's scans, which stop
//	              (the error has the code TIMEOUT)
//
// # Writes
//
// Mutations need "Authorization: Bearer <token>", compared in constant time
// with Options.Token; none are possible without a configured token or with
// ReadOnly. A browser on another origin cannot send the header without a
// CORS preflight that only configured origins pass, so writes are never
// allowed cross-origin without the token. The importData mutation runs
// the importers on an upload (bounded by the body size limit), replacing
// the graph of its source name.
//
// # CORS
//
// rs/cors is installed only when Options.CORSOrigins is set: rs/cors allows
// every origin when given none, and no origins must mean no CORS headers.
//
// # Metrics
//
// Collectors live in a registry of the server's own, never the global one:
// civicgraph_http_requests_total{route,code},
// civicgraph_http_request_duration_seconds{route},
// civicgraph_graphql_errors_total{code}, civicgraph_limit_hits_total{limit},
// civicgraph_store_quads, civicgraph_store_terms,
// civicgraph_store_disk_bytes, and the Go and process collectors.
//
// # Caveats
//
//   - The cost estimate reads the query with a small parser of its own
//     (graphql-go keeps its parser internal); a document it cannot read is
//     run without a cost check and left to graphql-go to reject.
//   - A response is built in memory before the result size limit is
//     checked; the page and nodes limits bound how big it can get.
//   - graphql-go answers some request errors (argument coercion) with an
//     empty data object; the handler drops data whenever an error has no
//     path, so a request error never comes with data.
package server
