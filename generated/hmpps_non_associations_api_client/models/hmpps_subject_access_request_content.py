from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HmppsSubjectAccessRequestContent")


@_attrs_define
class HmppsSubjectAccessRequestContent:
    """What the service holds about a person

    Attributes:
        content (HmppsSubjectAccessRequestContentContent): The records, in the service's own layout
    """

    content: HmppsSubjectAccessRequestContentContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        content = HmppsSubjectAccessRequestContentContent.from_dict(src_dict["content"])

        hmpps_subject_access_request_content = cls(
            content,
        )

        if len(src_dict) != 1:
            hmpps_subject_access_request_content.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "content",
                }
            }
        return hmpps_subject_access_request_content

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
from ..models.hmpps_subject_access_request_content_content import (
    HmppsSubjectAccessRequestContentContent,
)
