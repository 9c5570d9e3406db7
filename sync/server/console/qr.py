"""QR codes as inline SVG: the `qrcode` package encodes (pure Python, no PIL), and this
module draws its modules as one path, each row's dark runs merged, at a whole number of
pixels per module, so that no hairline shows between modules on any screen."""

from __future__ import annotations

import qrcode
import qrcode.constants
from markupsafe import Markup, escape

PIXELS_PER_MODULE = 6
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def svg(data: str, *, label: str) -> Markup:
    """An <svg> element for `data` with `label` as its accessible name. Error correction
    M: a screen photographed at an angle by a laptop's camera still reads."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    size = len(matrix)
    pixels = size * PIXELS_PER_MODULE
    # Made here from the data alone (the label is escaped): safe to insert as markup.
    return Markup(
        f'<svg class="qr" role="img" aria-label="{escape(label)}" width="{pixels}" '
        f'height="{pixels}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" '
        f'xmlns="http://www.w3.org/2000/svg"><rect width="{size}" height="{size}" '
        f'fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>'
    )
