// Command goltrace is a drop-in reimplementation of ltrace 0.7.3 in pure
// Go for x86_64: it starts a command (or attaches to a process), puts
// breakpoints on the PLT entries through which the main program calls
// into shared libraries, and prints every call with its arguments,
// decoded after the prototypes of /etc/ltrace.conf, and its return
// value. -S adds system calls, -f follows children, -c prints a summary.
//
// Only calls made by the main program are traced: -e rules that name
// other libraries select nothing, -l selects the main program's calls into
// the matching libraries (not calls between libraries), and -x reaches
// only the main program's own functions. -C and -D are accepted but do
// nothing.
package main

import (
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/goltrace/proto"
)

const versionText = `ltrace version 0.7.3.
Copyright (C) 1997-2009 Juan Cespedes <cespedes@debian.org>.
This is free software; see the GNU General Public Licence
version 2 or later for copying conditions.  There is NO warranty.
`

// systemConfig is the prototype file ltrace reads unless -F is given.
const systemConfig = "/etc/ltrace.conf"

func main() {
	ptrace.RunTrampoline()
	ptrace.LockThread()
	os.Exit(run(os.Args))
}

func run(args []string) int {
	o, err := parseOptions(args, os.Stderr)
	var stop *exitNow
	var usage *usageError
	switch {
	case errors.As(err, &stop):
		if stop.stderr {
			fmt.Fprint(os.Stderr, stop.text)
		} else {
			fmt.Print(stop.text)
		}
		return stop.code
	case errors.As(err, &usage):
		if usage.msg != "" {
			fmt.Fprintln(os.Stderr, usage.msg)
		}
		fmt.Fprintf(os.Stderr, "Try `%s --help' for more information.\n", args[0])
		return 1
	}
	cfg := loadConfig(o)
	out := io.Writer(os.Stderr)
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(os.Stderr, "can't open %s for writing: %s\n", o.output, ptrace.ErrnoText(errnoOf(err)))
			return 1
		}
		defer f.Close()
		out = f
	}
	pr := newPrinter(out, o, o.output != "")
	t := newTracer(o, pr, cfg)
	if len(o.command) > 0 {
		if code, ok := t.start(o.command); !ok {
			return code
		}
	}
	for _, pid := range o.pids {
		if err := ptrace.Attach(pid, t.ptraceOptions()); err != nil {
			fmt.Fprintf(os.Stderr, "Cannot attach to pid %d: %s\n", pid, ptrace.ErrnoText(errnoOf(err)))
			continue
		}
		t.addProc(&proc{pid: pid, bps: map[uint64]*breakpoint{}, started: true, attachPending: true})
	}
	t.run()
	if o.summary {
		t.printSummary(out)
	}
	return t.exitCode
}

// errnoOf digs the errno out of a wrapped error.
func errnoOf(err error) error {
	var e unix.Errno
	if errors.As(err, &e) {
		return e
	}
	return err
}

// loadConfig reads the prototype files: -F files, or the system file and
// ~/.ltrace.conf.
func loadConfig(o *options) *proto.Config {
	cfg := proto.New()
	files := o.configs
	if len(files) == 0 {
		files = []string{systemConfig}
		if home := os.Getenv("HOME"); home != "" {
			files = append(files, filepath.Join(home, ".ltrace.conf"))
		}
	}
	for _, f := range files {
		// ltrace goes on with what it could read; so do we.
		_ = cfg.LoadFile(f)
	}
	return cfg
}

