package schema

import _ "embed"

//go:embed schema.graphql
var graphQLSDL string

// GraphQL returns the GraphQL schema (SDL) of the API: the Node interface,
// a type per class with fields for the ontology's properties and relations,
// lists with filters and Relay pagination, traversal, raw triples and
// mutations. Its resolvers are in package queries.
func GraphQL() string { return graphQLSDL }
