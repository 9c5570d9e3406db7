"""Forms as data: definitions, validation and printable PDFs. No Qt, no database.

Typical use::

    library = FormLibrary.load(extra_dirs=[clinic_forms_dir])
    intake = library.get("intake")               # latest; get("intake", 1) for v1
    problems = validate(intake, answers, lang="sw", context={"patient_age_years": 34})
    pdf = render_pdf(intake, answers, context=PrintContext(...), lang="sw", paper="a4")
    blank = render_pdf(intake, None, context=PrintContext(...))   # downtime form
"""

from typing import TYPE_CHECKING

from forms.context import PatientAge, PrintContext
from forms.errors import (
    CorrectionError,
    DefinitionError,
    DefinitionIssue,
    FormsError,
    RenderError,
    SignedRecordError,
    UnknownFormError,
)
from forms.library import FormLibrary, shipped_library
from forms.loader import (
    Translation,
    check_file,
    definition_schema,
    from_raw,
    load_definition_file,
    load_definition_text,
)
from forms.model import Choice, Field, FormDefinition, Rule, Section
from forms.qr import QrTarget
from forms.qr import parse_payload as parse_qr
from forms.records import (
    FormRecord,
    ensure_editable,
    is_signed,
    make_correction,
    new_record,
    signed_fields,
)
from forms.signatures import SignatureAnswer, read_signature
from forms.text import SHIPPED_LANGUAGES
from forms.translation import template as translation_template
from forms.validation import Problem, clean_answers, has_errors, validate

if TYPE_CHECKING:
    from forms.render.document import render_pdf


def __getattr__(name: str) -> object:
    # ReportLab takes about 0.1 s to import; callers that only validate never pay it.
    if name == "render_pdf":
        from forms.render.document import render_pdf

        return render_pdf
    raise AttributeError(f"module 'forms' has no attribute {name!r}")


__all__ = [
    "SHIPPED_LANGUAGES",
    "Choice",
    "CorrectionError",
    "DefinitionError",
    "DefinitionIssue",
    "Field",
    "FormDefinition",
    "FormLibrary",
    "FormRecord",
    "FormsError",
    "PatientAge",
    "PrintContext",
    "Problem",
    "QrTarget",
    "RenderError",
    "Rule",
    "Section",
    "SignatureAnswer",
    "SignedRecordError",
    "Translation",
    "UnknownFormError",
    "check_file",
    "clean_answers",
    "definition_schema",
    "ensure_editable",
    "from_raw",
    "has_errors",
    "is_signed",
    "load_definition_file",
    "load_definition_text",
    "make_correction",
    "new_record",
    "parse_qr",
    "read_signature",
    "render_pdf",
    "shipped_library",
    "signed_fields",
    "translation_template",
    "validate",
]
