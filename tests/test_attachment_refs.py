"""A pulled page names the attachments its records refer to, wherever they sit in a value."""

from __future__ import annotations

from desktop.services.attachments import HASH_KEY
from desktop.services.sync_outbox import attachment_hashes

A, B, C = "a" * 64, "b" * 64, "c" * 64


def test_references_nested_in_answers_are_found_and_scalars_ignored() -> None:
    patches = [
        {"given": {"v": "Amina"}, "age": {"v": 4}, "deleted": {"v": False}},
        {"answers.signature": {"v": {HASH_KEY: A, "signed_by": "Amina"}}},
        {"answers.scans": {"v": [{"page": 1, "image": {HASH_KEY: B}}, "text", None]}},
        {"answers.deep": {"v": {"x": [[{"y": {HASH_KEY: C}}]]}, "hlc": "stamp"}},
    ]
    assert attachment_hashes(patches) == {A, B, C}


def test_something_that_only_looks_like_a_reference_is_not_one() -> None:
    patches = [
        {"notes": {"v": A}},  # a bare hash in a text field refers to nothing
        {"answers.x": {"v": {HASH_KEY: "short"}}},
        {"answers.y": {"v": {HASH_KEY: 64}}},
        {"odd": "not an entry"},
    ]
    assert attachment_hashes(patches) == set()
