"""Scanned-looking originals made in the test: pages drawn with Pillow (ruled lines like a
typescript, a page number at the foot), saved as a PDF or as page images; and a small edition
holding the converted sample report."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "116488"


def page_image(number: int, size: tuple[int, int] = (850, 1100)) -> Image.Image:
    image = Image.new("RGB", size, (244, 238, 222))
    draw = ImageDraw.Draw(image)
    for y in range(150, size[1] - 150, 38):
        draw.line((110, y, size[0] - 110 - (y * 7 % 90), y), fill=(70, 66, 60), width=4)
    font = ImageFont.load_default(size=72)
    draw.text((size[0] // 2, size[1] - 80), str(number), fill=(0, 0, 0), font=font, anchor="mm")
    return image


def scan_pdf(path: Path, pages: int) -> Path:
    images = [page_image(n) for n in range(1, pages + 1)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=100.0)
    return path


def make_edition(folder: Path) -> Path:
    """An edition root: teikit.toml, tei/ with the sample report and the registers."""
    (folder / "tei").mkdir(parents=True)
    shutil.copy(ROOT / "tei" / f"{SAMPLE}.xml", folder / "tei")
    shutil.copytree(ROOT / "tei" / "registers", folder / "tei" / "registers")
    shutil.copy(ROOT / "teikit.toml", folder)
    shutil.copy(ROOT / "about.md", folder)
    return folder
