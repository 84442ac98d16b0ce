from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="HmppsSubjectAccessRequestContent")


@_attrs_define
class HmppsSubjectAccessRequestContent:
    """What the service holds about a person

    Attributes:
        content (HmppsSubjectAccessRequestContentContent): The records, in the service's own layout
        attachments (list[Attachment] | None | Unset): Files that go with the records; absent or null when there are
            none
    """

    content: HmppsSubjectAccessRequestContentContent
    attachments: list[Attachment] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content.to_dict()

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not HmppsSubjectAccessRequestContent:
            read = HmppsSubjectAccessRequestContent.from_dict(src_dict)
            made = cls(
                read.content,
                read.attachments,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        hmpps_subject_access_request_content = _new_object(cls)
        content = HmppsSubjectAccessRequestContentContent.from_dict(src_dict["content"])

        hmpps_subject_access_request_content.content = content

        attachments: list[Attachment] | None | Unset = src_dict.get(
            "attachments", UNSET
        )
        if attachments is not None and not isinstance(attachments, Unset):
            if not isinstance(attachments, list):
                raise TypeError("attachments is of the wrong type")
            attachments_type_0 = []
            _attachments_type_0 = attachments
            for attachments_type_0_item_data in _attachments_type_0:
                attachments_type_0_item = Attachment.from_dict(
                    attachments_type_0_item_data
                )

                attachments_type_0.append(attachments_type_0_item)

            attachments = attachments_type_0

        hmpps_subject_access_request_content.attachments = attachments

        hmpps_subject_access_request_content.additional_properties = {}

        if len(src_dict) != 1 + (attachments is not UNSET):
            hmpps_subject_access_request_content.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "content",
                    "attachments",
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
from ..models.attachment import Attachment
from ..models.hmpps_subject_access_request_content_content import (
    HmppsSubjectAccessRequestContentContent,
)
