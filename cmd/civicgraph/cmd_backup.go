package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func runBackup(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "backup", "backup [flags] [FILE]   (no FILE or \"-\": stdout)", &cfg)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	s, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	out := fs.Arg(0)
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(env.stdout, 1<<20)
		if err := s.Backup(ctx, bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	// Write next to the target and rename, so a failed backup never leaves
	// a truncated file under the final name.
	tmp, err := os.CreateTemp(filepath.Dir(out), filepath.Base(out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := s.Backup(ctx, bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("backup %s: %w", out, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("backup %s: %w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(env.stderr, "backup written to %s\n", out)
	return nil
}

func runRestore(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "restore", "restore [flags] FILE   (\"-\": stdin; the store must be new or empty)", &cfg)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: restore takes one FILE", errBadFlags)
	}
	var r io.Reader = env.stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		defer f.Close()
		r = f
	}
	cfg.empty = true // a backup brings its own seed
	s, err := openStore(ctx, &cfg, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Restore(ctx, r); err != nil {
		return fmt.Errorf("restore %s into %s: %w", fs.Arg(0), cfg.dataDir, err)
	}
	return s.Close()
}
