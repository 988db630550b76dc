package server

import (
	"testing"
	"time"

	"civicgraph/graph/graphtest"
)

// TestCountCache_StaleWhileRefreshing checks that while one request reads
// the counts again, the others get the previous counts instead of waiting
// for it, and that without previous counts they wait and then read them.
func TestCountCache_StaleWhileRefreshing(t *testing.T) {
	cc := &countCache{store: graphtest.NewStore(t)}
	old := &counts{at: time.Now().Add(-time.Hour), rows: map[string]int64{"procurements": 7}}
	cc.c.Store(old)
	cc.refresh.Lock() // another request is reading them again
	got := make(chan *counts, 1)
	go func() { got <- cc.get(t.Context()) }()
	select {
	case c := <-got:
		if c != old {
			t.Errorf("got %+v while another request refreshes, want the previous counts", c)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("get waited for the request refreshing the counts although it had previous ones")
	}
	cc.refresh.Unlock()
	if c := cc.get(t.Context()); c == old || time.Since(c.at) > countsTTL {
		t.Errorf("after the refresh ended, get returned %+v, want fresh counts", c)
	}
	// With no counts yet, get reads them.
	cc = &countCache{store: graphtest.NewStore(t)}
	if c := cc.get(t.Context()); c == nil || c.rows == nil {
		t.Errorf("first get returned %+v, want counts", c)
	}
}
