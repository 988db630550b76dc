package server

import "errors"

// ErrNoStore is returned by [New] when Options.Store is nil.
var ErrNoStore = errors.New("server: no store")
