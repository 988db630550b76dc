package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"civicgraph/graph"
)

func runBackup(ctx context.Context, env *environment, args []string) error {
	var cfg config
	var serverURL, tokenFile string
	fs := newFlagSet(env, "backup", "backup [flags] [FILE]   (no FILE or \"-\": stdout)", &cfg)
	fs.StringVar(&serverURL, "server", envOr(env.getenv, "CIVICGRAPH_SERVER", ""),
		"take the backup through a running civicgraph serve at this URL (http://HOST:PORT), which holds the store; needs its token (CIVICGRAPH_TOKEN or --token-file) (env CIVICGRAPH_SERVER)")
	fs.StringVar(&tokenFile, "token-file", envOr(env.getenv, "CIVICGRAPH_TOKEN_FILE", ""), "with --server: file holding the server's bearer token; CIVICGRAPH_TOKEN gives it directly (env CIVICGRAPH_TOKEN_FILE)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	out := fs.Arg(0)
	var write func(io.Writer) error
	if serverURL != "" {
		token, err := readToken(env.getenv, tokenFile)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return backupFromServer(ctx, serverURL, token, w) }
	} else {
		s, err := openStore(ctx, &cfg, true)
		if err != nil {
			return err
		}
		defer s.Close()
		write = func(w io.Writer) error { return s.Backup(ctx, w) }
	}
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(env.stdout, 1<<20)
		if err := write(bw); err != nil {
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
	if err := write(bw); err != nil {
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

// readToken reads the bearer token from the token file, else from
// CIVICGRAPH_TOKEN.
func readToken(getenv func(string) string, tokenFile string) (string, error) {
	token := getenv("CIVICGRAPH_TOKEN")
	if tokenFile != "" {
		b, err := os.ReadFile(tokenFile)
		if err != nil {
			return "", fmt.Errorf("%w: --token-file: %v", errBadFlags, err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		return "", fmt.Errorf("%w: --server needs the server's token: set CIVICGRAPH_TOKEN or --token-file", errBadFlags)
	}
	return token, nil
}

// backupFromServer streams GET /admin/backup of the server at base into
// w. A stream the server ends early (its backup failed) is an error, not
// a short backup.
func backupFromServer(ctx context.Context, base, token string, w io.Writer) error {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: --server %q: expected a URL such as http://127.0.0.1:8080", errBadFlags, base)
	}
	u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/graphql") + "/admin/backup"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fmt.Errorf("backup from %s: %w", base, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("backup from %s: %w", base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		msg := strings.TrimSpace(string(b))
		if json.Unmarshal(b, &e) == nil && e.Error != "" {
			msg = e.Error
		}
		return fmt.Errorf("backup from %s: %s: %s", u, resp.Status, msg)
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("backup from %s: the stream broke off (the server's backup failed or the connection dropped): %w", u, err)
	}
	return nil
}

// explainLocked adds to a "store is locked" error of the stats, export
// and backup commands what to do: the store is held by a running server,
// which can take the backup itself.
func explainLocked(cmd string, err error) error {
	if !errors.Is(err, graph.ErrLocked) {
		return err
	}
	switch cmd {
	case "stats", "export", "backup":
		return fmt.Errorf("%w\n  a running civicgraph serve holds this store: take a backup through it with\n  civicgraph backup --server http://HOST:PORT FILE (with its token in CIVICGRAPH_TOKEN or --token-file)", err)
	}
	return err
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
