from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """The body of a failure; the 401 for a missing or unusable token has none

    Attributes:
        status (int): HTTP status code, repeated Example: 404.
        user_message (str): What went wrong, for people Example: Non-association 7 was not found.
        developer_message (str): What went wrong, for developers Example: Non-association 7 was not found.
        error_code (int | None | Unset): The API's own code for the failure (100-104, 401, 404); null if none Example:
            404.
        more_info (None | str | Unset): Anything else the server wants to add; null when there is nothing
    """

    status: int
    user_message: str
    developer_message: str
    error_code: int | None | Unset = UNSET
    more_info: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        user_message = self.user_message

        developer_message = self.developer_message

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        more_info: None | str | Unset
        if isinstance(self.more_info, Unset):
            more_info = UNSET
        else:
            more_info = self.more_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "userMessage": user_message,
                "developerMessage": developer_message,
            }
        )
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if more_info is not UNSET:
            field_dict["moreInfo"] = more_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not ErrorResponse:
            read = ErrorResponse.from_dict(src_dict)
            made = cls(
                read.status,
                read.user_message,
                read.developer_message,
                read.error_code,
                read.more_info,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        error_response = _new_object(cls)
        error_response.status = src_dict["status"]

        error_response.user_message = src_dict["userMessage"]

        error_response.developer_message = src_dict["developerMessage"]

        error_code: int | None | Unset = src_dict.get("errorCode", UNSET)

        error_response.error_code = error_code

        more_info: None | str | Unset = src_dict.get("moreInfo", UNSET)

        error_response.more_info = more_info

        error_response.additional_properties = {}

        if len(src_dict) != 3 + (error_code is not UNSET) + (more_info is not UNSET):
            error_response.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "status",
                    "userMessage",
                    "developerMessage",
                    "errorCode",
                    "moreInfo",
                }
            }
        return error_response

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
