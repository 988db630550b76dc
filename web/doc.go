// Package web is civicgraph's browser interface: plain HTML, CSS and
// JavaScript, embedded in the binary with embed, that read everything
// through the GraphQL API (POST /graphql) of the same server. Nothing is
// fetched from elsewhere: it works offline, on an intranet.
//
// [New] returns an http.Handler serving
//
//	GET /                         the start page: what the store holds, search, the ways in
//	GET /search                   search as you type
//	GET /page/{kind}/{slug}       an entity's page (properties, labels, related entities,
//	                              references, neighbourhood picture, downloads)
//	GET /paths                    paths between two entities
//	GET /bibliography             references with facets, filters and BibTeX/RIS/CSL-JSON
//	GET /console                  the GraphQL console (also GET /graphql from a browser)
//	GET /import                   upload a file to import (needs the bearer token)
//	GET /compare                  the comparison of administrations
//	GET /assets/{file}            the scripts and style sheets
//
// Every page path answers the same app shell (index.html), whose script
// reads the path and builds the page. Assets linked from the shell carry
// ?v= and the hash of their content, and are cached for a year; any other
// request of an asset, and the shell, are revalidated with their ETag.
// Unknown assets and paths answer 404.
//
// The package imports only the standard library: the server does not
// import it, the binary hands [New]'s handler to the server's options.
package web
