"""Drives the official immudb Python SDK (immudb-py 1.5.0, token auth) against an immudb-compatible server.

Every check prints "ok   <what>"; the first failed check prints "FAIL <what>: <detail>" and exits with status 1.
The script ends with "ALL OK" when everything passed.

usage: python immudb_interop.py --address HOST:PORT --pubkey SERVER_PUBLIC_KEY.pem
"""

import argparse
import sys
import traceback

import ecdsa
from immudb import ImmudbClient, constants, datatypesv2
from immudb.rootService import RootService, State

ADMIN, ADMIN_PW = "immudb", "immudb"
DB = "pydb"
VERIFIED_KEYS = 60


class CheckFailed(Exception):
    pass


def check(cond, what, detail=""):
    if not cond:
        raise CheckFailed("%s: %s" % (what, detail))
    print("ok   " + what, flush=True)


def expect_error(what, fn, fragment):
    """fn must raise an error whose text contains fragment."""
    try:
        result = fn()
    except Exception as e:  # the SDK raises grpc.RpcError or its own exception types
        text = "%s %s" % (type(e).__name__, getattr(e, "details", lambda: str(e))())
        check(fragment in text, what, "error %r does not contain %r" % (text, fragment))
        return
    raise CheckFailed("%s: expected an error containing %r, got %r" % (what, fragment, result))


def key(i):
    return b"key-%03d" % i


def value(i):
    return b"value-%03d-%s" % (i, b"v" * (i % 7))


def trusted(rs):
    """The SDK's trusted state: what its RootService holds (a State or an ImmutableState message)."""
    st = rs.get()
    return st.txId, bytes(st.txHash)


def signature_checks(client, public_key_file):
    vk = ecdsa.VerifyingKey.from_pem(open(public_key_file).read())
    state = client.currentState()
    check(state.db == "defaultdb" and len(state.signature) > 0, "CurrentState is signed", repr(state))
    state.Verify(vk)  # raises BadSignatureError when the signature does not match
    print("ok   CurrentState signature verifies with the server public key", flush=True)
    other = ecdsa.SigningKey.generate(curve=ecdsa.NIST256p).get_verifying_key()
    expect_error("CurrentState signature fails with another key", lambda: state.Verify(other), "BadSignature")
    forged = State(db=state.db, txId=state.txId + 1, txHash=state.txHash, publicKey=state.publicKey,
                   signature=state.signature)
    expect_error("signature does not cover a changed txId", lambda: forged.Verify(vk), "BadSignature")


def databases(client):
    client.createDatabase(DB.encode())
    names = client.databaseList()
    check(DB in names and "defaultdb" in names, "createDatabase + databaseList", repr(names))
    expect_error("createDatabase twice", lambda: client.createDatabase(DB.encode()), "already exists")
    resp = client.createDatabaseV2("pydbv0", datatypesv2.DatabaseSettingsV2(writeTxHeaderVersion=0), False)
    check(resp.name == "pydbv0" and not resp.alreadyExisted, "createDatabaseV2 header version 0", repr(resp))
    resp = client.createDatabaseV2("pydbv0", datatypesv2.DatabaseSettingsV2(), True)
    check(resp.alreadyExisted, "createDatabaseV2 ifNotExists on an existing db", repr(resp))


def permission_of(client, user, db):
    for u in client.listUsers().userlist.users:
        if u.user == user.encode():
            perms = {p.database: p.permission for p in u.permissions}
            return perms.get(db, 0)
    return None


def users(client, address):
    user, pw1, pw2 = "pyuser", "Passw0rd!1", "Passw0rd!2"
    client.createUser(user, pw1, constants.PERMISSION_RW, DB)
    check(permission_of(client, user, DB) == constants.PERMISSION_RW, "createUser + listUsers",
          repr(permission_of(client, user, DB)))
    client.changePassword(user, pw2, pw1)
    client.changePermission(constants.PERMISSION_GRANT, user, DB, constants.PERMISSION_R)
    check(permission_of(client, user, DB) == constants.PERMISSION_R, "changePermission GRANT read",
          repr(permission_of(client, user, DB)))
    other = ImmudbClient(address)
    expect_error("login with the old password fails", lambda: other.login(user, pw1, DB.encode()), "password")
    other = ImmudbClient(address)
    other.login(user, pw2, DB.encode())
    print("ok   login with the changed password", flush=True)
    expect_error("read-only user cannot set", lambda: other.set(b"denied", b"x"), "permission denied")
    other.logout()


