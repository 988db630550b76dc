package server

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"civicgraph/queries"
)

// inFlight bounds the requests that run at once: MaxInFlight run, up to
// MaxQueue more wait (each at most QueueWait) for a slot, and the rest
// are refused with 503 and Retry-After. Requests that carry the token
// pass without a slot: the limit is there so that a few anonymous
// clients cannot keep every core busy, not to keep the operator out.
type inFlight struct {
	slots    chan struct{}
	maxQueue int64
	wait     time.Duration
	queued   atomic.Int64
	m        *metrics
}

func newInFlight(maxInFlight, maxQueue int, wait time.Duration, m *metrics) *inFlight {
	return &inFlight{slots: make(chan struct{}, maxInFlight), maxQueue: int64(maxQueue), wait: wait, m: m}
}

// retryAfter is the Retry-After of a refused request, in seconds.
const retryAfter = 1

// acquire takes a slot, waiting in the queue when there is none. ok is
// false when the queue is full, the wait is over or ctx is done.
func (l *inFlight) acquire(ctx context.Context) bool {
	select {
	case l.slots <- struct{}{}:
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
	case l.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (l *inFlight) release() { <-l.slots }

// busy reports whether the server refuses new requests for now: every
// slot taken and the queue full.
func (l *inFlight) busy() bool {
	return len(l.slots) == cap(l.slots) && l.queued.Load() >= l.maxQueue
}

// wrap limits next.
func (l *inFlight) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if authorized(r.Context()) {
			next.ServeHTTP(w, r)
			return
		}
		if !l.acquire(r.Context()) {
			l.m.limitHit("in flight")
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			writeGraphQLError(w, r, http.StatusServiceUnavailable, queries.LimitError("in flight", cap(l.slots),
				"a request while the server is busy (every slot taken and the queue full)"))
			return
		}
		defer l.release()
		next.ServeHTTP(w, r)
	})
}
