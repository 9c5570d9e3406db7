from __future__ import annotations

import pytest

from forms import FormDefinition, FormLibrary, shipped_library


@pytest.fixture(scope="session")
def library() -> FormLibrary:
    return shipped_library()


@pytest.fixture(scope="session")
def intake(library: FormLibrary) -> FormDefinition:
    return library.get("intake")


@pytest.fixture(scope="session")
def consent(library: FormLibrary) -> FormDefinition:
    return library.get("consent_treatment")
