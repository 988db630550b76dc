package export

import (
	"context"
	"fmt"

	"civicgraph/graph"
)

// Quads writes every quad of s matching p to w, from one consistent
// snapshot, in subject order. A writer that drops graphs (N-Triples) gets
// each triple once even when several graphs hold it.
func Quads(ctx context.Context, s *graph.Store, p graph.Pattern, w *NQuadsWriter) error {
	err := s.View(ctx, func(v *graph.View) error {
		var prev graph.Quad
		first := true
		for q, err := range v.Match(p) {
			if err != nil {
				return err
			}
			if !w.quads {
				q.G = graph.Term{}
				if !first && q == prev {
					continue
				}
			}
			first, prev = false, q
			if err := w.Write(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return w.Flush()
}