def verified_writes(client, rs):
    last = None
    for i in range(VERIFIED_KEYS):
        resp = client.verifiedSet(key(i), value(i))
        if not resp.verified:
            raise CheckFailed("verifiedSet %s not verified: %r" % (key(i), resp))
        if last is not None and resp.id != last + 1:
            raise CheckFailed("verifiedSet tx ids: %d after %d" % (resp.id, last))
        last = resp.id
    tx, h = trusted(rs)
    check(tx == last, "verifiedSet x%d carries the trusted state forward" % VERIFIED_KEYS,
          "trusted tx %d, last tx %d" % (tx, last))
    print("trusted state after verifiedSet: tx=%d alh=%s" % (tx, h.hex()), flush=True)
    for i in range(VERIFIED_KEYS):
        r = client.verifiedGet(key(i))
        if not r.verified or r.key != key(i) or r.value != value(i) or r.id != last - VERIFIED_KEYS + 1 + i:
            raise CheckFailed("verifiedGet %s: %r" % (key(i), r))
    check(True, "verifiedGet x%d" % VERIFIED_KEYS)
    first = last - VERIFIED_KEYS + 1
    r = client.verifiedGetAt(key(3), first + 3)
    check(r.verified and r.value == value(3), "verifiedGetAt", repr(r))
    r = client.verifiedGetSince(key(4), first + 4)
    check(r.verified and r.value == value(4), "verifiedGetSince", repr(r))
    check(client.get(b"no-such-key") is None, "get of a missing key returns None")
    return first


def plain_ops(client):
    resp = client.set(b"plain", b"plain-value")
    g = client.get(b"plain")
    check(g.value == b"plain-value" and g.tx == resp.id and g.revision == 1, "set/get", repr(g))
    batch = {b"batch-%02d" % i: b"batch-value-%02d" % i for i in range(10)}
    resp = client.setAll(batch)
    got = client.getAll(list(batch.keys()) + [b"batch-missing"])
    check(got == batch, "setAll/getAll", repr(got))
    for i in range(10):
        if client.get(b"batch-%02d" % i).tx != resp.id:
            raise CheckFailed("setAll did not write one transaction")
    check(True, "setAll wrote one transaction")
    for v in (b"h1", b"h2", b"h3"):
        client.set(b"hist", v)
    hist = client.history(b"hist", 0, 10, False)
    check([h.value for h in hist] == [b"h1", b"h2", b"h3"] and hist[0].tx < hist[2].tx, "history",
          repr(hist))
    hist = client.history(b"hist", 1, 1, True)
    check([h.value for h in hist] == [b"h2"], "history desc offset limit", repr(hist))


def references(client):
    hdr = client.setReference(key(1), b"ref-1")
    g = client.get(b"ref-1")
    check(g.value == value(1) and g.key == key(1), "setReference + get through it", repr(g))
    hdr = client.verifiedSetReference(key(2), b"ref-2")
    check(hdr.id > 0, "verifiedSetReference", repr(hdr))
    r = client.verifiedGet(b"ref-2")
    check(r.verified and r.value == value(2) and r.refkey == b"ref-2", "verifiedGet through a reference",
          repr(r))


def sorted_sets(client):
    client.zAdd(b"zs", 2.5, key(2))
    r = client.verifiedZAdd(b"zs", 1.0, key(1))
    check(r.verified, "verifiedZAdd", repr(r))
    client.verifiedZAdd(b"zs", 7.0, key(7))
    # immudb-py always sends minScore and maxScore (0 when not given), so give both.
    z = client.zScan(b"zs", limit=10, desc=False, minscore=0.0, maxscore=100.0)
    got = [(e.key, e.score, e.entry.value) for e in z.entries]
    want = [(key(1), 1.0, value(1)), (key(2), 2.5, value(2)), (key(7), 7.0, value(7))]
    check(got == want, "zScan order, scores and entries", repr(got))
    z = client.zScan(b"zs", limit=10, desc=True, minscore=2.0, maxscore=100.0)
    check([e.key for e in z.entries] == [key(7), key(2)], "zScan desc with minScore", repr(z))


