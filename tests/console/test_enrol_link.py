"""The enrolment link the console's QR code carries (sync/protocol/enrol_link.py)."""

from __future__ import annotations

import pytest

from sync.protocol.enrol_link import EnrolLink, EnrolLinkError, format_enrol_link, parse_enrol_link


def test_a_link_round_trips_with_its_address_percent_encoded() -> None:
    link = format_enrol_link("https://hq.example.org:8443/outpost/", "ABCD-EFGH-JKLM-NPQR")
    assert link == (
        "outpost-enrol:v1?url=https%3A%2F%2Fhq.example.org%3A8443%2Foutpost&code=ABCD-EFGH-JKLM-NPQR"
    )
    assert parse_enrol_link(link) == EnrolLink(
        "https://hq.example.org:8443/outpost", "ABCD-EFGH-JKLM-NPQR"
    )


def test_a_reader_takes_spaces_around_it_any_key_order_and_unknown_keys() -> None:
    text = "  OUTPOST-ENROL:V1?code=ABCD-EFGH&x=later&url=http%3A%2F%2F10.0.0.5%3A8470\n"
    assert parse_enrol_link(text) == EnrolLink("http://10.0.0.5:8470", "ABCD-EFGH")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("https://hq.example.org", "not an Outpost enrolment link"),
        ("outpost-enrol:v2?url=http%3A%2F%2Fa&code=ABCD", "newer kind"),
        ("outpost-enrol:v1?code=ABCD-EFGH", "has no url"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa", "has no code"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa&url=http%3A%2F%2Fb&code=ABCD", "more than one url"),
        ("outpost-enrol:v1?url=ftp%3A%2F%2Fa&code=ABCD", "http:// or https://"),
        ("outpost-enrol:v1?url=http%3A%2F%2F&code=ABCD", "http:// or https://"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa%3Fq%3D1&code=ABCD", "a query"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa%3A99999&code=ABCD", "impossible port"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa&code=AB%20CD", "not an enrolment code"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa&code=%FF%FE", "damaged"),
        ("outpost-enrol:v1?url=http%3A%2F%2Fa%00b&code=ABCD", "not readable"),
        ("outpost-enrol:v1?" + "x" * 3000, "too long"),
    ],
)
def test_a_bad_link_is_refused_saying_why(text: str, says: str) -> None:
    with pytest.raises(EnrolLinkError, match=says):
        parse_enrol_link(text)


def test_a_writer_refuses_what_a_reader_would() -> None:
    with pytest.raises(EnrolLinkError):
        format_enrol_link("hq.example.org", "ABCD-EFGH")
    with pytest.raises(EnrolLinkError):
        format_enrol_link("http://hq.example.org", "not a code!")
