package graph

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// badgerLogger adapts badger's four-method logger to slog.
type badgerLogger struct{ l *slog.Logger }

// benign lists badger warnings that say nothing is wrong, logged at debug
// level: compactions find nothing to do while an incremental load holds
// them back (incremental.go).
var benign = []string{"Unable to fill tables"}

func (b badgerLogger) log(level slog.Level, format string, args ...any) {
	if level == slog.LevelWarn {
		for _, m := range benign {
			if strings.Contains(format, m) || strings.Contains(fmt.Sprint(args...), m) {
				level = slog.LevelDebug
			}
		}
	}
	if !b.l.Enabled(context.Background(), level) {
		return
	}
	b.l.Log(context.Background(), level, "badger", "msg", strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.log(slog.LevelDebug-4, f, a...) }
