"""What makes a build safe to run, to interrupt and to run twice (issue 14, items 5-7).

- One build per output folder: `build_lock` holds an flock on OUTPUT/.teikit-build.lock; a
  second build says "another build is running" and exits 1 instead of racing the first.
- Staging lives in OUTPUT/.staging/, never inside a published folder, and whatever an
  interrupted build left there is removed when the next build takes the lock.
- Workers die with their parent (`die_with_parent`, Linux's PR_SET_PDEATHSIG): killing a build
  does not leave a pool of workers rendering for minutes.
- A full disk is an error naming the path (`disk_errors`), exit 1, never an OSError traceback.
- `check_input`: a document no stage can publish (a 9 MB text node) is refused before any
  format is written, with bounded memory (a streaming parse), so no format is left half-updated.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import io
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from toolkit import filestate
from toolkit.errors import InputError, ToolkitError

LOCK_NAME = ".teikit-build.lock"
STAGING_NAME = ".staging"
#: the longest text node a document may have: the print edition cannot set a longer string
#: (Typst/PDF: "PDF string is longer than 32767") and a paragraph never comes near it
MAX_TEXT_NODE = 32_000
_PR_SET_PDEATHSIG = 1


@contextlib.contextmanager
def build_lock(output_dir: Path) -> Iterator[Path]:
    """Hold the output folder for one build; clean the staging an interrupted build left."""
    with disk_errors(output_dir):
        output_dir.mkdir(parents=True, exist_ok=True)
        path = output_dir / LOCK_NAME
        handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip()
            raise ToolkitError(f"another build is running into {output_dir}"
                               + (f" (process {holder})" if holder else "")
                               + "; wait for it to finish", str(path)) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        clean_staging(output_dir)
        yield staging_dir(output_dir)
    finally:
        handle.close()


def staging_dir(output_dir: Path) -> Path:
    return output_dir / STAGING_NAME


def clean_staging(output_dir: Path) -> None:
    """Remove what interrupted builds left: OUTPUT/.staging/ and the staging folders that
    older versions made inside the published site (html/.pagefind-*), or beside it (.pages-*)."""
    leftovers = [staging_dir(output_dir), *output_dir.glob(".pages-*"),
                 *(output_dir / "html").glob(".pagefind-*")]
    for path in leftovers:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def die_with_parent(parent: int) -> None:
    """In a worker started by process `parent`: be killed when it dies (Linux), and exit now
    if it is already gone (a spawned worker imports for seconds before this can run)."""
    if os.getppid() != parent:
        os._exit(1)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


@contextlib.contextmanager
def disk_errors(path: Path) -> Iterator[None]:
    """An OSError while writing outputs becomes an error naming the path (exit 1)."""
    try:
        yield
    except ToolkitError:
        raise
    except OSError as error:
        where = error.filename or str(path)
        reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise ToolkitError(f"cannot write {where}: {reason}; the previous outputs are unchanged",
                           str(where)) from None


def check_input(path: Path) -> None:
    """Refuse a document that no format can publish, before any format is written. The verdict
    is a fact of the file's content (toolkit/filestate.py): an unchanged document is not
    parsed again by the next build."""
    problem = filestate.fact(path, "publishable", _input_problem)
    if problem:
        raise InputError(str(problem[0]), str(path), problem[1])


def _input_problem(data: bytes) -> list[object] | None:
    """[message, line] of the first text run no page can set, or None (a streaming parse of
    the bytes: memory bounded by the deepest element, not the document)."""
    try:
        for _event, node in etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False,
                                            no_network=True, huge_tree=False):
            # a node's text is complete at its end; its children's tails too (kept by clear)
            runs = [(node.text, node, "text")] + [(child.tail, child, "text after")
                                                  for child in node]
            for text, where, what in runs:
                if text is not None and len(text) > MAX_TEXT_NODE:
                    name = etree.QName(where).localname if isinstance(where.tag, str) else "node"
                    return [f"<{name}> has a {what} run of {len(text):,} characters without markup, "
                            f"over the {MAX_TEXT_NODE:,} a page can set; split it into paragraphs "
                            "(nothing was published)", where.sourceline]
            node.clear(keep_tail=True)
    except etree.XMLSyntaxError:
        pass  # the validator (or the builder's own parse) says what is wrong, and where
    return None
