"""A throwaway Dovecot IMAP server for tests: a minimal config in a temporary folder, on loopback.

Dovecot refuses to keep mail as root, so the maildirs belong to ``nobody`` (65534). It accepts
connections a moment before its auth process is ready, so ``start`` waits for a real LOGIN.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from imapclient import IMAPClient

from tests.integration.postgres import free_port

DOVECOT = "/usr/sbin/dovecot"
MAIL_UID = 65534

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = {ssl}
{ssl_files}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {uid}
first_valid_uid = {uid}
last_valid_uid = {uid}
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={uid} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def dovecot_installed() -> None:
    if not Path(DOVECOT).exists():
        raise RuntimeError("Dovecot is not installed: run `make test`, which installs dovecot-imapd")
    if os.geteuid() != 0:
        raise RuntimeError("the Dovecot fixture runs as root: it hands the maildirs to uid 65534")


def self_signed_cert(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate and key for ``host``, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={host}", "-addext", f"subjectAltName=IP:{host}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


class ImapServer:
    """A Dovecot process with its mail in ``root``; users are added with ``add_user``."""

    def __init__(self, root: Path, tls: bool = False, extra_config: str = "") -> None:
        dovecot_installed()
        self.root, self.port, self.host = root, free_port(), "127.0.0.1"
        self.cert: Path | None = None
        self.user = self.password = ""  # the test's own mail user, set by the fixture
        self.process: subprocess.Popen | None = None
        for name in ("run", "state", "mail"):
            (root / name).mkdir(parents=True, exist_ok=True)
        root.chmod(0o755)
        shutil.chown(root / "mail", MAIL_UID, MAIL_UID)
        (root / "passwd").write_text("probe:probe::::::\n")
        ssl_files = ""
        if tls:
            self.cert, key = self_signed_cert(root)
            ssl_files = f"ssl_cert = <{self.cert}\nssl_key = <{key}"
        (root / "dovecot.conf").write_text(CONFIG.format(
            root=root, port=self.port, uid=MAIL_UID, ssl="yes" if tls else "no",
            ssl_files=ssl_files) + extra_config)

    def add_user(self, username: str, password: str) -> None:
        """Add a user before ``start`` (a running Dovecot does not see new lines at once)."""
        if self.process is not None:
            raise RuntimeError("add users before starting the server")
        with open(self.root / "passwd", "a") as f:
            f.write(f"{username}:{password}::::::\n")

    def start(self, timeout: float = 10.0) -> None:
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.process.stderr.read().decode()}\n{self.log()}")
            try:
                self.probe()
                return
            except Exception:  # noqa: BLE001 - not ready yet: refused, dropped or auth not up
                if time.monotonic() > deadline:
                    raise TimeoutError(f"dovecot did not accept a login in {timeout}s:\n{self.log()}")
                time.sleep(0.02)

    def probe(self) -> None:
        """Log in as the probe user, which exists only to show that auth is ready."""
        with IMAPClient(self.host, self.port, ssl=False, timeout=2) as client:
            client.login("probe", "probe")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop the server and every process it started, dropping the clients' connections.

        SIGTERM is a clean shutdown, which takes Dovecot about a second; SIGKILL is instant.
        """
        if self.process is None:
            return
        try:  # the master alone would leave its imap children serving connected clients
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process.stderr.close()
        self.process = None

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    @contextmanager
    def client(self, username: str, password: str):
        """A logged-in IMAPClient, for the test to append and look."""
        with IMAPClient(self.host, self.port, ssl=False, timeout=10) as client:
            client.login(username, password)
            yield client

    def mailbox(self, name: str = "complaints", **overrides) -> dict:
        """A ``[[email.mailboxes]]`` table for the fixture's user on this server."""
        return {"name": name, "host": self.host, "port": self.port, "security": "none",
                "username": self.user, "password_env": env_name(self.user),
                "tag": "complaints", **overrides}

    def append(self, message: bytes, folder: str = "INBOX") -> None:
        with self.client(self.user, self.password) as client:
            client.append(folder, message)

    def flags(self, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
        """``uid -> flags`` of every message in ``folder``."""
        with self.client(self.user, self.password) as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            return {uid: d[b"FLAGS"] for uid, d in client.fetch(uids, ["FLAGS"]).items()} if uids else {}


@contextmanager
def imap_server(users: dict[str, str], tls: bool = False, extra_config: str = ""):
    """Yield a running ``ImapServer`` with ``users``; stop it and delete its mail after."""
    root = Path(tempfile.mkdtemp(prefix="doorstep-imap-"))
    server = ImapServer(root, tls=tls, extra_config=extra_config)
    for username, password in users.items():
        server.add_user(username, password)
    try:
        server.start()
        yield server
    finally:
        server.stop(signal.SIGKILL)
        shutil.rmtree(root, ignore_errors=True)


def env_name(username: str) -> str:
    return f"DOORSTEP_TEST_IMAP_{username.upper().replace('-', '_')}_PASSWORD"
