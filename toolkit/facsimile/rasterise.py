"""Scans to page images: PDF pages rasterised with pypdfium2 (PDFium, from PyPI; nothing is
shelled out), JPEG and PNG kept byte for byte, TIFF pages (one per frame) re-encoded as PNG,
since browsers do not show TIFF."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from toolkit.errors import InputError

# A decompression bomb (a tiny file claiming 50,000 x 50,000 px) is refused, not decoded.
MAX_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
MAX_PDF_PAGES = 5000


@dataclass(frozen=True)
class RasterOptions:
    dpi: int = 150  # PDF pages: enough to read a typescript at full zoom
    jpeg_quality: int = 88


@dataclass(frozen=True)
class PageImage:
    """One page of a scan, encoded as it is stored in the edition."""

    data: bytes
    suffix: str  # ".jpg" or ".png"
    mime: str
    width: int
    height: int
    source: str  # "scan.pdf page 3", for messages


_FORMATS = {"JPEG": (".jpg", "image/jpeg"), "PNG": (".png", "image/png")}


def load_pages(paths: Sequence[Path], options: RasterOptions = RasterOptions()) -> list[PageImage]:
    """Every page of every scan, in the order given."""
    pages: list[PageImage] = []
    for path in paths:
        pages.extend(_pages_of(path, options))
    return pages


def _pages_of(path: Path, options: RasterOptions) -> Iterator[PageImage]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a PDF or an image", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    if data.startswith(b"%PDF-"):
        yield from _pdf_pages(data, path, options)
    else:
        yield from _image_pages(data, path)


def _pdf_pages(data: bytes, path: Path, options: RasterOptions) -> Iterator[PageImage]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(f"cannot read the PDF: {error}", str(path)) from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError("the PDF has no pages", str(path))
        if count > MAX_PDF_PAGES:
            raise InputError(f"the PDF has {count} pages, over the limit of {MAX_PDF_PAGES}", str(path))
        scale = options.dpi / 72
        for index in range(count):
            page = pdf[index]
            try:
                width, height = page.get_size()
                if width * height * scale * scale > MAX_PIXELS:
                    raise InputError(f"page {index + 1} is {width:.0f} x {height:.0f} pt, too large to "
                                     f"rasterise at {options.dpi} dpi", str(path))
                image = page.render(scale=scale).to_pil().convert("RGB")
            finally:
                page.close()
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=options.jpeg_quality, optimize=True)
            yield PageImage(buffer.getvalue(), ".jpg", "image/jpeg", image.width, image.height,
                            f"{path.name} page {index + 1}")
    finally:
        pdf.close()


def _image_pages(data: bytes, path: Path) -> Iterator[PageImage]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            kind = image.format or ""
            if kind in _FORMATS:
                image.verify()  # a truncated or damaged file is refused here, not in the build
                suffix, mime = _FORMATS[kind]
                yield PageImage(data, suffix, mime, image.width, image.height, path.name)
                return
            if kind != "TIFF":
                raise InputError(f"not a PDF, JPEG, PNG or TIFF file (read as {kind or 'unknown'})",
                                 str(path))
            frames = getattr(image, "n_frames", 1)
            for index in range(frames):
                image.seek(index)
                frame = image.convert("RGBA" if "A" in image.mode else "RGB")
                buffer = io.BytesIO()
                frame.save(buffer, "PNG", optimize=False)
                yield PageImage(buffer.getvalue(), ".png", "image/png", frame.width, frame.height,
                                f"{path.name} page {index + 1}" if frames > 1 else path.name)
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(f"the image claims more than {MAX_PIXELS} pixels; refused", str(path)) from None
    except (OSError, SyntaxError, ValueError) as error:  # Pillow's words for bad image data
        raise InputError(f"cannot read the image: {error}", str(path)) from None
