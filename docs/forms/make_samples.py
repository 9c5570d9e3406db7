"""Regenerate the sample page images in this folder (needs poppler's pdftoppm).

python docs/forms/make_samples.py
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tempfile
from pathlib import Path

import pypdf
from PIL import Image

from forms import render_pdf, shipped_library
from forms.examples import answers_for, context_for

HERE = Path(__file__).resolve().parent
DPI = 100


def save_page(pdf: bytes, page: int, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(DPI),
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(source),
                str(stem),
            ],
            check=True,
        )
        with Image.open(stem.with_suffix(".png")) as image:
            # Greyscale with a small palette: the pages are black and grey by design.
            image.convert("L").quantize(colors=16).save(HERE / name, optimize=True)
    print("wrote", HERE / name)


def main() -> None:
    library = shipped_library()
    intake = library.get("intake")
    consent = library.get("consent_hiv_test")
    referral = library.get("referral")
    save_page(
        render_pdf(intake, answers_for(intake), context=context_for("intake")),
        1,
        "intake-filled-p1.png",
    )
    # A downtime form printed ahead of time: no patient yet, lines to write one in.
    blank = dataclasses.replace(
        context_for("intake"), patient_name=None, patient_id=None, record_id=None
    )
    save_page(render_pdf(intake, None, context=blank, lang="fr"), 1, "intake-blank-fr-p1.png")
    consent_pdf = render_pdf(
        consent, answers_for(consent), context=context_for("consent_hiv_test"), lang="sw"
    )
    last = len(pypdf.PdfReader(io.BytesIO(consent_pdf)).pages)  # the signatures page
    save_page(consent_pdf, last, "consent-hiv-thumbprint-witness-sw.png")
    save_page(
        render_pdf(referral, answers_for(referral), context=context_for("referral")),
        1,
        "referral-letter-p1.png",
    )


if __name__ == "__main__":
    main()
