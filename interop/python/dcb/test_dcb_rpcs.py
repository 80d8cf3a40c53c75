"""Drives every DCB RPC of a VeriDB server with the real umadb Python client.

Usage: python test_dcb_rpcs.py URL
The database may hold other data: every test uses its own unique tags and types.
"""
import sys
import threading
import time
import uuid

import umadb
from umadb import AppendCondition, Client, Event, Query, QueryItem, TrackingInfo

from harness import expect_error, run

URL = sys.argv[1]
client = Client(URL)


def unique(name):
    return f"{name}-{uuid.uuid4().hex[:12]}"


def tag_query(*tags, types=()):
    return Query([QueryItem(types=list(types), tags=list(tags))])


def test_head_and_append_round_trip():
    t = unique("order")
    u = uuid.uuid4()
    event = Event("OrderPlaced", b"\x00\x01data", tags=[t, "b", t], uuid=u, metadata={"k": "v", "z": ""})
    position = client.append([event])
    assert client.head() >= position
    read = list(client.read(query=tag_query(t)))
    assert [e.position for e in read] == [position], read
    got = read[0].event
    assert got.event_type == "OrderPlaced"
    assert got.tags == [t, "b", t], got.tags
    assert got.data == b"\x00\x01data"
    assert got.uuid == u
    assert got.metadata == {"k": "v", "z": ""}, got.metadata
    assert read[0].tracking_info is None


def test_positions_in_one_append_are_contiguous():
    t = unique("batch")
    last = client.append([Event("E", b"%d" % i, tags=[t]) for i in range(5)])
    positions = [e.position for e in client.read(query=tag_query(t))]
    assert positions == list(range(last - 4, last + 1)), positions


def test_conditional_append_conflict_raises_integrity_error():
    t = unique("acct")
    first = client.append([Event("Opened", b"", tags=[t])])
    condition = AppendCondition(tag_query(t), after=None)
    message = expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                           lambda: client.append([Event("Opened", b"", tags=[t])], condition=condition))
    assert "Opened" in message, message
    # after is exclusive: the existing event at `first` no longer matches.
    second = client.append([Event("Credited", b"", tags=[t])], condition=AppendCondition(tag_query(t), after=first))
    assert second > first
    expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                 lambda: client.append([Event("X", b"", tags=[t])], condition=AppendCondition(tag_query(t), after=first)))


def test_type_only_condition():
    ty = unique("Type")
    client.append([Event(ty, b"")])
    expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                 lambda: client.append([Event("Other", b"")],
                                       condition=AppendCondition(Query([QueryItem(types=[ty], tags=[])]))))


def test_idempotent_retry_returns_the_original_position():
    t = unique("idem")
    events = [Event("A", b"1", tags=[t], uuid=uuid.uuid4()), Event("B", b"2", tags=[t], uuid=uuid.uuid4())]
    head = client.head() or 0
    condition = AppendCondition(tag_query(t), after=head)
    position = client.append(events, condition=condition)
    head_after = client.head()
    assert client.append(events, condition=condition) == position
    assert client.head() == head_after
    # The same events in another order conflict.
    expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                 lambda: client.append(list(reversed(events)), condition=condition))


def test_tracking_info_is_recorded_checked_and_returned():
    source = unique("upstream")
    t = unique("tracked")
    assert client.get_tracking_info(source) is None
    position = client.append([Event("T", b"", tags=[t])], tracking_info=TrackingInfo(source, 5))
    assert client.get_tracking_info(source) == 5
    read = list(client.read(query=tag_query(t)))
    assert read[0].position == position
    assert read[0].tracking_info == TrackingInfo(source, 5), read[0].tracking_info
    message = expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                           lambda: client.append([Event("T", b"", tags=[t])], tracking_info=TrackingInfo(source, 5)))
    assert message == f"integrity error: condition failed: non-increasing tracking position for source '{source}': 5 <= 5", message
    # Zero events: records tracking only and returns 0.
    assert client.append([], tracking_info=TrackingInfo(source, 100)) == 0
    assert client.get_tracking_info(source) == 100


