"""QR codes as inline SVG (the `qrcode` package's path image: pure Python, no PIL)."""

from __future__ import annotations

import re

import qrcode
import qrcode.constants
from markupsafe import Markup, escape
from qrcode.image.svg import SvgPathImage


def svg(data: str, *, label: str) -> Markup:
    """An <svg> element for `data`, sized by the stylesheet (its white background and
    quiet zone too), with `label` as its accessible name. Error correction M: a screen
    photographed at an angle by a laptop's camera still reads."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    text = code.make_image(image_factory=SvgPathImage).to_string(encoding="unicode")
    text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r'\s(?:width|height)="[^"]*"', "", text, count=2)
    text = text.replace(' id="qr-path"', "", 1)
    attributes = f'role="img" aria-label="{escape(label)}" class="qr" shape-rendering="crispEdges"'
    # The SVG is made here from the data alone (no markup of anyone's), hence Markup.
    return Markup(text.replace("<svg ", f"<svg {attributes} ", 1))
