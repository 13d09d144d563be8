"""What a `teikit build` imports before its first document (issue #13): the web builder needs
the citation schemes of `toolkit.server`, not the server (Starlette, DTS, OAI-PMH) and every
reader of the toolkit it brings, which cost each build and each worker about 2 s of CPU."""

from __future__ import annotations

import subprocess
import sys

from teitest import ROOT


def test_the_build_command_imports_neither_the_server_nor_the_readers() -> None:
    probe = ("import sys, toolkit.commands.build; from toolkit.builders import BUILDERS; BUILDERS; "
             "print(sorted(m for m in ('toolkit.server.app', 'toolkit.server.dts', 'starlette', "
             "'toolkit.readers', 'toolkit.names.cues') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_the_server_package_still_gives_its_application() -> None:
    from toolkit.server import ServerConfig, create_app
    from toolkit.server.app import ServerConfig as Config
    assert ServerConfig is Config and callable(create_app)