def test_backwards_and_limited_reads_carry_head():
    t = unique("page")
    last = client.append([Event("P", b"%d" % i, tags=[t]) for i in range(6)])
    response = client.read(query=tag_query(t), backwards=True, limit=2)
    events, head = response.collect_with_head()
    assert [e.position for e in events] == [last, last - 1]
    assert head == last - 1, head  # with a limit, head = last position in the message
    events, head = client.read(query=tag_query(t), start=last - 3, limit=2).collect_with_head()
    assert [e.position for e in events] == [last - 3, last - 2]
    assert head == last - 2
    events, head = client.read(query=tag_query(t)).collect_with_head()
    assert len(events) == 6
    assert head >= last  # without a limit, head = database head at the start of the read
    events, head = client.read(query=tag_query(t), start=last - 1, backwards=True).collect_with_head()
    assert [e.position for e in events] == [last - 1 - i for i in range(5)]


def test_empty_result_still_returns_head():
    events, head = client.read(query=tag_query(unique("none"))).collect_with_head()
    assert events == []
    assert head == client.head()
    assert list(client.read(limit=0)) == []


def test_subscription_receives_catch_up_and_live_events():
    t = unique("live")
    first = client.append([Event("S", b"old", tags=[t])])
    received = []
    done = threading.Event()
    subscription = client.subscribe(query=tag_query(t), after=first - 1)

    def consume():
        for event in subscription:
            received.append(event)
            if len(received) == 3:
                done.set()
                return

    thread = threading.Thread(target=consume, name="subscriber", daemon=True)
    thread.start()
    time.sleep(0.3)
    client.append([Event("S", b"new1", tags=[t])])
    client.append([Event("S", b"new2", tags=[t]), Event("Other", b"", tags=[unique("x")])])
    assert done.wait(30), f"received only {received}"
    subscription.cancel()
    assert [e.event.data for e in received] == [b"old", b"new1", b"new2"]


def test_idle_subscription_survives_client_keepalive_pings():
    """The client pings every 5 s on an open stream; the server must tolerate that (no GOAWAY too_many_pings)."""
    t = unique("idle")
    received = []
    done = threading.Event()
    subscription = client.subscribe(query=tag_query(t))

    def consume():
        for event in subscription:
            received.append(event)
            done.set()
            return

    threading.Thread(target=consume, name="idle-subscriber", daemon=True).start()
    time.sleep(12)
    client.append([Event("Late", b"after-idle", tags=[t])])
    assert done.wait(30), "no event after an idle period"
    subscription.cancel()
    assert received[0].event.data == b"after-idle"


def test_subscription_after_max_ends_at_once():
    assert list(client.subscribe(after=2**64 - 1)) == []


def test_health_is_serving():
    assert client.check_health("") == umadb.ServingStatus.SERVING
    assert client.check_health("umadb.v1.DCB") == umadb.ServingStatus.SERVING


def test_zero_event_append_with_failing_condition_is_a_clean_integrity_error():
    t = unique("zero")
    client.append([Event("Z", b"", tags=[t])])
    expect_error(umadb.IntegrityError, "integrity error: condition failed: ",
                 lambda: client.append([], condition=AppendCondition(tag_query(t))))
    assert client.head() is not None  # server still alive


def test_invalid_arguments_are_rejected_and_nothing_is_stored():
    head = client.head()
    expect_error(ValueError, "invalid argument: event has 70000 tags, exceeding the maximum of 65535",
                 lambda: client.append([Event("T", b"", tags=[str(i) for i in range(70000)])]))
    expect_error(ValueError, "invalid argument: tracking source too long (300 > 255)",
                 lambda: client.append([Event("T", b"")], tracking_info=TrackingInfo("s" * 300, 1)))
    assert client.head() == head


def test_unconditional_duplicate_uuid_is_appended_again():
    t = unique("dup")
    u = uuid.uuid4()
    a = client.append([Event("D", b"", tags=[t], uuid=u)])
    b = client.append([Event("D", b"", tags=[t], uuid=u)])
    assert b == a + 1 or b > a


if __name__ == "__main__":
    code = run([f for name, f in sorted(globals().items()) if name.startswith("test_")])
    client.close()
    sys.exit(code)
