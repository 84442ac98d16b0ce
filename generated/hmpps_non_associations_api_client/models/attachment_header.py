from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="AttachmentHeader")


@_attrs_define
class AttachmentHeader:
    """One HTTP header to send when downloading an attachment

    Attributes:
        name (str): The header's name
        value (str): The header's value
    """

    name: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not AttachmentHeader:
            read = AttachmentHeader.from_dict(src_dict)
            made = cls(
                read.name,
                read.value,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        attachment_header = _new_object(cls)
        attachment_header.name = src_dict["name"]

        attachment_header.value = src_dict["value"]

        attachment_header.additional_properties = {}

        if len(src_dict) != 2:
            attachment_header.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "name",
                    "value",
                }
            }
        return attachment_header

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
