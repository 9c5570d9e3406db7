"""Signature and thumbprint images, decoded defensively for printing."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from forms.signatures import MAX_IMAGE_SIDE


def load_png(data: bytes) -> ImageReader | None:
    """An image ReportLab can draw, or None if the bytes are not a readable picture.

    Validation already checked the header and size; this catches the rest (a
    truncated upload, a corrupt sync) so that one bad image costs a caption, not
    the whole printout.
    """
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != "PNG" or max(probe.size) > MAX_IMAGE_SIDE:
                return None
            probe.load()
            image = (
                probe.convert("RGBA")
                if probe.mode not in ("RGB", "RGBA", "L", "LA")
                else probe.copy()
            )
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    if image.mode in ("RGBA", "LA"):
        # Flatten onto white: transparent pixels would otherwise print black in some viewers.
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return ImageReader(image)
