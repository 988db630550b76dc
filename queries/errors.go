package queries

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Error codes: the stable "code" extension of a client-facing GraphQL
// error.
const (
	CodeNotFound      = "NOT_FOUND"      // the entity or term asked for is not in the store
	CodeBadInput      = "BAD_INPUT"      // an argument is malformed or out of range
	CodeLimit         = "LIMIT"          // a configured limit was hit; see the limit and value extensions
	CodeUnauthorized  = "UNAUTHORIZED"   // a write without a valid bearer token
	CodeForbidden     = "FORBIDDEN"      // a write to a read-only server
	CodeValidation    = "VALIDATION"     // the data written breaks a shape of the schema
	CodeAlreadyExists = "ALREADY_EXISTS" // create of an IRI already in use
	CodeTimeout       = "TIMEOUT"        // the request ran out of time
	CodeInternal      = "INTERNAL"       // anything else; the message hides the cause
)

// ErrInternal is returned in place of errors whose text must not reach
// clients (store failures); the server logs the cause.
var ErrInternal = errors.New("queries: internal error")

// Error is a client-facing error. Its message is safe to show; Extensions
// carries a stable code (one of the Code constants) and, for some codes,
// details such as the limit hit and its value.
type Error struct {
	Code    string
	Message string
	// Details are extra extensions, such as "limit" and "value" for
	// [CodeLimit], or "focus", "path" and "constraint" for [CodeValidation].
	Details map[string]any
	// Cause is the underlying error, for logs; it is not shown to clients.
	Cause error
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Extensions returns the code and details, for the "extensions" member of
// a GraphQL error.
func (e *Error) Extensions() map[string]any {
	out := map[string]any{"code": e.Code}
	for k, v := range e.Details {
		out[k] = v
	}
	return out
}

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// LimitError returns the [CodeLimit] error for a limit named name with the
// configured value, in the words "<what> exceeds the <name> limit of <value>".
func LimitError(name string, value any, what string) *Error {
	return &Error{Code: CodeLimit, Message: fmt.Sprintf("%s exceeds the %s limit of %v", what, name, value),
		Details: map[string]any{"limit": name, "value": value}}
}

// clientError turns an error from the store or from a resolver into one fit
// for clients: *Error as it is, a deadline as [CodeTimeout], a cancellation
// as is, and anything else as [CodeInternal] with the cause kept for logs.
func clientError(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, context.DeadlineExceeded) {
		if lim, ok := ctx.Value(timeoutKey{}).(time.Duration); ok {
			e := TimeoutError(lim)
			e.Cause = err
			return e
		}
		return &Error{Code: CodeTimeout, Message: "the request took longer than its time limit", Cause: err}
	}
	if errors.Is(err, context.Canceled) {
		return &Error{Code: CodeTimeout, Message: "the request was cancelled", Cause: err}
	}
	return &Error{Code: CodeInternal, Message: ErrInternal.Error(), Cause: err}
}

// TimeoutError returns the [CodeTimeout] error for a request that ran
// longer than d.
func TimeoutError(d time.Duration) *Error {
	return &Error{Code: CodeTimeout, Message: fmt.Sprintf("the request exceeds the timeout limit of %s", d),
		Details: map[string]any{"limit": "timeout", "value": d.String()}}
}

// timeoutKey is the context key of the request's time limit.
type timeoutKey struct{}

// WithTimeout returns ctx with a deadline d from now, recorded so that the
// error of a scan that runs out of time names the limit.
func WithTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithValue(ctx, timeoutKey{}, d), d)
}
