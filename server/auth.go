package server

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
)

// authKey is the context key marking a request that carried the token.
type authKey struct{}

// withAuth marks requests whose Authorization header holds the bearer
// token, compared in constant time. The header is never logged.
func withAuth(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token != "" {
			got, ok := bearerToken(r.Header.Get("Authorization"))
			if ok && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1 {
				r = r.WithContext(context.WithValue(r.Context(), authKey{}, true))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// bearerToken returns the token of an Authorization header of the Bearer
// scheme, in any case, as HTTP auth schemes are case-insensitive
// (RFC 9110, section 11.1).
func bearerToken(h string) (string, bool) {
	scheme, rest, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok := strings.TrimLeft(rest, " ")
	return tok, tok != ""
}

// authorized reports whether the request in ctx carried the token.
func authorized(ctx context.Context) bool {
	ok, _ := ctx.Value(authKey{}).(bool)
	return ok
}
