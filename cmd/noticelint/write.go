package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// writeFileAtomic replaces path with data so that a reader sees either the old
// file or the new one, never half of it: the bytes go to a temporary file in
// the same folder (a rename is only atomic within one file system), which is
// synced and renamed over path. An existing file keeps its mode; a new one gets
// perm.
func writeFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		perm = fi.Mode().Perm()
	} else if !errors.Is(statErr, fs.ErrNotExist) {
		return statErr
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	temps.add(tmp.Name())
	defer temps.remove(tmp.Name())
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if afterTempCreated != nil {
		afterTempCreated()
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// afterTempCreated, when set (by a test), runs once the temporary file
// exists: where a signal is most likely to find one.
var afterTempCreated func()

// temps are the temporary files being written. SIGINT or SIGTERM removes
// them before the process ends, so that an interrupted run leaves nothing
// beside the report; the signal is then delivered again with the default
// action, so the exit status still says how the run ended.
var temps = &tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
	once  sync.Once
}

func (t *tempFiles) add(name string) {
	t.once.Do(t.watch)
	t.mu.Lock()
	t.names[name] = true
	t.mu.Unlock()
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

func (t *tempFiles) watch() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		t.mu.Lock() // held to the end: no new file, no rename, from here on
		for name := range t.names {
			_ = os.Remove(name)
		}
		signal.Reset(os.Interrupt, syscall.SIGTERM)
		if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
			time.Sleep(time.Second) // the default action ends the process
		}
		code := 130 // 128 + SIGINT, as a shell reports it
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}
