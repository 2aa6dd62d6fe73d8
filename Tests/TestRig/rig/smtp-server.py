#!/usr/bin/python3
"""A throw-away SMTP server on loopback for the Mailbox tests (Debian's python3-aiosmtpd).

    /usr/bin/python3 smtp-server.py PORT OUTDIR [--reject-rcpt ADDR]... [--tempfail-rcpt ADDR]...
                                               [--control FILE]

PORT 0 picks a free port. The first line on stdout is "listening on 127.0.0.1:PORT" once
connections are accepted. Each accepted message becomes OUTDIR/N.eml (the DATA bytes, exactly,
after dot-unstuffing) beside OUTDIR/N.json (envelope), both written atomically, the JSON first.
N continues after the highest number already in OUTDIR, so a server restarted on the same
OUTDIR never overwrites what an earlier one received.
RCPT of a --reject-rcpt address gets 550, of a --tempfail-rcpt address 451. The server exits
on SIGTERM, or by itself when the process that started it exits.

--control FILE changes the behaviour while the server runs: the file is re-read at every new
connection and every RCPT, so a test switches it by rewriting the file (atomically). Lines:

    mode normal        the default
    mode greet-421     every connection is answered "421" at once and closed
    mode rcpt-451      every RCPT is answered "451"
    reject ADDR        RCPT of ADDR gets 550 (besides --reject-rcpt)
    tempfail ADDR      RCPT of ADDR gets 451 (besides --tempfail-rcpt)

A missing or empty file means "mode normal". Each refusal the control file causes is logged
on stderr.
"""
import argparse
import asyncio
import itertools
import json
import os
import re
import signal
import sys

try:
    from aiosmtpd.smtp import SMTP
except ImportError:
    sys.exit("smtp-server.py: aiosmtpd is missing (Debian: python3-aiosmtpd); run it with /usr/bin/python3")


def write_atomically(path, data):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.rename(temporary, path)


class Control:
    """The behaviour the control file asks for, as of the last read."""

    def __init__(self, path):
        self.path = path

    def read(self):
        mode, reject, tempfail = "normal", set(), set()
        if self.path:
            try:
                with open(self.path, encoding="utf-8") as file:
                    lines = file.read().splitlines()
            except FileNotFoundError:
                lines = []
            for line in lines:
                words = line.split()
                if len(words) != 2:
                    continue
                if words[0] == "mode":
                    mode = words[1]
                elif words[0] == "reject":
                    reject.add(words[1].lower())
                elif words[0] == "tempfail":
                    tempfail.add(words[1].lower())
        return mode, reject, tempfail


class Handler:
    def __init__(self, outdir, reject, tempfail, control):
        self.outdir = outdir
        self.reject = {address.lower() for address in reject}
        self.tempfail = {address.lower() for address in tempfail}
        self.control = control
        numbers = [int(match.group(1)) for match in
                   (re.fullmatch(r"(\d+)\.(eml|json)", name) for name in os.listdir(outdir)) if match]
        self.counter = itertools.count(max(numbers, default=0) + 1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        mode, reject, tempfail = self.control.read()
        if mode == "rcpt-451":
            print("control: 451 to RCPT %s" % address, file=sys.stderr, flush=True)
            return "451 4.3.0 <%s>: Temporary failure, try again later" % address
        if address.lower() in self.reject | reject:
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        if address.lower() in self.tempfail | tempfail:
            return "451 4.3.0 <%s>: Temporary failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = "%06d" % next(self.counter)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}
        write_atomically(os.path.join(self.outdir, number + ".json"), json.dumps(meta).encode())
        write_atomically(os.path.join(self.outdir, number + ".eml"), envelope.original_content)
        return "250 2.0.0 Ok: queued as %s" % number


class ServiceUnavailable(asyncio.Protocol):
    """A server that is up but refuses service: 421 at the greeting, then the connection closes."""

    def connection_made(self, transport):
        print("control: 421 at greeting", file=sys.stderr, flush=True)
        transport.write(b"421 4.3.2 rig.test Service not available, closing transmission channel\r\n")
        transport.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--tempfail-rcpt", action="append", default=[])
    parser.add_argument("--control")
    arguments = parser.parse_args()
    os.makedirs(arguments.outdir, exist_ok=True)
    control = Control(arguments.control)
    handler = Handler(arguments.outdir, arguments.reject_rcpt, arguments.tempfail_rcpt, control)

    def connection():
        if control.read()[0] == "greet-421":
            return ServiceUnavailable()
        return SMTP(handler, hostname="rig.test", decode_data=False)

    loop = asyncio.get_running_loop()
    # SO_REUSEADDR (asyncio's default on Unix): a server restarted on the port of one that just
    # stopped binds it despite the old connections in TIME_WAIT.
    server = await loop.create_server(connection, "127.0.0.1", arguments.port, reuse_address=True)
    port = server.sockets[0].getsockname()[1]
    print("listening on 127.0.0.1:%d" % port, flush=True)
    stopping = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stopping.set)
    loop.add_signal_handler(signal.SIGINT, stopping.set)
    parent = os.getppid()
    while not stopping.is_set():
        # Orphaned (the test process died): nobody will stop us, so stop.
        if os.getppid() != parent:
            break
        try:
            await asyncio.wait_for(stopping.wait(), 0.5)
        except asyncio.TimeoutError:
            pass
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
