from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        d = dict(src_dict)
        status = d.pop("status")

        user_message = d.pop("userMessage")

        developer_message = d.pop("developerMessage")

        def _parse_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_more_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        more_info = _parse_more_info(d.pop("moreInfo", UNSET))

        error_response = cls(
            status=status,
            user_message=user_message,
            developer_message=developer_message,
            error_code=error_code,
            more_info=more_info,
        )

        error_response.additional_properties = d
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
