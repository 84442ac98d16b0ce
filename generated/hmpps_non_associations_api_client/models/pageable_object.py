from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="PageableObject")


@_attrs_define
class PageableObject:
    """A page request as the server understood it

    Attributes:
        offset (int | Unset): Index of the page's first element
        sort (SortObject | Unset): Whether an ordering applies
        page_size (int | Unset): The page size
        paged (bool | Unset): True when paging applies
        page_number (int | Unset): The page number, from 0
        unpaged (bool | Unset): True when paging does not apply
    """

    offset: int | Unset = UNSET
    sort: SortObject | Unset = UNSET
    page_size: int | Unset = UNSET
    paged: bool | Unset = UNSET
    page_number: int | Unset = UNSET
    unpaged: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offset = self.offset

        sort: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.to_dict()

        page_size = self.page_size

        paged = self.paged

        page_number = self.page_number

        unpaged = self.unpaged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if offset is not UNSET:
            field_dict["offset"] = offset
        if sort is not UNSET:
            field_dict["sort"] = sort
        if page_size is not UNSET:
            field_dict["pageSize"] = page_size
        if paged is not UNSET:
            field_dict["paged"] = paged
        if page_number is not UNSET:
            field_dict["pageNumber"] = page_number
        if unpaged is not UNSET:
            field_dict["unpaged"] = unpaged

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not PageableObject:
            read = PageableObject.from_dict(src_dict)
            made = cls(
                read.offset,
                read.sort,
                read.page_size,
                read.paged,
                read.page_number,
                read.unpaged,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        pageable_object = _new_object(cls)
        pageable_object.offset = offset = src_dict.get("offset", UNSET)

        _sort = src_dict.get("sort", UNSET)
        sort: SortObject | Unset
        if isinstance(_sort, Unset):
            sort = UNSET
        else:
            sort = SortObject.from_dict(_sort)

        pageable_object.sort = sort

        pageable_object.page_size = page_size = src_dict.get("pageSize", UNSET)

        pageable_object.paged = paged = src_dict.get("paged", UNSET)

        pageable_object.page_number = page_number = src_dict.get("pageNumber", UNSET)

        pageable_object.unpaged = unpaged = src_dict.get("unpaged", UNSET)

        pageable_object.additional_properties = {}

        if len(src_dict) != 0 + (offset is not UNSET) + (sort is not UNSET) + (
            page_size is not UNSET
        ) + (paged is not UNSET) + (page_number is not UNSET) + (unpaged is not UNSET):
            pageable_object.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "offset",
                    "sort",
                    "pageSize",
                    "paged",
                    "pageNumber",
                    "unpaged",
                }
            }
        return pageable_object

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
from ..models.sort_object import SortObject
