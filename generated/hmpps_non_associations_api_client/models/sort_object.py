from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="SortObject")


@_attrs_define
class SortObject:
    """Whether an ordering applies

    Attributes:
        empty (bool | Unset): True when no ordering was asked for
        sorted_ (bool | Unset): True when ordered
        unsorted (bool | Unset): True when not ordered
    """

    empty: bool | Unset = UNSET
    sorted_: bool | Unset = UNSET
    unsorted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        empty = self.empty

        sorted_ = self.sorted_

        unsorted = self.unsorted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if empty is not UNSET:
            field_dict["empty"] = empty
        if sorted_ is not UNSET:
            field_dict["sorted"] = sorted_
        if unsorted is not UNSET:
            field_dict["unsorted"] = unsorted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not SortObject:
            read = SortObject.from_dict(src_dict)
            made = cls(
                read.empty,
                read.sorted_,
                read.unsorted,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        sort_object = _new_object(cls)
        sort_object.empty = empty = src_dict.get("empty", UNSET)

        sort_object.sorted_ = sorted_ = src_dict.get("sorted", UNSET)

        sort_object.unsorted = unsorted = src_dict.get("unsorted", UNSET)

        sort_object.additional_properties = {}

        if len(src_dict) != 0 + (empty is not UNSET) + (sorted_ is not UNSET) + (
            unsorted is not UNSET
        ):
            sort_object.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "empty",
                    "sorted",
                    "unsorted",
                }
            }
        return sort_object

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
