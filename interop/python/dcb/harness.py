"""A tiny test harness: run the test_* functions of a module, print one line per test and a summary line."""
import sys
import traceback


def run(tests):
    passed = failed = 0
    for test in tests:
        try:
            test()
        except Exception:  # noqa: BLE001 - report every failure and keep going
            failed += 1
            print(f"FAIL {test.__name__}", flush=True)
            traceback.print_exc(file=sys.stdout)
        else:
            passed += 1
            print(f"ok   {test.__name__}", flush=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


def expect_error(kind, prefix, call):
    """Calls call() and checks it raises kind with a message starting with prefix; returns the message."""
    try:
        result = call()
    except kind as e:
        message = str(e)
        assert message.startswith(prefix), f"message {message!r} does not start with {prefix!r}"
        return message
    raise AssertionError(f"expected {kind.__name__} starting {prefix!r}, got result {result!r}")
