// Command immudb-interop drives the official immudb Go SDK (github.com/codenotary/immudb/pkg/client,
// v1.11.1, session mode) against an immudb-compatible server. Every check that fails prints
// "FAIL <what>: <detail>" and exits with status 1; a phase that completes prints "PHASE <name> OK".
//
// Phases (-phase):
//
//	one          fresh server: databases, users, and every KV operation with the SDK's own
//	             verification; the trusted state is left in the -state directory.
//	two          after the server was restarted on the same data dir and port: continues
//	             verification from the trusted state stored by phase one.
//	tamper-write writes verified entries into database "tamperdb" and keeps the trusted state.
//	tamper-check after bytes were changed on disk: the verified read of -key must fail.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/codenotary/immudb/pkg/api/schema"
	immuclient "github.com/codenotary/immudb/pkg/client"
	"github.com/codenotary/immudb/pkg/client/state"
)

const (
	adminUser     = "immudb"
	adminPassword = "immudb"
	goDB          = "godb"
	tamperDB      = "tamperdb"
	verifiedKeys  = 60
)

type options struct {
	address  string
	port     int
	stateDir string
	pubKey   string
	phase    string
	key      string
	filler   int
}

func main() {
	var o options
	flag.StringVar(&o.address, "address", "127.0.0.1", "server address")
	flag.IntVar(&o.port, "port", 3322, "server gRPC port")
	flag.StringVar(&o.stateDir, "state", "", "directory for the SDK's trusted-state files")
	flag.StringVar(&o.pubKey, "pubkey", "", "PEM public key of the server's state signing key (optional)")
	flag.StringVar(&o.phase, "phase", "one", "one | two | tamper-write | tamper-check")
	flag.StringVar(&o.key, "key", "", "key to read in phase tamper-check")
	flag.IntVar(&o.filler, "filler", 0, "tamper-write: unverified single-entry transactions written after the verified ones")
	flag.Parse()
	if o.stateDir == "" {
		fail("usage", "-state is required")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	switch o.phase {
	case "one":
		phaseOne(ctx, o)
	case "two":
		phaseTwo(ctx, o)
	case "tamper-write":
		tamperWrite(ctx, o)
	case "tamper-check":
		tamperCheck(ctx, o)
	default:
		fail("usage", "unknown phase "+o.phase)
	}
	fmt.Printf("PHASE %s OK\n", o.phase)
}

func fail(what string, detail interface{}) {
	fmt.Printf("FAIL %s: %v\n", what, detail)
	os.Exit(1)
}

func must(what string, err error) {
	if err != nil {
		fail(what, err)
	}
}

func check(cond bool, what string, format string, args ...interface{}) {
	if !cond {
		fail(what, fmt.Sprintf(format, args...))
	}
	fmt.Printf("ok   %s\n", what)
}

// session is an open SDK session plus access to the SDK's trusted-state service (the state it
// verifies against and keeps in its state files).
type session struct {
	immuclient.ImmuClient
	states state.StateService
}

// trusted reads the SDK's trusted state for db, holding the state-file lock as the SDK does.
func (s *session) trusted(ctx context.Context, db string) (*schema.ImmutableState, error) {
	if err := s.states.CacheLock(); err != nil {
		return nil, err
	}
	defer s.states.CacheUnlock()
	return s.states.GetState(ctx, db)
}

func connect(ctx context.Context, o options, stateDir, user, password, db string) *session {
	opts := immuclient.DefaultOptions().
		WithAddress(o.address).
		WithPort(o.port).
		WithDir(stateDir)
	if o.pubKey != "" {
		opts = opts.WithServerSigningPubKey(o.pubKey)
	}
	// The SDK creates its state files but not their directory.
	must("create state dir", os.MkdirAll(stateDir, 0o755))
	c := immuclient.NewClient().WithOptions(opts)
	must("OpenSession "+user+"@"+db, c.OpenSession(ctx, []byte(user), []byte(password), db))
	check(c.GetSessionID() != "", "OpenSession "+user+"@"+db, "empty session id")
	return &session{ImmuClient: c, states: c.StateService}
}

func closeSession(ctx context.Context, c immuclient.ImmuClient) {
	must("CloseSession", c.CloseSession(ctx))
}

func key(i int) []byte   { return []byte(fmt.Sprintf("key-%03d", i)) }
func value(i int) []byte { return []byte(fmt.Sprintf("value-%03d-%s", i, strings.Repeat("v", i%7))) }

func printTrusted(ctx context.Context, s *session, label, db string) *schema.ImmutableState {
	st, err := s.trusted(ctx, db)
	must("trusted state of "+db, err)
	fmt.Printf("%s db=%s txId=%d txHash=%x\n", label, st.Db, st.TxId, st.TxHash)
	return st
}

func phaseOne(ctx context.Context, o options) {
	admin := connect(ctx, o, o.stateDir, adminUser, adminPassword, "defaultdb")
	info, err := admin.ServerInfo(ctx, &schema.ServerInfoRequest{})
	must("ServerInfo", err)
	fmt.Printf("server version %q\n", info.Version)

	created, err := admin.CreateDatabaseV2(ctx, goDB, &schema.DatabaseNullableSettings{})
	must("CreateDatabaseV2", err)
	check(created.Name == goDB && !created.AlreadyExisted, "CreateDatabaseV2", "got %v", created)
	dbs, err := admin.DatabaseListV2(ctx)
	must("DatabaseListV2", err)
	names := []string{}
	for _, d := range dbs.Databases {
		names = append(names, d.Name)
	}
	check(contains(names, goDB) && contains(names, "defaultdb"), "DatabaseListV2", "got %v", names)
	users(ctx, o, admin)
	closeSession(ctx, admin)

	c := connect(ctx, o, o.stateDir, adminUser, adminPassword, goDB)
	verifiedWrites(ctx, c)
	plainOps(ctx, c)
	references(ctx, c)
	sortedSets(ctx, c)
	scansAndTxs(ctx, c)
	printTrusted(ctx, c, "TRUSTED", goDB)
	// An unverified write after the last verified one: the server's state is now ahead of the
	// trusted state, so phase two must prove consistency from the stored state.
	hdr, err := c.Set(ctx, []byte("after-state"), []byte("written-unverified"))
	must("Set after-state", err)
	fmt.Printf("LAST_TX %d\n", hdr.Id)
	closeSession(ctx, c)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func permissionOf(list *schema.UserList, user, db string) (uint32, bool) {
	for _, u := range list.Users {
		if string(u.User) != user {
			continue
		}
		for _, p := range u.Permissions {
			if p.Database == db {
				return p.Permission, true
			}
		}
		return 0, true
	}
	return 0, false
}

func users(ctx context.Context, o options, admin *session) {
	const user, pw1, pw2 = "gouser", "Passw0rd!1", "Passw0rd!2"
	must("CreateUser", admin.CreateUser(ctx, []byte(user), []byte(pw1), 2, goDB))
	list, err := admin.ListUsers(ctx)
	must("ListUsers", err)
	perm, found := permissionOf(list, user, goDB)
	check(found && perm == 2, "ListUsers shows new user with readwrite", "found=%v permission=%d", found, perm)
	must("ChangePassword", admin.ChangePassword(ctx, []byte(user), []byte(pw1), []byte(pw2)))
	must("ChangePermission", admin.ChangePermission(ctx, schema.PermissionAction_GRANT, user, goDB, 1))
	list, err = admin.ListUsers(ctx)
	must("ListUsers", err)
	perm, found = permissionOf(list, user, goDB)
	check(found && perm == 1, "ChangePermission to read", "found=%v permission=%d", found, perm)

	u := immuclient.NewClient().WithOptions(immuclient.DefaultOptions().
		WithAddress(o.address).WithPort(o.port).WithDir(o.stateDir))
	err = u.OpenSession(ctx, []byte(user), []byte(pw1), goDB)
	check(err != nil, "old password rejected", "OpenSession with the old password succeeded")
	u = immuclient.NewClient().WithOptions(immuclient.DefaultOptions().
		WithAddress(o.address).WithPort(o.port).WithDir(o.stateDir))
	must("OpenSession with new password", u.OpenSession(ctx, []byte(user), []byte(pw2), goDB))
	_, err = u.Set(ctx, []byte("denied"), []byte("x"))
	check(err != nil && strings.Contains(err.Error(), "permission denied"), "read-only user cannot Set",
		"err=%v", err)
	must("CloseSession gouser", u.CloseSession(ctx))
}

func verifiedWrites(ctx context.Context, c *session) {
	var prev uint64
	for i := 0; i < verifiedKeys; i++ {
		hdr, err := c.VerifiedSet(ctx, key(i), value(i))
		must(fmt.Sprintf("VerifiedSet %s", key(i)), err)
		if i > 0 && hdr.Id != prev+1 {
			fail("VerifiedSet tx ids", fmt.Sprintf("tx %d after %d", hdr.Id, prev))
		}
		prev = hdr.Id
	}
	st := printTrusted(ctx, c, "after VerifiedSet x60:", goDB)
	check(st.TxId == prev, "trusted state follows VerifiedSet", "state tx %d, last tx %d", st.TxId, prev)
	for i := 0; i < verifiedKeys; i++ {
		e, err := c.VerifiedGet(ctx, key(i))
		must(fmt.Sprintf("VerifiedGet %s", key(i)), err)
		if !bytes.Equal(e.Value, value(i)) || !bytes.Equal(e.Key, key(i)) {
			fail("VerifiedGet value", fmt.Sprintf("key %s: got %q=%q", key(i), e.Key, e.Value))
		}
	}
	fmt.Printf("ok   VerifiedGet x%d\n", verifiedKeys)
	e, err := c.VerifiedGetAt(ctx, key(5), prev-uint64(verifiedKeys-1)+5)
	must("VerifiedGetAt", err)
	check(bytes.Equal(e.Value, value(5)), "VerifiedGetAt", "got %q", e.Value)
	_, err = c.VerifiedGet(ctx, []byte("no-such-key"))
	check(err != nil && strings.Contains(err.Error(), "key not found"), "VerifiedGet missing key",
		"err=%v", err)
}

func plainOps(ctx context.Context, c *session) {
	hdr, err := c.Set(ctx, []byte("plain"), []byte("plain-value"))
	must("Set", err)
	e, err := c.Get(ctx, []byte("plain"))
	must("Get", err)
	check(bytes.Equal(e.Value, []byte("plain-value")) && e.Tx == hdr.Id, "Set/Get", "got %q at tx %d", e.Value, e.Tx)

	req := &schema.SetRequest{}
	keys := [][]byte{}
	for i := 0; i < 10; i++ {
		k := []byte(fmt.Sprintf("batch-%02d", i))
		keys = append(keys, k)
		req.KVs = append(req.KVs, &schema.KeyValue{Key: k, Value: []byte(fmt.Sprintf("batch-value-%02d", i))})
	}
	hdr, err = c.SetAll(ctx, req)
	must("SetAll", err)
	check(hdr.Nentries == 10, "SetAll one tx with 10 entries", "nentries=%d", hdr.Nentries)
	all, err := c.GetAll(ctx, append(keys, []byte("batch-missing")))
	must("GetAll", err)
	check(len(all.Entries) == 10, "GetAll", "got %d entries", len(all.Entries))
	for i, en := range all.Entries {
		if en.Tx != hdr.Id || string(en.Value) != fmt.Sprintf("batch-value-%02d", i) {
			fail("GetAll entry", fmt.Sprintf("%d: %q at tx %d", i, en.Value, en.Tx))
		}
	}

	for i := 1; i <= 3; i++ {
		_, err = c.Set(ctx, []byte("hist"), []byte(fmt.Sprintf("h%d", i)))
		must("Set hist", err)
	}
	h, err := c.History(ctx, &schema.HistoryRequest{Key: []byte("hist"), Limit: 10})
	must("History", err)
	ok := len(h.Entries) == 3
	for i, en := range h.Entries {
		ok = ok && string(en.Value) == fmt.Sprintf("h%d", i+1) && en.Revision == uint64(i+1)
	}
	check(ok, "History", "got %v", h.Entries)
	h, err = c.History(ctx, &schema.HistoryRequest{Key: []byte("hist"), Limit: 10, Desc: true})
	must("History desc", err)
	check(len(h.Entries) == 3 && string(h.Entries[0].Value) == "h3", "History desc", "got %v", h.Entries)

	_, err = c.Delete(ctx, &schema.DeleteKeysRequest{Keys: [][]byte{[]byte("plain")}})
	must("Delete", err)
	_, err = c.Get(ctx, []byte("plain"))
	check(err != nil && strings.Contains(err.Error(), "key not found"), "Get after Delete", "err=%v", err)
}

func references(ctx context.Context, c *session) {
	hdr, err := c.SetReference(ctx, []byte("ref-1"), key(1))
	must("SetReference", err)
	e, err := c.Get(ctx, []byte("ref-1"))
	must("Get via reference", err)
	check(bytes.Equal(e.Value, value(1)) && e.ReferencedBy != nil && string(e.ReferencedBy.Key) == "ref-1" &&
		e.ReferencedBy.Tx == hdr.Id, "SetReference/Get", "got %v", e)
	_, err = c.VerifiedSetReference(ctx, []byte("ref-2"), key(2))
	must("VerifiedSetReference", err)
	e, err = c.VerifiedGet(ctx, []byte("ref-2"))
	must("VerifiedGet via reference", err)
	check(bytes.Equal(e.Value, value(2)) && bytes.Equal(e.Key, key(2)), "VerifiedSetReference/VerifiedGet",
		"got %q=%q", e.Key, e.Value)
	first, err := c.Get(ctx, key(3))
	must("Get key-003", err)
	_, err = c.VerifiedSetReferenceAt(ctx, []byte("ref-3-at"), key(3), first.Tx)
	must("VerifiedSetReferenceAt", err)
	e, err = c.VerifiedGet(ctx, []byte("ref-3-at"))
	must("VerifiedGet bound reference", err)
	check(bytes.Equal(e.Value, value(3)) && e.ReferencedBy.AtTx == first.Tx, "bound reference",
		"got %v", e)
}

func sortedSets(ctx context.Context, c *session) {
	_, err := c.ZAdd(ctx, []byte("zs"), 2.5, key(2))
	must("ZAdd", err)
	_, err = c.VerifiedZAdd(ctx, []byte("zs"), 1.0, key(1))
	must("VerifiedZAdd", err)
	_, err = c.VerifiedZAdd(ctx, []byte("zs"), 7.0, key(7))
	must("VerifiedZAdd", err)
	z, err := c.ZScan(ctx, &schema.ZScanRequest{Set: []byte("zs"), Limit: 10})
	must("ZScan", err)
	got := []string{}
	for _, ze := range z.Entries {
		got = append(got, fmt.Sprintf("%s@%g=%s", ze.Key, ze.Score, ze.Entry.Value))
	}
	want := []string{
		fmt.Sprintf("%s@1=%s", key(1), value(1)),
		fmt.Sprintf("%s@2.5=%s", key(2), value(2)),
		fmt.Sprintf("%s@7=%s", key(7), value(7)),
	}
	check(strings.Join(got, ",") == strings.Join(want, ","), "ZScan order and entries", "got %v want %v", got, want)
	z, err = c.ZScan(ctx, &schema.ZScanRequest{Set: []byte("zs"), Limit: 10, Desc: true,
		MinScore: &schema.Score{Score: 2}})
	must("ZScan desc minScore", err)
	check(len(z.Entries) == 2 && string(z.Entries[0].Key) == string(key(7)), "ZScan desc minScore",
		"got %d entries", len(z.Entries))
}

func scansAndTxs(ctx context.Context, c *session) {
	s, err := c.Scan(ctx, &schema.ScanRequest{Prefix: []byte("key-"), Limit: 100})
	must("Scan", err)
	got := []string{}
	for _, e := range s.Entries {
		got = append(got, string(e.Key))
	}
	check(len(got) == verifiedKeys && sort.StringsAreSorted(got) && got[0] == string(key(0)), "Scan prefix",
		"got %d keys: %v", len(got), got)
	s, err = c.Scan(ctx, &schema.ScanRequest{Prefix: []byte("key-"), Limit: 5, Desc: true})
	must("Scan desc", err)
	check(len(s.Entries) == 5 && bytes.Equal(s.Entries[0].Key, key(verifiedKeys-1)) &&
		bytes.Equal(s.Entries[0].Value, value(verifiedKeys-1)), "Scan desc limit", "got %d", len(s.Entries))

	e, err := c.Get(ctx, key(0))
	must("Get key-000", err)
	tx, err := c.TxByID(ctx, e.Tx)
	must("TxByID", err)
	check(tx.Header.Id == e.Tx && len(tx.Entries) == 1 && bytes.Equal(tx.Entries[0].Key, key(0)),
		"TxByID", "got %v", tx)
	vtx, err := c.VerifiedTxByID(ctx, e.Tx)
	must("VerifiedTxByID old tx", err)
	check(vtx.Header.Id == e.Tx, "VerifiedTxByID old tx", "got header %v", vtx.Header)
	st, err := c.CurrentState(ctx)
	must("CurrentState", err)
	vtx, err = c.VerifiedTxByID(ctx, st.TxId)
	must("VerifiedTxByID latest tx", err)
	check(vtx.Header.Id == st.TxId, "VerifiedTxByID latest tx", "got header %v", vtx.Header)
	_, err = c.VerifiedTxByID(ctx, st.TxId+100)
	check(err != nil, "VerifiedTxByID beyond the last tx fails", "no error")
}

func phaseTwo(ctx context.Context, o options) {
	c := connect(ctx, o, o.stateDir, adminUser, adminPassword, goDB)
	stored := printTrusted(ctx, c, "STORED", goDB)
	cur, err := c.CurrentState(ctx)
	must("CurrentState", err)
	check(cur.TxId > stored.TxId, "server is ahead of the stored trusted state", "server %d, stored %d",
		cur.TxId, stored.TxId)
	e, err := c.VerifiedGet(ctx, []byte("after-state"))
	must("VerifiedGet written after the stored state", err)
	check(string(e.Value) == "written-unverified", "VerifiedGet after restart (newer than stored state)",
		"got %q", e.Value)
	for i := 0; i < verifiedKeys; i++ {
		e, err := c.VerifiedGet(ctx, key(i))
		must(fmt.Sprintf("VerifiedGet %s after restart", key(i)), err)
		if !bytes.Equal(e.Value, value(i)) {
			fail("VerifiedGet value after restart", fmt.Sprintf("%s = %q", key(i), e.Value))
		}
	}
	fmt.Printf("ok   VerifiedGet x%d after restart\n", verifiedKeys)
	e, err = c.VerifiedGet(ctx, []byte("ref-2"))
	must("VerifiedGet reference after restart", err)
	check(bytes.Equal(e.Value, value(2)), "VerifiedGet reference after restart", "got %q", e.Value)
	vtx, err := c.VerifiedTxByID(ctx, 1)
	must("VerifiedTxByID 1 after restart", err)
	check(vtx.Header.Id == 1, "VerifiedTxByID 1 after restart", "got %v", vtx.Header)
	for i := verifiedKeys; i < verifiedKeys+10; i++ {
		_, err := c.VerifiedSet(ctx, key(i), value(i))
		must(fmt.Sprintf("VerifiedSet %s after restart", key(i)), err)
	}
	_, err = c.VerifiedSetReference(ctx, []byte("ref-after"), key(verifiedKeys))
	must("VerifiedSetReference after restart", err)
	_, err = c.VerifiedZAdd(ctx, []byte("zs"), 9.0, key(verifiedKeys+1))
	must("VerifiedZAdd after restart", err)
	z, err := c.ZScan(ctx, &schema.ZScanRequest{Set: []byte("zs"), Limit: 10})
	must("ZScan after restart", err)
	check(len(z.Entries) == 4, "ZScan after restart", "got %d entries", len(z.Entries))
	final := printTrusted(ctx, c, "TRUSTED", goDB)
	check(final.TxId > cur.TxId, "trusted state advanced after restart", "final %d", final.TxId)
	closeSession(ctx, c)
}

// tamperValue is unique and easy to find in a value file (16 bytes of payload after the marker).
func tamperValue(i int) []byte { return []byte(fmt.Sprintf("TAMPER-ME-%02d-payload-0123456789", i)) }

func tamperWrite(ctx context.Context, o options) {
	admin := connect(ctx, o, o.stateDir, adminUser, adminPassword, "defaultdb")
	_, err := admin.CreateDatabaseV2(ctx, tamperDB, &schema.DatabaseNullableSettings{})
	must("CreateDatabaseV2 "+tamperDB, err)
	closeSession(ctx, admin)
	c := connect(ctx, o, o.stateDir, adminUser, adminPassword, tamperDB)
	for i := 0; i < 20; i++ {
		k := []byte(fmt.Sprintf("t-%02d", i))
		hdr, err := c.VerifiedSet(ctx, k, tamperValue(i))
		must("VerifiedSet "+string(k), err)
		// eH identifies the header bytes on disk for the driver.
		fmt.Printf("TX %s id=%d eH=%x\n", k, hdr.Id, hdr.EH)
	}
	for i := 0; i < 20; i++ {
		k := []byte(fmt.Sprintf("t-%02d", i))
		_, err := c.VerifiedGet(ctx, k)
		must("VerifiedGet before tampering "+string(k), err)
	}
	// Filler transactions push the tampered ones out of the window a server re-checks when it opens.
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		go func(w int) {
			for i := w; i < o.filler; i += 8 {
				if _, err := c.Set(ctx, []byte(fmt.Sprintf("filler-%05d", i)), []byte("f")); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}(w)
	}
	for w := 0; w < 8; w++ {
		must("Set filler", <-errs)
	}
	hdr, err := c.VerifiedSet(ctx, []byte("t-last"), tamperValue(99))
	must("VerifiedSet t-last", err)
	fmt.Printf("LAST_TX %d\n", hdr.Id)
	printTrusted(ctx, c, "TRUSTED", tamperDB)
	closeSession(ctx, c)
}

func tamperCheck(ctx context.Context, o options) {
	if o.key == "" {
		fail("usage", "-key is required")
	}
	opts := immuclient.DefaultOptions().WithAddress(o.address).WithPort(o.port).WithDir(o.stateDir)
	if o.pubKey != "" {
		opts = opts.WithServerSigningPubKey(o.pubKey)
	}
	c := immuclient.NewClient().WithOptions(opts)
	if err := c.OpenSession(ctx, []byte(adminUser), []byte(adminPassword), tamperDB); err != nil {
		fmt.Printf("VERIFIED_GET_FAILED open session: %v\n", err)
		return
	}
	defer c.CloseSession(ctx)
	st, err := (&session{ImmuClient: c, states: c.StateService}).trusted(ctx, tamperDB)
	must("stored trusted state", err)
	fmt.Printf("STORED db=%s txId=%d\n", st.Db, st.TxId)
	e, err := c.Get(ctx, []byte(o.key))
	if err != nil {
		fmt.Printf("UNVERIFIED_GET error: %v\n", err)
	} else {
		fmt.Printf("UNVERIFIED_GET tx=%d value=%q\n", e.Tx, e.Value)
	}
	e, err = c.VerifiedGet(ctx, []byte(o.key))
	if err == nil {
		fail("tampering not detected", fmt.Sprintf("VerifiedGet %s passed with value %q", o.key, e.Value))
	}
	fmt.Printf("VERIFIED_GET_FAILED %v\n", err)
}
