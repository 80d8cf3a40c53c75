"""DCB consistency run: concurrent writers append under random conditions, then every stored event is checked
against the conditions its append was granted under (no event matching a granted append's query may sit between
that append's `after` and its own first position).

Usage: python consistency.py URL WRITERS SECONDS SEED
Prints the seed, the counts, and "N passed, M failed" (one check per granted append).
"""
import random
import sys
import threading
import time

import umadb
from umadb import AppendCondition, Client, Event, Query, QueryItem

URL, WRITERS, SECONDS, SEED = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
TYPES = [f"cons-type-{i}" for i in range(3)]
TAGS = [f"cons-tag-{i}" for i in range(6)]


def random_items(rng):
    """(types, tags) pairs; kept as plain data because umadb.Query does not expose its items."""
    items = []
    for _ in range(rng.randint(1, 2)):
        types = rng.sample(TYPES, rng.randint(0, 1))
        tags = rng.sample(TAGS, rng.randint(1 if not types else 0, 2))
        items.append((types, tags))
    return items


def random_event(rng, writer):
    return Event(rng.choice(TYPES), b"w%d" % writer, tags=rng.sample(TAGS, rng.randint(1, 3)))


def matches(items, event):
    for types, tags in items:
        if types and event.event_type not in types:
            continue
        if all(tag in event.tags for tag in tags):
            return True
    return False


def writer(index, deadline, granted, counts, lock):
    rng = random.Random(SEED * 1000 + index)
    with Client(URL) as client:
        while time.monotonic() < deadline:
            items = random_items(rng)
            query = Query([QueryItem(types=types, tags=tags) for types, tags in items])
            _, head = client.read(query=query, limit=None).collect_with_head()
            after = head if head is not None and rng.random() < 0.9 else None
            events = [random_event(rng, index) for _ in range(rng.randint(1, 3))]
            try:
                last = client.append(events, condition=AppendCondition(query, after=after))
            except umadb.IntegrityError:
                with lock:
                    counts["conflicts"] += 1
                continue
            with lock:
                granted.append((items, after, last - len(events) + 1, last))
                counts["granted"] += 1


def main():
    granted, counts, lock = [], {"granted": 0, "conflicts": 0}, threading.Lock()
    deadline = time.monotonic() + SECONDS
    threads = [threading.Thread(target=writer, args=(i, deadline, granted, counts, lock), name=f"writer-{i}")
               for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Client(URL) as client:
        stored = {e.position: e.event for e in client.read()}
    passed = failed = 0
    for query, after, first, last in granted:
        violations = [p for p in range((after or 0) + 1, first) if p in stored and matches(query, stored[p])]
        own = [p for p in range(first, last + 1) if p in stored]
        if violations or len(own) != last - first + 1:
            failed += 1
            print(f"VIOLATION query={query} after={after} own={first}..{last} matching={violations[:5]}")
        else:
            passed += 1
    print(f"seed={SEED} writers={WRITERS} granted={counts['granted']} conflicts={counts['conflicts']}"
          f" stored={len(stored)}")
    if counts["conflicts"] == 0 or counts["granted"] == 0:
        print("the run exercised no conflicts or no grants")
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
