"""The fetcher's address rule: addresses that wrap a private IPv4 address are private too, and a
refusal never tells a checker what an internal host name resolves to."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.sources import fetch as fetching
from factcheck.sources.fetch import FetchError, FetchSettings, address_problem, fetch_url

GUARDED = FetchSettings(timeout=(1.0, 1.0), retries=0)


@pytest.mark.parametrize(
    "address",
    [
        "192.0.0.192",  # IETF protocol assignments: not on the internet
        "192.0.0.9",
        "192.0.0.170",
        "2002:0a00:0001::1",  # 6to4 wrapping 10.0.0.1
        "2002:7f00:0001::1",  # 6to4 wrapping 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 wrapping 169.254.169.254
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo wrapping 10.0.0.1
        "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 wrapping 127.0.0.1
        "64:ff9b:1::a00:1",  # local-use NAT64
        "::10.0.0.1",  # IPv4-compatible (deprecated)
        "::ffff:0:10.0.0.1",  # IPv4-translated
    ],
)
def test_addresses_wrapping_private_ones_are_refused(address):
    assert address_problem(address) is not None


@pytest.mark.parametrize("address", ["2002:5db8:d822::1", "64:ff9b::5db8:d822", "93.184.216.34"])
def test_addresses_wrapping_public_ones_stay_allowed(address):
    assert address_problem(address) is None


def test_a_refusal_names_the_host_but_not_the_internal_address_it_resolves_to(monkeypatch):
    monkeypatch.setattr(fetching, "_resolve", lambda host, port: ["10.20.30.40"])
    with pytest.raises(FetchError) as caught:
        fetch_url("http://wiki.newsroom.internal/page", GUARDED)
    message = str(caught.value)
    assert caught.value.refused
    assert "wiki.newsroom.internal" in message and "private" in message
    assert "10.20.30.40" not in message


def test_a_connection_refused_after_rebinding_does_not_name_the_address_either(monkeypatch):
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    monkeypatch.setattr(fetching, "_resolve", lambda host, port: ["93.184.216.34"])
    settings = dataclasses.replace(GUARDED)
    try:
        with pytest.raises(FetchError) as caught:
            fetch_url(f"http://127.0.0.1:{port}/", settings)
    finally:
        listener.close()
    assert str(caught.value).endswith("connected to a loopback address")
