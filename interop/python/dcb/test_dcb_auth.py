"""API-key checks over TLS with the real umadb client (it refuses to send a key over plaintext).

Usage: python test_dcb_auth.py HTTPS_URL CA_PEM API_KEY
"""
import sys

import umadb
from umadb import Client, Event

from harness import expect_error, run

URL, CA, KEY = sys.argv[1], sys.argv[2], sys.argv[3]


def test_right_key_is_accepted():
    with Client(URL, ca_path=CA, api_key=KEY) as client:
        position = client.append([Event("Auth", b"ok", tags=["auth"])])
        assert client.head() >= position
        assert [e.position for e in client.read(start=position)] == [position]


def test_wrong_key_is_rejected():
    with Client(URL, ca_path=CA, api_key=KEY + "x") as client:
        expect_error(umadb.AuthenticationError, "authentication error: missing or invalid API key", client.head)
        expect_error(umadb.AuthenticationError, "authentication error: missing or invalid API key",
                     lambda: client.append([Event("Auth", b"no")]))


def test_missing_key_is_rejected():
    with Client(URL, ca_path=CA) as client:
        expect_error(umadb.AuthenticationError, "authentication error: missing or invalid API key", client.head)


def test_health_needs_no_key():
    with Client(URL, ca_path=CA) as client:
        assert client.check_health("") == umadb.ServingStatus.SERVING


def test_client_refuses_key_over_plaintext():
    plaintext = URL.replace("https://", "http://")
    try:
        with Client(plaintext, api_key=KEY) as client:
            client.head()
    except Exception as e:  # noqa: BLE001 - the client raises a transport-level error
        assert "TLS" in str(e) or "tls" in str(e) or "https" in str(e), str(e)
    else:
        raise AssertionError("client sent an API key over plaintext")


if __name__ == "__main__":
    sys.exit(run([f for name, f in sorted(globals().items()) if name.startswith("test_")]))
