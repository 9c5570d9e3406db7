"""Several PDFs as one (blank forms for downtime, each in copies), in memory.

PDFium (pypdfium2) is not thread-safe: every use of it in the process, here and in the
GUI's preview, holds `PDFIUM_LOCK`.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

PDFIUM_LOCK = threading.RLock()


def merge_pdfs(parts: Sequence[tuple[bytes, int]]) -> bytes:
    """One PDF of every part, each repeated `copies` times."""
    import pypdfium2

    with PDFIUM_LOCK:
        merged = pypdfium2.PdfDocument.new()
        for data, copies in parts:
            source = pypdfium2.PdfDocument(data)
            for _ in range(copies):
                merged.import_pages(source)
            source.close()
        out = io.BytesIO()
        merged.save(out)
        merged.close()
    return out.getvalue()


__all__ = ["PDFIUM_LOCK", "merge_pdfs"]
