package server

import (
	"strings"
	"testing"
)

func TestPrefersHTML(t *testing.T) {
	tests := []struct {
		name   string
		accept []string
		want   bool
	}{
		{"ChromeNavigation", []string{"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"}, true},
		{"FirefoxNavigation", []string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, true},
		{"Fetch", []string{"*/*"}, false},
		{"Curl", nil, false},
		{"JSON", []string{"application/json"}, false},
		{"GraphQLResponse", []string{"application/graphql-response+json, application/json;q=0.9"}, false},
		{"HTMLBelowJSON", []string{"application/json, text/html;q=0.5"}, false},
		{"HTMLEqualJSON", []string{"text/html, application/json"}, false},
		{"HTMLRefused", []string{"text/html;q=0, */*"}, false},
		{"TwoHeaders", []string{"text/html", "*/*;q=0.1"}, true},
		{"Malformed", []string{"text/html;;;q=x,,,"}, false},
		{"BadQuality", []string{"text/html;q=abc"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := prefersHTML(tt.accept); got != tt.want {
				t.Errorf("prefersHTML(%q) = %v, want %v", tt.accept, got, tt.want)
			}
		})
	}
}

// FuzzPrefersHTML checks that no Accept header makes prefersHTML panic,
// and that one naming no HTML type never prefers HTML.
func FuzzPrefersHTML(f *testing.F) {
	for _, s := range []string{"text/html,*/*;q=0.8", "*/*", "application/json", "text/html;q=0", ";;", "text/html;q=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		got := prefersHTML([]string{accept})
		if got && !strings.Contains(strings.ToLower(accept), "text/html") {
			t.Fatalf("prefersHTML(%q) without text/html", accept)
		}
	})
}
