from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """A file that goes with subject access request content

    Attributes:
        attachment_number (int): The number the content uses to refer to this file
        name (str): What the file is, as the report shows it
        content_type (str): The file's media type
        url (str): Where to download the file
        filesize (int): The file's size in bytes
        filename (str): The file's name
        headers (list[AttachmentHeader] | Unset): Extra headers to send when downloading the file
    """

    attachment_number: int
    name: str
    content_type: str
    url: str
    filesize: int
    filename: str
    headers: list[AttachmentHeader] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachment_number = self.attachment_number

        name = self.name

        content_type = self.content_type

        url = self.url

        filesize = self.filesize

        filename = self.filename

        headers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = []
            for headers_item_data in self.headers:
                headers_item = headers_item_data.to_dict()
                headers.append(headers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachmentNumber": attachment_number,
                "name": name,
                "contentType": content_type,
                "url": url,
                "filesize": filesize,
                "filename": filename,
            }
        )
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not Attachment:
            read = Attachment.from_dict(src_dict)
            made = cls(
                read.attachment_number,
                read.name,
                read.content_type,
                read.url,
                read.filesize,
                read.filename,
                read.headers,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        attachment = _new_object(cls)
        attachment.attachment_number = src_dict["attachmentNumber"]

        attachment.name = src_dict["name"]

        attachment.content_type = src_dict["contentType"]

        attachment.url = src_dict["url"]

        attachment.filesize = src_dict["filesize"]

        attachment.filename = src_dict["filename"]

        _headers = src_dict.get("headers", UNSET)
        headers: list[AttachmentHeader] | Unset = UNSET
        if _headers is not UNSET:
            headers = []
            for headers_item_data in _headers:
                headers_item = AttachmentHeader.from_dict(headers_item_data)

                headers.append(headers_item)

        attachment.headers = headers

        attachment.additional_properties = {}

        if len(src_dict) != 6 + (headers is not UNSET):
            attachment.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "attachmentNumber",
                    "name",
                    "contentType",
                    "url",
                    "filesize",
                    "filename",
                    "headers",
                }
            }
        return attachment

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
from ..models.attachment_header import AttachmentHeader
