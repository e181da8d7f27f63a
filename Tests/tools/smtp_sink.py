#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests and the benchmark: Python's aiosmtpd, which receives what Loa
sends. Each message is written as N.eml in --out with N.json beside it (envelope sender, recipients, the client's
address and port, so a test can tell how many connections were used).

    python3 Tests/tools/smtp_sink.py --out DIR [--host 127.0.0.1] [--user U --password P]
        [--refuse ADDRESS]... [--slow-rcpt ADDRESS:SECONDS]... [--slow-data ADDRESS:SECONDS]... [--count-only]

Prints "READY PORT" on stdout once it listens, then serves until stdin closes or it is killed.
"""
import argparse
import asyncio
import json
import os
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.lock = threading.Lock()
        self.refuse = set(args.refuse)
        self.slow = {a.rsplit(":", 1)[0]: float(a.rsplit(":", 1)[1]) for a in args.slow_rcpt}
        self.slow_data = {a.rsplit(":", 1)[0]: float(a.rsplit(":", 1)[1]) for a in args.slow_data}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        if address in self.slow:
            await asyncio.sleep(self.slow[address])
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        if not self.args.count_only:
            base = os.path.join(self.args.out, "%06d" % n)
            with open(base + ".eml", "wb") as f:
                f.write(envelope.original_content)
            with open(base + ".json", "w") as f:
                json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                           "peer": list(session.peer[:2])}, f)
        elif self.args.out:
            with open(os.path.join(self.args.out, "count"), "w") as f:
                f.write(str(n))
        # a message taken in but answered late: it arrived, though the client may never hear so
        delay = max([self.slow_data.get(a, 0) for a in envelope.rcpt_tos] + [0])
        if delay:
            await asyncio.sleep(delay)
        return "250 2.0.0 accepted"


def free_port(host):
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--refuse", action="append", default=[])
    p.add_argument("--slow-rcpt", action="append", default=[])
    p.add_argument("--slow-data", action="append", default=[])
    p.add_argument("--count-only", action="store_true")
    args = p.parse_args()
    if args.out:
        os.makedirs(args.out, exist_ok=True)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login.decode() == args.user and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if args.user:
        kwargs = dict(auth_require_tls=False, auth_required=True, authenticator=authenticator)
    port = free_port(args.host)
    controller = Controller(Sink(args), hostname=args.host, port=port, **kwargs)
    controller.start()
    print("READY %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
