#!/usr/bin/python3
"""A throw-away SMTP server on loopback for the Mailbox tests (Debian's python3-aiosmtpd).

    /usr/bin/python3 smtp-server.py PORT OUTDIR [--reject-rcpt ADDR]... [--tempfail-rcpt ADDR]...

PORT 0 picks a free port. The first line on stdout is "listening on 127.0.0.1:PORT" once
connections are accepted. Each accepted message becomes OUTDIR/N.eml (the DATA bytes, exactly,
after dot-unstuffing) beside OUTDIR/N.json (envelope), both written atomically, the JSON first.
RCPT of a --reject-rcpt address gets 550, of a --tempfail-rcpt address 451. The server exits
on SIGTERM, or by itself when the process that started it exits.
"""
import argparse
import asyncio
import itertools
import json
import os
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


class Handler:
    def __init__(self, outdir, reject, tempfail):
        self.outdir = outdir
        self.reject = {address.lower() for address in reject}
        self.tempfail = {address.lower() for address in tempfail}
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        if address.lower() in self.tempfail:
            return "451 4.3.0 <%s>: Temporary failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = "%06d" % next(self.counter)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}
        write_atomically(os.path.join(self.outdir, number + ".json"), json.dumps(meta).encode())
        write_atomically(os.path.join(self.outdir, number + ".eml"), envelope.original_content)
        return "250 2.0.0 Ok: queued as %s" % number


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--tempfail-rcpt", action="append", default=[])
    arguments = parser.parse_args()
    os.makedirs(arguments.outdir, exist_ok=True)
    handler = Handler(arguments.outdir, arguments.reject_rcpt, arguments.tempfail_rcpt)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="rig.test", decode_data=False), "127.0.0.1", arguments.port)
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
