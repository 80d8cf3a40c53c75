//go:build tools

// Package tools pins the immudb server command's dependencies in go.mod/go.sum; the server binary itself is built
// with: go build -o <out> github.com/codenotary/immudb/cmd/immudb
package tools

import _ "github.com/codenotary/immudb/cmd/immudb/command"
