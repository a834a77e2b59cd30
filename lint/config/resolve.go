package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/noticelint/noticelint/lint"
)

// rel returns path relative to the configuration's folder, with forward
// slashes, as the globs are written; ok is false for a path outside it.
func (f *File) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(f.Dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// match reports whether rel matches one of the globs. As in .gitignore, a
// pattern without a slash also matches the file's name in any folder, so
// "draft-*.md" needs no "**/".
func match(globs []string, rel string) (string, bool) {
	for _, g := range globs {
		if doublestar.MatchUnvalidated(g, rel) || doublestar.MatchUnvalidated(strings.TrimSuffix(g, "/")+"/**", rel) {
			return g, true
		}
		if !strings.Contains(g, "/") && doublestar.MatchUnvalidated(g, filepath.Base(rel)) {
			return g, true
		}
	}
	return "", false
}

// Ignored returns the ignore pattern that excludes path, if any.
func (f *File) Ignored(path string) (string, bool) {
	if f == nil {
		return "", false
	}
	rel, ok := f.rel(path)
	if !ok {
		return "", false
	}
	return match(f.Ignore, rel)
}

// Settings merges the base rules and every override matching path, in the
// order written (later wins), into the settings for that file.
func (f *File) Settings(path string) *lint.Settings {
	if f == nil {
		return nil
	}
	s := &lint.Settings{Rules: map[string]lint.RuleSetting{}, Org: f.Org, RequireReason: f.RequireReason, Facts: f.Facts}
	apply := func(rules map[string]RuleConf) {
		for id, rc := range rules {
			rs := s.Rules[id]
			if rc.Off != nil {
				rs.Off = *rc.Off
			}
			if rc.Severity != nil {
				rs.Severity = rc.Severity
			}
			if rc.Options != nil {
				merged := map[string]any{}
				for k, v := range rs.Options {
					merged[k] = v
				}
				for k, v := range rc.Options {
					merged[k] = v
				}
				rs.Options = merged
			}
			s.Rules[id] = rs
		}
	}
	apply(f.Rules)
	rel, inside := f.rel(path)
	for _, o := range f.Overrides {
		if _, ok := match(o.Paths, rel); inside && ok {
			apply(o.Rules)
			s.Facts = s.Facts.Merge(o.Facts)
		}
	}
	return s
}

// Find returns the configuration nearest to dir: the first of Names found in
// dir or a folder above it, stopping after the repository root (the folder
// holding .git) or at the file system root. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range Names {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
				return "", err
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Resolver finds and loads the configuration of each linted file, loading
// each configuration file once however many notices it governs. It is safe
// for concurrent use.
type Resolver struct {
	known []*lint.Rule
	// fixed is set by --config: one file for every notice.
	fixed *File
	none  bool

	mu    sync.Mutex
	dirs  map[string]string // folder -> configuration path ("" for none)
	files map[string]loaded
}

type loaded struct {
	f   *File
	err error
}

// NewResolver discovers configurations per file. With path set (--config) it
// uses that file for every notice; with none set (--no-config), none at all.
func NewResolver(known []*lint.Rule, path string, none bool) (*Resolver, error) {
	r := &Resolver{known: known, none: none, dirs: map[string]string{}, files: map[string]loaded{}}
	if path != "" && !none {
		f, err := Load(path, known)
		if err != nil {
			return nil, err
		}
		r.fixed = f
	}
	return r, nil
}

// For returns the configuration governing the notice at path (nil for the
// defaults) and the error of a configuration that could not be loaded. stdin
// is governed by the working directory's configuration.
func (r *Resolver) For(path string) (*File, error) {
	if r.none {
		return nil, nil
	}
	if r.fixed != nil {
		return r.fixed, nil
	}
	dir := "."
	if path != "-" && path != "<stdin>" {
		dir = filepath.Dir(path)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	cfg, ok := r.dirs[dir]
	if !ok {
		var err error
		if cfg, err = Find(dir); err != nil {
			return nil, &Error{File: dir, Msg: "looking for a configuration: " + err.Error()}
		}
		r.dirs[dir] = cfg
	}
	if cfg == "" {
		return nil, nil
	}
	l, ok := r.files[cfg]
	if !ok {
		l.f, l.err = Load(relIfShorter(cfg), r.known)
		r.files[cfg] = l
	}
	return l.f, l.err
}

// relIfShorter names a configuration relative to the working directory when
// that is shorter, so errors read "notices/.noticelint.yml:3:5".
func relIfShorter(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && len(rel) < len(abs) {
		return rel
	}
	return abs
}
