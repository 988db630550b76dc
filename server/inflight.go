package server

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"civicgraph/queries"
)

// inFlight bounds the GraphQL requests that run at once, in two lanes by
// their estimated cost: MaxInFlight light ones, and MaxHeavy heavy ones
// (cost at least HeavyCost: scans, big pages), fewer than the cores, so
// that a few clients sending heavy queries cannot keep every core busy
// while lookups wait behind them. A request without a free slot in its
// lane waits in a queue shared by both (at most MaxQueue requests, each
// at most QueueWait); past that it is refused with 503 and Retry-After.
// Requests that carry the token pass without a slot: the limit keeps
// anonymous clients in check, not the operator.
type inFlight struct {
	light, heavy chan struct{}
	heavyCost    int
	maxQueue     int64
	wait         time.Duration
	queued       atomic.Int64
}

func newInFlight(o Options) *inFlight {
	return &inFlight{light: make(chan struct{}, o.MaxInFlight), heavy: make(chan struct{}, o.MaxHeavy),
		heavyCost: o.HeavyCost, maxQueue: int64(o.MaxQueue), wait: o.QueueWait}
}

// retryAfter is the Retry-After of a refused request, in seconds.
const retryAfter = 1

// lane returns the slots of a request of estimated cost.
func (l *inFlight) lane(cost int) chan struct{} {
	if cost >= l.heavyCost {
		return l.heavy
	}
	return l.light
}

// acquire takes a slot of lane, waiting in the queue when there is none.
// ok is false when the queue is full, the wait is over or ctx is done.
func (l *inFlight) acquire(ctx context.Context, lane chan struct{}) bool {
	select {
	case lane <- struct{}{}:
		return true
	default:
	}
	if l.queued.Add(1) > l.maxQueue {
		l.queued.Add(-1)
		return false
	}
	defer l.queued.Add(-1)
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case lane <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

// busy reports whether the server refuses new requests for now: every
// light slot taken and the queue full.
func (l *inFlight) busy() bool {
	return len(l.light) == cap(l.light) && l.queued.Load() >= l.maxQueue
}

// refuse answers a request that got no slot.
func (l *inFlight) refuse(w http.ResponseWriter, r *http.Request, m *metrics, lane chan struct{}) {
	m.limitHit("in flight")
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	name := "in flight"
	if lane == l.heavy {
		name = "heavy in flight"
	}
	writeGraphQLError(w, r, http.StatusServiceUnavailable, queries.LimitError(name, cap(lane),
		"a request while the server is busy (every slot of its lane taken and the queue full or too slow)"))
}