def scans_and_txs(client, first):
    s = client.scan(b"", b"key-", False, 100)
    check(list(s.keys()) == [key(i) for i in range(VERIFIED_KEYS)] and s[key(9)] == value(9), "scan prefix",
          repr(list(s.keys())[:5]))
    s = client.scan(b"", b"key-", True, 3)
    check(list(s.keys()) == [key(VERIFIED_KEYS - 1), key(VERIFIED_KEYS - 2), key(VERIFIED_KEYS - 3)],
          "scan desc limit", repr(s))
    keys = client.txById(first)
    check(keys == [key(0)], "txById", repr(keys))
    check(client.txById(10**6) is None, "txById of an unknown tx returns None")
    keys = client.verifiedTxById(first + 1)
    check(keys == [key(1)], "verifiedTxById of an old tx", repr(keys))
    # currentState() would replace the trusted state with an unverified one: use the id set() returns.
    newest = client.set(b"after", b"x").id
    keys = client.verifiedTxById(newest)
    check(keys == [b"after"], "verifiedTxById of the newest tx", repr(keys))


def streams(client):
    """The chunked stream RPCs (streamSet/streamGet/streamVerifiable*/streamScan/streamHistory/streamZScan)."""
    big = bytes(range(256)) * 600  # 150 KiB: several 64 KiB chunks
    hdr = client.streamSetFullValue(b"stream-big", big)
    kv = client.streamGetFull(b"stream-big")
    check(kv.key == b"stream-big" and kv.value == big and hdr.id > 0, "streamSet/streamGet of a 150 KiB value",
          "got %d bytes" % len(kv.value))
    r = client.streamVerifiedSetFullValue(b"stream-verified", b"sv-value")
    check(r.verified, "streamVerifiableSet", repr(r))
    r = client.streamVerifiedGet(b"stream-verified")
    check(r.verified and r.value == b"sv-value", "streamVerifiableGet", repr(r))
    got = [(e.key, e.value) for e in client.streamScan(prefix=b"batch-", limit=3)]
    check(got == [(b"batch-%02d" % i, b"batch-value-%02d" % i) for i in range(3)], "streamScan", repr(got))
    got = [e.value for e in client.streamHistory(b"hist")]
    check(got == [b"h1", b"h2", b"h3"], "streamHistory", repr(got))
    got = [(e.key, e.score) for e in client.streamZScan(set=b"zs", limit=10)]
    check(got == [(key(1), 1.0), (key(2), 2.5), (key(7), 7.0)], "streamZScan", repr(got))


def header_v0(client):
    client.useDatabase(b"pydbv0")
    for i in range(5):
        r = client.verifiedSet(key(i), value(i))
        if not r.verified:
            raise CheckFailed("verifiedSet on header-v0 db: %r" % r)
    for i in range(5):
        r = client.verifiedGet(key(i))
        if not r.verified or r.value != value(i):
            raise CheckFailed("verifiedGet on header-v0 db: %r" % r)
    check(True, "verifiedSet/verifiedGet on a header-version-0 database")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--address", required=True)
    p.add_argument("--pubkey", required=True)
    a = p.parse_args()

    rs = RootService()
    client = ImmudbClient(a.address, rs=rs, publicKeyFile=a.pubkey, timeout=60)
    login = client.login(ADMIN, ADMIN_PW)
    check(bool(login.token), "login + useDatabase defaultdb", repr(login))
    check(client.healthCheck(), "healthCheck")
    signature_checks(client, a.pubkey)
    databases(client)
    users(client, a.address)
    client.useDatabase(DB.encode())
    check(trusted(rs)[0] == 0, "useDatabase %s starts from the empty state" % DB, repr(trusted(rs)))
    first = verified_writes(client, rs)
    plain_ops(client)
    references(client)
    sorted_sets(client)
    scans_and_txs(client, first)
    streams(client)
    tx, h = trusted(rs)
    print("TRUSTED db=%s txId=%d txHash=%s" % (DB, tx, h.hex()), flush=True)
    header_v0(client)
    client.logout()
    print("ALL OK", flush=True)


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as e:
        print("FAIL %s" % e, flush=True)
        sys.exit(1)
    except Exception as e:
        traceback.print_exc(file=sys.stdout)
        print("FAIL unexpected %s: %s" % (type(e).__name__, e), flush=True)
        sys.exit(1)
