#!/usr/bin/env python3
"""Write to searchable: posts a tweet with a fresh word through the gateway, then asks search for
that word every 5 ms until it is found; the time from the post's 201 to the first answer that has
it. Both connections are kept alive, so that a sample is not the cost of starting a process or a
connection. Samples one after another, at most `count`, until `seconds` have passed (at least
one).

Usage: searchable.py GATEWAY_URL SEARCH_URL TOKEN COUNT SECONDS
Prints: "median M ms, p95 P ms, p99 Q ms, max X ms, N samples"
"""

import http.client
import json
import secrets
import string
import sys
import time
from urllib.parse import urlsplit

POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 30


def connection(url):
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)


def fresh_word():
    return "fresh" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def post(gateway, token, word):
    gateway.request(
        "POST",
        "/api/v1/tweets/",
        body=json.dumps({"text": word}),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
    )
    answer = gateway.getresponse()
    answer.read()
    if answer.status != 201:
        sys.exit(f"posting a tweet answered {answer.status}")


def found(search, word):
    search.request("GET", "/api/v1/search/?keyword=" + word)
    answer = search.getresponse()
    body = answer.read().decode()
    # An error is not "not yet": waiting it out would fail 30 s later for the wrong reason.
    if answer.status != 200:
        sys.exit(f"search answered {answer.status}: {body[:200]}")
    return word in body


def sample(gateway, search, token):
    word = fresh_word()
    post(gateway, token, word)
    written = time.monotonic()
    while not found(search, word):
        if time.monotonic() - written > GIVE_UP_SECONDS:
            sys.exit(f"a tweet was not searchable after {GIVE_UP_SECONDS} s")
        time.sleep(POLL_SECONDS)
    return (time.monotonic() - written) * 1000


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, int(len(ordered) * p + 0.5) - 1)]


def main():
    gateway_url, search_url, token, count, seconds = sys.argv[1:6]
    gateway, search = connection(gateway_url), connection(search_url)
    deadline = time.monotonic() + float(seconds)
    samples = []
    # At least one sample, however short the time given.
    while not samples or (len(samples) < int(count) and time.monotonic() < deadline):
        samples.append(sample(gateway, search, token))
    ordered = sorted(samples)
    print(
        f"median {percentile(ordered, 0.5):.0f} ms, p95 {percentile(ordered, 0.95):.0f} ms, "
        f"p99 {percentile(ordered, 0.99):.0f} ms, max {ordered[-1]:.0f} ms, {len(ordered)} samples"
    )


if __name__ == "__main__":
    main()
