"""The anchor through a real syslog daemon: events sent with the ``syslog`` module are read back
from the log file rsyslog writes, and a log cut short is found against it. Where no daemon
listens on /dev/log the test starts rsyslogd there (root: CI runs as root) and stops it after."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ctxtui.storage.audit import AuditLog
from ctxtui.storage.system_log import HostLog

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="a syslog daemon on /dev/log needs root")
SLOW = True


def _wait(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def host_log(tmp_path: Path) -> Iterator[HostLog]:
    if os.path.exists("/dev/log"):  # the host's own daemon: read where it writes
        yield HostLog()
        return
    daemon = shutil.which("rsyslogd") or "/usr/sbin/rsyslogd"
    if not os.path.exists(daemon):
        pytest.fail("rsyslogd is missing: bash .ci/system-deps installs it")
    written = tmp_path / "auth.log"
    config = tmp_path / "rsyslog.conf"
    config.write_text(
        'module(load="imuxsock" SysSock.Name="/dev/log")\n'
        f'global(workDirectory="{tmp_path}")\n'
        f'authpriv.* action(type="omfile" file="{written}" '
        'template="RSYSLOG_TraditionalFileFormat")\n',
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [daemon, "-n", "-f", str(config), "-i", str(tmp_path / "rsyslogd.pid")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(lambda: os.path.exists("/dev/log")), "rsyslogd did not open /dev/log"
        yield HostLog(journal=False, files=(str(written),))
    finally:
        process.terminate()
        process.wait(10)
        if os.path.exists("/dev/log"):
            os.unlink("/dev/log")


def test_events_go_through_the_daemon_and_a_cut_log_is_found(tmp_path, host_log):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    log = AuditLog(folder / "audit.log", system=host_log)
    for n in range(3):
        assert log.record("save", "a-conference", str(n))
    assert _wait(lambda: len(host_log.read(log.folder).seen) == 3), host_log.read(log.folder)
    verdict = log.check()
    assert verdict.confirmed and verdict.problems == [], verdict
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:1]))
    verdict = log.check()
    assert not verdict.confirmed
    assert any("ends at event 1" in problem for problem in verdict.problems), verdict