// start launches the command stopped before its execve.
func (t *tracer) start(command []string) (int, bool) {
	path, err := lookPath(command[0])
	// Like ltrace, look at the bare name (relative to the working
	// directory) when the PATH search finds nothing.
	elfPath := path
	if err != nil {
		elfPath = command[0]
	}
	if _, serr := os.Stat(elfPath); serr == nil {
		f, ferr := elf.Open(elfPath)
		if ferr != nil {
			fmt.Fprintf(os.Stderr, "\"%s\" is not an ELF file\n", elfPath)
			return 1, false
		}
		f.Close()
	}
	if err != nil {
		path = command[0]
	}
	uid, gid, groups, uerr := lookupUser(t.opts.user)
	if len(t.opts.filters) > 0 || len(t.opts.libs) > 0 {
		t.prefix = exeName(path) + "->"
	}
	cfg := ptrace.SpawnConfig{
		Path: path, Argv: command, Env: os.Environ(), UID: uid, GID: gid, Groups: groups,
		Options: t.ptraceOptions(), Prog: "ltrace",
	}
	if uerr != nil {
		cfg.UID, cfg.GID, cfg.Groups = -1, -1, nil
	}
	pid, serr := ptrace.Spawn(cfg)
	if serr != nil && pid == 0 {
		fmt.Fprintf(os.Stderr, "%v\n", serr)
		return 1, false
	}
	if uerr != nil {
		// ltrace's child looks the user up, fails and exits before exec.
		_ = unix.Kill(pid, unix.SIGKILL)
		var ws unix.WaitStatus
		_, _ = unix.Wait4(pid, &ws, 0, nil)
		fmt.Fprintf(os.Stderr, "cannot find user `%s'\n", t.opts.user)
		fmt.Fprintf(os.Stderr, "failed to initialize process %d: No such file or directory\n", pid)
		fmt.Fprintf(os.Stderr, "couldn't open program '%s': No such file or directory\n", command[0])
		return 1, false
	}
	if err != nil || serr != nil {
		reason := ptrace.ErrnoText(errnoOf(err))
		if err == nil {
			reason = ptrace.ErrnoText(errnoOf(serr))
		}
		fmt.Fprintf(os.Stderr, "Can't execute `%s': %s\n", command[0], reason)
		// ltrace then looks for the process that has already gone.
		fmt.Fprintf(os.Stderr, "failed to initialize process %d: No such file or directory\n", pid)
		fmt.Fprintf(os.Stderr, "couldn't open program '%s': No such file or directory\n", command[0])
		_ = unix.Kill(pid, unix.SIGKILL)
		var ws unix.WaitStatus
		_, _ = unix.Wait4(pid, &ws, 0, nil)
		return 1, false
	}
	t.addProc(&proc{pid: pid, bps: map[uint64]*breakpoint{}})
	return 0, true
}

// lookupUser resolves -u USER to the ids the command runs with (-1s
// when there is no -u).
func lookupUser(name string) (uid, gid int, groups []int, err error) {
	if name == "" {
		return -1, -1, nil, nil
	}
	u, err := user.Lookup(name)
	if err != nil {
		return -1, -1, nil, fmt.Errorf("look up user %s: %w", name, err)
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	ids, _ := u.GroupIds()
	for _, g := range ids {
		if n, err := strconv.Atoi(g); err == nil {
			groups = append(groups, n)
		}
	}
	return uid, gid, groups, nil
}

// lookPath finds the command as execvp would.
func lookPath(name string) (string, error) {
	if strings.Contains(name, "/") {
		return name, access(name)
	}
	var first error
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		err := access(p)
		if err == nil {
			return p, nil
		}
		if first == nil || errors.Is(first, unix.ENOENT) {
			first = err
		}
	}
	if first == nil {
		first = unix.ENOENT
	}
	return "", first
}

func access(p string) error {
	var st unix.Stat_t
	if err := unix.Stat(p, &st); err != nil {
		return err
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return unix.EACCES
	}
	return unix.Access(p, unix.X_OK)
}

// printSummary writes the -c table: calls by total time, then name.
func (t *tracer) printSummary(w io.Writer) {
	type row struct {
		name string
		*stat
	}
	rows := make([]row, 0, len(t.stats))
	var total time.Duration
	calls := 0
	for n, s := range t.stats {
		rows = append(rows, row{n, s})
		total += s.time
		calls += s.calls
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].time != rows[j].time {
			return rows[i].time > rows[j].time
		}
		return rows[i].name < rows[j].name
	})
	var b strings.Builder
	b.WriteString("% time     seconds  usecs/call     calls      function\n")
	b.WriteString("------ ----------- ----------- --------- --------------------\n")
	for _, r := range rows {
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(r.time) / float64(total)
		}
		us := r.time.Microseconds()
		fmt.Fprintf(&b, "%6.2f %4d.%06d %11d %9d %s\n", pct, us/1000000, us%1000000, us/int64(r.calls), r.calls, r.name)
	}
	b.WriteString("------ ----------- ----------- --------- --------------------\n")
	us := total.Microseconds()
	fmt.Fprintf(&b, "100.00 %4d.%06d             %9d total\n", us/1000000, us%1000000, calls)
	_, _ = io.WriteString(w, b.String())
}
