package server

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"civicgraph/graph"
)

// metrics holds the server's Prometheus collectors, in a registry of its
// own (never the global one), so that two servers in one process, as in
// tests, do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	errors   *prometheus.CounterVec
	limits   *prometheus.CounterVec

	imports        *prometheus.CounterVec   // by format and result (ok, error)
	importQuads    prometheus.Counter       // quads written by imports
	importDuration *prometheus.HistogramVec // by format
}

func newMetrics(s *graph.Store) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "civicgraph_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "civicgraph_http_request_duration_seconds", Help: "Time to serve an HTTP request, by route.",
			Buckets: []float64{.0002, .0005, .001, .002, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "civicgraph_graphql_errors_total", Help: "GraphQL errors by code.",
		}, []string{"code"}),
		limits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "civicgraph_limit_hits_total", Help: "Requests refused by a limit, by limit.",
		}, []string{"limit"}),
		imports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "civicgraph_imports_total", Help: "Imports through the importData mutation, by format and result (ok or error).",
		}, []string{"format", "result"}),
		importQuads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "civicgraph_import_quads_total", Help: "Quads written by imports through the importData mutation.",
		}),
		importDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "civicgraph_import_duration_seconds", Help: "Time to import an upload (parse, validate, write), by format.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300},
		}, []string{"format"}),
	}
	stat := func(f func(graph.Stats) int64) func() float64 {
		return func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			st, err := s.Stats(ctx)
			if err != nil {
				return 0
			}
			return float64(f(st))
		}
	}
	m.reg.MustRegister(m.requests, m.latency, m.errors, m.limits, m.imports, m.importQuads, m.importDuration,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "civicgraph_store_quads", Help: "Quads in the store."},
			stat(func(st graph.Stats) int64 { return st.Quads })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "civicgraph_store_terms", Help: "Terms in the store's dictionary."},
			stat(func(st graph.Stats) int64 { return st.Terms })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "civicgraph_store_disk_bytes", Help: "Bytes of the store on disk."},
			func() float64 { return float64(s.Size()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) graphqlError(code string) { m.errors.WithLabelValues(code).Inc() }

// imported records an import. format is a label value, so it must be one
// of a fixed set (the importer format, without a CSV template), never what
// a client sent.
func (m *metrics) imported(format string, quads int64, d time.Duration, err error) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.imports.WithLabelValues(format, result).Inc()
	m.importDuration.WithLabelValues(format).Observe(d.Seconds())
	if quads > 0 {
		m.importQuads.Add(float64(quads))
	}
}

func (m *metrics) limitHit(limit string) { m.limits.WithLabelValues(limit).Inc() }
