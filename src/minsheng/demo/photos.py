"""Drawn placeholder photos for the demo's evidence, each marked 示意图 (illustration)."""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# A CJK font draws 示意图 in Chinese; without one the mark is drawn in English.
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
)
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    for path in CJK_FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    if Path(LATIN_FONT).exists():
        return ImageFont.truetype(LATIN_FONT, size), False
    return ImageFont.load_default(), False


def placeholder(caption: str, size: tuple[int, int] = (640, 400)) -> bytes:
    """A PNG: a sky-and-ground scene with a building, stamped 示意图 and the caption."""
    image = Image.new("RGB", size, (200, 225, 240))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 2 // 3, width, height), fill=(170, 200, 150))
    draw.rectangle((width // 4, height // 3, width // 2, height * 2 // 3), fill=(190, 170, 150))
    draw.rectangle(
        (width // 2 + 20, height // 4, width * 3 // 4, height * 2 // 3), fill=(160, 160, 180)
    )
    font, chinese = _font(48)
    mark = "示意图" if chinese else "ILLUSTRATION"
    draw.rectangle((10, 10, width - 10, 80), fill=(255, 255, 255))
    draw.text((24, 18), mark, fill=(200, 0, 0), font=font)
    small, _chinese = _font(22)
    draw.text((24, height - 40), caption if chinese else "DEMO DATA", fill=(0, 0, 0), font=small)
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
