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
	m.reg.MustRegister(m.requests, m.latency, m.errors, m.limits,
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

func (m *metrics) limitHit(limit string) { m.limits.WithLabelValues(limit).Inc() }
