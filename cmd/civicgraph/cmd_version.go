package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func runVersion(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "version", "version   (prints the module version, the VCS commit it was built from, and the Go version)", nil)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("%w: version takes no arguments", errBadFlags)
	}
	bi, ok := debug.ReadBuildInfo()
	_, err := fmt.Fprintln(env.stdout, versionText(bi, ok))
	return err
}

// versionText describes the build: "civicgraph v1.2.0 (commit 0123abcd,
// 2026-12-05T08:00:00Z, modified) go1.26.8". A build outside a module or
// a VCS checkout says so rather than inventing a version.
func versionText(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "civicgraph (no build information) " + runtime.Version()
	}
	version := bi.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	var vcs []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "commit "+rev)
	} else {
		vcs = append(vcs, "no VCS commit recorded")
	}
	if t := settings["vcs.time"]; t != "" {
		vcs = append(vcs, t)
	}
	if settings["vcs.modified"] == "true" {
		vcs = append(vcs, "modified")
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	return fmt.Sprintf("civicgraph %s (%s) %s", version, strings.Join(vcs, ", "), goVersion)
}
