from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="PageNonAssociation")


@_attrs_define
class PageNonAssociation:
    """One page of non-associations

    Attributes:
        total_elements (int | Unset): How many match in all
        total_pages (int | Unset): How many pages there are
        first (bool | Unset): True on the first page
        last (bool | Unset): True on the last page
        size (int | Unset): The page size asked for
        content (list[NonAssociation] | Unset): The non-associations on this page
        number (int | Unset): This page's number, from 0
        sort (SortObject | Unset): Whether an ordering applies
        number_of_elements (int | Unset): How many are on this page
        pageable (PageableObject | Unset): A page request as the server understood it
        empty (bool | Unset): True when this page has none
    """

    total_elements: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    first: bool | Unset = UNSET
    last: bool | Unset = UNSET
    size: int | Unset = UNSET
    content: list[NonAssociation] | Unset = UNSET
    number: int | Unset = UNSET
    sort: SortObject | Unset = UNSET
    number_of_elements: int | Unset = UNSET
    pageable: PageableObject | Unset = UNSET
    empty: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_elements = self.total_elements

        total_pages = self.total_pages

        first = self.first

        last = self.last

        size = self.size

        content: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = []
            for content_item_data in self.content:
                content_item = content_item_data.to_dict()
                content.append(content_item)

        number = self.number

        sort: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.to_dict()

        number_of_elements = self.number_of_elements

        pageable: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pageable, Unset):
            pageable = self.pageable.to_dict()

        empty = self.empty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_elements is not UNSET:
            field_dict["totalElements"] = total_elements
        if total_pages is not UNSET:
            field_dict["totalPages"] = total_pages
        if first is not UNSET:
            field_dict["first"] = first
        if last is not UNSET:
            field_dict["last"] = last
        if size is not UNSET:
            field_dict["size"] = size
        if content is not UNSET:
            field_dict["content"] = content
        if number is not UNSET:
            field_dict["number"] = number
        if sort is not UNSET:
            field_dict["sort"] = sort
        if number_of_elements is not UNSET:
            field_dict["numberOfElements"] = number_of_elements
        if pageable is not UNSET:
            field_dict["pageable"] = pageable
        if empty is not UNSET:
            field_dict["empty"] = empty

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not PageNonAssociation:
            read = PageNonAssociation.from_dict(src_dict)
            made = cls(
                read.total_elements,
                read.total_pages,
                read.first,
                read.last,
                read.size,
                read.content,
                read.number,
                read.sort,
                read.number_of_elements,
                read.pageable,
                read.empty,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        page_non_association = _new_object(cls)
        page_non_association.total_elements = total_elements = src_dict.get(
            "totalElements", UNSET
        )

        page_non_association.total_pages = total_pages = src_dict.get(
            "totalPages", UNSET
        )

        page_non_association.first = first = src_dict.get("first", UNSET)

        page_non_association.last = last = src_dict.get("last", UNSET)

        page_non_association.size = size = src_dict.get("size", UNSET)

        _content = src_dict.get("content", UNSET)
        content: list[NonAssociation] | Unset = UNSET
        if _content is not UNSET:
            content = []
            for content_item_data in _content:
                content_item = NonAssociation.from_dict(content_item_data)

                content.append(content_item)

        page_non_association.content = content

        page_non_association.number = number = src_dict.get("number", UNSET)

        _sort = src_dict.get("sort", UNSET)
        sort: SortObject | Unset
        if isinstance(_sort, Unset):
            sort = UNSET
        else:
            sort = SortObject.from_dict(_sort)

        page_non_association.sort = sort

        page_non_association.number_of_elements = number_of_elements = src_dict.get(
            "numberOfElements", UNSET
        )

        _pageable = src_dict.get("pageable", UNSET)
        pageable: PageableObject | Unset
        if isinstance(_pageable, Unset):
            pageable = UNSET
        else:
            pageable = PageableObject.from_dict(_pageable)

        page_non_association.pageable = pageable

        page_non_association.empty = empty = src_dict.get("empty", UNSET)

        page_non_association.additional_properties = {}

        if len(src_dict) != 0 + (total_elements is not UNSET) + (
            total_pages is not UNSET
        ) + (first is not UNSET) + (last is not UNSET) + (size is not UNSET) + (
            content is not UNSET
        ) + (number is not UNSET) + (sort is not UNSET) + (
            number_of_elements is not UNSET
        ) + (pageable is not UNSET) + (empty is not UNSET):
            page_non_association.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "totalElements",
                    "totalPages",
                    "first",
                    "last",
                    "size",
                    "content",
                    "number",
                    "sort",
                    "numberOfElements",
                    "pageable",
                    "empty",
                }
            }
        return page_non_association

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, so that models which refer to each other still load, and
# from_dict and to_dict need no import on every call.
from ..models.non_association import NonAssociation
from ..models.pageable_object import PageableObject
from ..models.sort_object import SortObject
