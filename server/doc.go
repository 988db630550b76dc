// Package server is civicgraph's HTTP interface. [New] returns one
// http.Handler serving
//
//	POST /graphql   GraphQL queries and mutations (JSON body: query, operationName, variables),
//	                or a multipart request with files (see Uploads)
//	GET  /graphql   GraphQL queries (URL parameters query, operationName, variables); mutations need POST
//	GET  /healthz   the process is up
//	GET  /readyz    the store answers and the server takes requests (503 once the store is
//	                closed, or while every request slot is taken and the queue is full)
//	GET  /metrics   Prometheus metrics
//	GET  /admin/backup  the store's backup (graph.Store.Backup, what restore reads) of a
//	                consistent view, streamed; needs the token
//	GET  /id/{kind}/{slug}    an entity's IRI: 303 to /page/... (HTML) or /data/....ttl|.nt|.jsonld|.rdf by Accept
//	GET  /data/{kind}/{slug}  its Concise Bounded Description, by extension (.ttl, .nt, .jsonld, .rdf) or Accept
//	GET  /fragments           Triple Pattern Fragments (subject, predicate, object, page)
//	GET  /.well-known/void    the dataset description (VoID and DCAT)
//
// # Linked data
//
// /id follows the 303 pattern of "Cool URIs for the Semantic Web": the path
// after /id/ is the IRI relative to Options.Base, an entity the store does
// not describe is 404, and an Accept header that takes neither HTML nor
// an RDF syntax offered is 406 with the list; responses that depend on
// Accept say Vary: Accept. Absolute URLs (fragment controls, the dataset
// description) start with Options.PublicURL, or the request's scheme and
// host. RDF is written by writeRDF (negotiate.go), the one place that picks
// a writer, from the rdf.Format table (the syntaxes that have a writer). The logic that is not HTTP is in
// package queries: Describe, Fragment, DatasetDescription.
//
// Fragments are over the union of the graphs, each triple once, 100 a
// page; page N skips (N-1)×100 triples with a scan (the store has no seek
// past a key), so deep pages cost more. Counts are exact when the scan
// reached the end or one graph holds the triples; otherwise they are the
// quads matching in all graphs, an upper bound, and the page says so.
//
// # GraphQL over HTTP
//
// Responses are application/json, with status 200 for every GraphQL
// error, unless the client's Accept prefers
// application/graphql-response+json (GraphQL over HTTP): then the response
// has that type, and a request error (a syntax or validation error, or a
// limit met before the query runs, so no data) has status 400. Errors
// while running (with data, even null) keep 200. Malformed bodies (400),
// bodies over the limit (413), uploads without the token (401, 403),
// mutations over GET (405) and refusals while busy (503) have their status
// whatever the client accepts.
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
//	body size     the request body (http.MaxBytesReader; status 413), and the operations and
//	              map fields of a multipart request
//	upload size   the body of a multipart request (status 413)
//	query length  the query text
//	depth         the nesting of fields (graphql-go's MaxDepth; at least 15 for introspection)
//	cost          an estimate made before running: every field costs the product of the list
//	              sizes above it (first or limit arguments, literal or from a variable's value
//	              or default, else their schema defaults, 20 for other lists, 1 for a
//	              connection's edges and nodes; introspection costs 1), plus, for fields that
//	              scan, the rows they touch, from the store's class counts (read at most every
//	              5 s): a root list with a filter or an order other than IRI costs the instances
//	              of its class, one without a 16th of them; stats.distinctSubjects a 16th of
//	              the quads; paths the nodes limit
//	in flight     GraphQL requests without the token that run at once (MaxInFlight); up to
//	              MaxQueue more wait up to QueueWait; the rest get 503 with Retry-After
//	result size   the JSON of the response
//	page size     a list's first argument (from the resolvers, with the field's path)
//	nodes         what neighbors returns and paths visits (idem)
//	timeout       the time of the request; its context reaches the store's scans, which stop
//	              (the error has the code TIMEOUT)
//
// # Writes
//
// Mutations need "Authorization: Bearer <token>" (the scheme in any case,
// as HTTP says), compared in constant time with Options.Token; none are possible without a configured token or with
// ReadOnly. A browser on another origin cannot send the header without a
// CORS preflight that only configured origins pass, so writes are never
// allowed cross-origin without the token. The importData mutation runs
// the importers on its content, replacing the graph of its source name.
//
// # Uploads
//
// POST /graphql also takes the GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec), so that
// importData can import a file bigger than the body size limit:
//
//	curl -H "Authorization: Bearer $T" \
//	  -F operations='{"query":"mutation($f: String!){ importData(content: $f, format: \"bibtex\", name: \"refs.bib\") { graph quads } }","variables":{"f":null}}' \
//	  -F map='{"0":["variables.f"]}' -F 0=@refs.bib http://127.0.0.1:8080/graphql
//
// The fields come in the spec's order: operations (one request; batches
// are refused), map (file field name to paths such as "variables.f" or
// "variables.input.files.0", each already in the variables as null),
// then the files. Each file must be UTF-8 (the error names the
// field, the file name and the byte offset and line of the first bad
// byte) and becomes a string in the variables it maps to, so importData
// keeps content: String! and a file goes anywhere a string does. A
// multipart request is refused with 401 or 403 from its headers unless it
// carries the token and the server takes writes: a browser posts
// multipart/form-data from any origin without a CORS preflight, and the
// server should not read up to MaxUploadBytes for nobody. Mistakes in the
// fields (a missing or misplaced field, bad JSON, a path not in the
// variables, a file not in the map or missing from the request) are 400
// with the code BAD_INPUT and a message naming the field.
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
// civicgraph_imports_total{format,result} (result ok or error; format is
// the importer's, "unknown" for one it does not know and csv for every CSV
// template, so clients cannot add series), civicgraph_import_quads_total,
// civicgraph_import_duration_seconds{format},
// civicgraph_store_quads, civicgraph_store_terms,
// civicgraph_store_disk_bytes, and the Go and process collectors.
//
// # Caveats
//
//   - The cost estimate reads the query with a parser of its own
//     (graphql-go keeps its parser internal, so each document is parsed
//     twice), which follows graphql-go's grammar on the same text/scanner
//     tokens. It fails closed: a document it cannot read is not run; the
//     client gets graphql-go's syntax or validation errors, or BAD_INPUT
//     if graphql-go would have taken it. FuzzParseDocument checks that
//     every document graphql-go validates, the parser reads.
//   - Cost counts are estimates: a class's count is its rdf:type
//     assertions summed over graphs, and the scan weights are fixed.
//   - A response is built in memory before the result size limit is
//     checked; the page and nodes limits bound how big it can get.
//   - An uploaded file is held in memory as a string while it is imported
//     (graphql-go has no streaming input); MaxUploadBytes bounds it.
//   - An upload (a multipart request, once its token is checked) runs
//     under UploadTimeout (5 minutes by default) instead of Timeout, and
//     its connection's read and write deadlines are moved past it.
//   - graphql-go answers some request errors (argument coercion) with an
//     empty data object; the handler drops data whenever an error has no
//     path, so a request error never comes with data.
package server
