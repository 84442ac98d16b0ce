"""Properties over generated inputs: what the client accepts, and what it sends."""

from __future__ import annotations

import re
import string

from hmpps_non_associations_api import NonAssociationSortProperty
from hmpps_non_associations_api._spec._validation import prisoner_number, sort_params
from hmpps_non_associations_api_client.api.non_associations import (
    get_prisoner_non_associations,
)
from hypothesis import given
from hypothesis import strategies as st

SERVER_PATTERN = re.compile(r"[a-zA-Z][0-9]{4}[a-zA-Z]{2}")  # the API's own rule
LETTERS = st.sampled_from(string.ascii_letters)
DIGITS = st.sampled_from(string.digits)
VALID = st.builds(
    lambda a, n, b: a + "".join(n) + "".join(b),
    LETTERS,
    st.lists(DIGITS, min_size=4, max_size=4),
    st.lists(LETTERS, min_size=2, max_size=2),
)


@given(VALID)
def test_every_number_the_server_takes_is_accepted_in_upper_case(number: str) -> None:
    assert prisoner_number(number) == number.upper()


@given(st.text(max_size=12))
def test_anything_else_is_refused_before_sending(text: str) -> None:
    if SERVER_PATTERN.fullmatch(text):
        assert prisoner_number(text) == text.upper()
        return
    try:
        prisoner_number(text)
    except ValueError:
        return
    raise AssertionError(f"accepted {text!r}")


@given(st.text(min_size=1))
def test_a_path_parameter_stays_one_segment(text: str) -> None:
    url = get_prisoner_non_associations.request_kwargs(prisoner_number=text)["url"]
    prefix, suffix = "/prisoner/", "/non-associations"
    assert url.startswith(prefix) and url.endswith(suffix)
    segment = url[len(prefix) : -len(suffix)]
    assert "/" not in segment and "?" not in segment and "#" not in segment


@given(
    st.lists(
        st.tuples(
            st.sampled_from([member.value for member in NonAssociationSortProperty]),
            st.sampled_from(["", ",ASC", ",DESC", ",asc", ",desc"]),
        ).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_sort_orders_pass_through_in_order(orders: list[str]) -> None:
    assert sort_params(orders) == orders
    assert sort_params(orders[0]) == [orders[0]]


@given(st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,15}", fullmatch=True))
def test_only_the_declared_sort_properties_are_accepted(name: str) -> None:
    declared = {member.value for member in NonAssociationSortProperty}
    try:
        sort_params(f"{name},DESC")
    except ValueError as error:
        assert name not in declared
        assert "whenCreated" in str(error)
    else:
        assert name in declared
