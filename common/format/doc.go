// Package format holds the output layouts the tools share: tcpdump's hex and
// ASCII packet dumps (-x -xx -X -XX -A -AA, also used by gongrep), its
// timestamp styles (-t … -ttttt, --nano), and C-string escaping for the
// tracers.
//
// Every function appends to a caller-owned []byte and returns it, so the
// per-packet print path does not allocate.
package format
