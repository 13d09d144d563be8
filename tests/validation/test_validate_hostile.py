"""Hostile files are refused with a clear message, without network access or runaway memory.

A local HTTP server stands in for the network: every test that could tempt a parser, a
Schematron stylesheet or the xml-model resolver to fetch something checks it received nothing.
"""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.errors import Severity
from toolkit.safe_xml import MAX_BYTES
from toolkit.validation import ValidateOptions, validate_files

ROOT = Path(__file__).resolve().parents[2]
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "fetched">')

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    assert _Recorder.requests == [], f"something was fetched: {_Recorder.requests}"


def only_error(path: Path, options: ValidateOptions | None = None) -> str:
    (report,) = validate_files([path], options or ValidateOptions(jobs=1))
    assert not report.valid
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    assert errors and all(d.path == str(path) and d.line for d in errors)
    return errors[0].message


def test_external_entities_are_refused_and_never_read(tmp_path: Path, server: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = tmp_path / "xxe.xml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  <!ENTITY s SYSTEM "file://{secret}">\n'
                    f'  <!ENTITY n SYSTEM "{server}/n">\n]>\n<TEI {TEI}>&s;&n;</TEI>\n')
    message = only_error(path)
    assert "refused" in message and "TOP-SECRET" not in message


def test_parameter_entities_and_network_dtds_are_refused(tmp_path: Path, server: str) -> None:
    parameter = tmp_path / "param.xml"
    parameter.write_text(f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{server}/p.dtd"> %p;]>\n<TEI {TEI}/>\n')
    assert "refused" in only_error(parameter)
    remote = tmp_path / "remote-dtd.xml"
    remote.write_text(f'<!DOCTYPE TEI SYSTEM "{server}/tei.dtd">\n<TEI {TEI}/>\n')
    message = only_error(remote)
    assert "external DTD" in message and "nothing is fetched" in message


def test_an_entity_bomb_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE TEI [", '  <!ENTITY l0 "lol">']
    lines += [f'  <!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    lines += ["]>", f"<TEI {TEI}><p>&l9;</p></TEI>"]
    bomb = tmp_path / "bomb.xml"
    bomb.write_text("\n".join(lines))
    # The child reports the peak of its own memory map (VmHWM): getrusage's maxrss would also
    # count the pytest process it was forked from, and every earlier subprocess.
    probe = ("import re, sys\nfrom toolkit.cli import main\ncode = main(sys.argv[1:])\n"
             "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
             "print('maxrss', hwm, file=sys.stderr)\nsys.exit(code)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", probe, "validate", str(bomb)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    peak = re.search(r"maxrss (\d+)", result.stderr)
    assert peak is not None, result.stderr
    peak_kib = int(peak.group(1))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bomb}:" in result.stdout and "refused" in result.stdout
    assert elapsed < 60
    assert peak_kib < 400 * 1024  # a billion laughs expanded would need gigabytes


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:  # sparse: the size without the disk space
        handle.write(f"<TEI {TEI}>".encode())
        handle.truncate(MAX_BYTES + 1)
    message = only_error(huge)
    assert "over the limit" in message


def test_remote_schemas_are_neither_declared_nor_named_into_fetching(tmp_path: Path,
                                                                     server: str) -> None:
    document = tmp_path / "doc.xml"
    document.write_text(f'<?xml-model href="{server}/tei_all.rng" '
                        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                        f'<TEI {TEI}/>\n')
    (report,) = validate_files([document], ValidateOptions(jobs=1, project=False))
    (warning,) = report.diagnostics
    assert warning.severity is Severity.WARNING and "never fetched" in warning.message
    assert warning.line == 1
    rules = tmp_path / "greedy.sch"
    rules.write_text(f"""<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern><rule context="/*">
    <assert id="greedy" test="count(document('{server}/x.xml')/*) = 1">fetched</assert>
  </rule></pattern></schema>""")
    (report,) = validate_files([document], ValidateOptions(jobs=1, project=False, declared=False,
                                                          schemas=(rules,)))
    assert not report.valid  # the stylesheet may not read anything: it fails, it does not fetch
