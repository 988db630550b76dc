package server

import (
	"log/slog"
	"runtime"
	"time"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Options configures [New]. Zero limits mean the defaults of
// [DefaultOptions]; limits cannot be switched off.
type Options struct {
	// Store is the store served. Required.
	Store *graph.Store
	// Schema is the domain model used to validate writes; nil loads it.
	Schema *schema.Schema
	// Logger receives request logs; nil means no logs.
	Logger *slog.Logger
	// Base is the base IRI of instances; "" means schema.DefaultBase.
	Base string
	// PublicURL is the scheme and host (and path prefix, if any) under
	// which clients reach the server, such as "https://kg.example.org",
	// for the absolute URLs of the linked-data responses (the fragments'
	// controls, the dataset description). Empty means the scheme and Host
	// of each request.
	PublicURL string
	// CORSOrigins are the origins allowed to call the API from a browser
	// ("https://example.org", or "*"). Empty means no CORS headers at all,
	// so browsers keep other origins out.
	CORSOrigins []string
	// Token is the bearer token writes need. Empty means no writes.
	Token string
	// ReadOnly refuses every write, token or not.
	ReadOnly bool
	// MaxBodyBytes bounds a request body, in bytes (default 1 MiB). In a
	// multipart request it bounds the operations and map fields.
	MaxBodyBytes int64
	// MaxUploadBytes bounds the body of a multipart request (a GraphQL
	// request with files), in bytes (default 64 MiB). Only requests with
	// the token may send one; each file is held in memory while it is
	// imported.
	MaxUploadBytes int64
	// MaxQueryLength bounds a GraphQL query, in bytes (default 64 KiB).
	MaxQueryLength int
	// MaxDepth bounds the nesting of a GraphQL query (default 20; the
	// standard introspection query needs about 15).
	MaxDepth int
	// MaxCost bounds the estimated cost of a query: the sum over its fields
	// of the product of the list sizes above them (default 100000).
	MaxCost int
	// MaxResultBytes bounds the JSON of a response, in bytes (default 16 MiB).
	MaxResultBytes int
	// MaxPage bounds the first argument of lists (default 1000).
	MaxPage int
	// MaxNodes bounds the nodes neighbors returns and paths visits (default 10000).
	MaxNodes int
	// Timeout bounds the time of one request (default 10 s). Its context
	// reaches the store's scans, which stop when it expires.
	Timeout time.Duration
	// MaxInFlight bounds the light GraphQL requests without the token
	// (estimated cost under HeavyCost) that run at once (default 4 times
	// GOMAXPROCS). Requests with the token pass.
	MaxInFlight int
	// MaxHeavy bounds the heavy ones (cost HeavyCost or more) that run at
	// once (default half of GOMAXPROCS, at least 1), so that they never
	// hold every core.
	MaxHeavy int
	// HeavyCost is the estimated cost from which a request is heavy
	// (default 10000: a list that scans a class of 10,000 instances, or
	// a page of 1,000 entities with ten fields).
	HeavyCost int
	// MaxQueue bounds the requests waiting for a slot (default 256); past
	// it, and after QueueWait in the queue, a request gets 503 with
	// Retry-After, and /readyz says busy while every light slot is taken
	// and the queue is full.
	MaxQueue int
	// QueueWait bounds the time a request waits in the queue (default 5 s).
	QueueWait time.Duration
	// UploadTimeout bounds the time of a multipart request with files, from
	// its arrival to the end of its import (default 5 minutes); the
	// request's read and write deadlines are moved past it once the request
	// is known to carry the token.
	UploadTimeout time.Duration
	// Web is the browser interface served at / (package web's Handler);
	// nil serves none, and GET /graphql answers browsers with JSON.
	Web WebUI
}

// DefaultOptions returns the default limits, with no store.
func DefaultOptions() Options {
	return Options{
		MaxBodyBytes:   1 << 20,
		MaxUploadBytes: 64 << 20,
		MaxQueryLength: 64 << 10,
		MaxDepth:       20,
		MaxCost:        100000,
		MaxResultBytes: 16 << 20,
		MaxPage:        1000,
		MaxNodes:       10000,
		Timeout:        10 * time.Second,
		UploadTimeout:  5 * time.Minute,
		MaxInFlight:    4 * runtime.GOMAXPROCS(0),
		MaxHeavy:       max(runtime.GOMAXPROCS(0)/2, 1),
		HeavyCost:      10000,
		MaxQueue:       256,
		QueueWait:      5 * time.Second,
	}
}

// withDefaults fills zero fields from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = d.MaxBodyBytes
	}
	if o.MaxUploadBytes <= 0 {
		o.MaxUploadBytes = d.MaxUploadBytes
	}
	if o.MaxQueryLength <= 0 {
		o.MaxQueryLength = d.MaxQueryLength
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = d.MaxDepth
	}
	if o.MaxCost <= 0 {
		o.MaxCost = d.MaxCost
	}
	if o.MaxResultBytes <= 0 {
		o.MaxResultBytes = d.MaxResultBytes
	}
	if o.MaxPage <= 0 {
		o.MaxPage = d.MaxPage
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = d.MaxNodes
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.UploadTimeout <= 0 {
		o.UploadTimeout = d.UploadTimeout
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = d.MaxInFlight
	}
	if o.MaxHeavy <= 0 {
		o.MaxHeavy = d.MaxHeavy
	}
	if o.HeavyCost <= 0 {
		o.HeavyCost = d.HeavyCost
	}
	if o.MaxQueue <= 0 {
		o.MaxQueue = d.MaxQueue
	}
	if o.QueueWait <= 0 {
		o.QueueWait = d.QueueWait
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}
