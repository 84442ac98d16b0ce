from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="DeleteNonAssociationRequest")


@_attrs_define
class DeleteNonAssociationRequest:
    """Deleting a non-association made in error

    Attributes:
        deletion_reason (str): Why it is deleted; must not be blank Example: Entered against the wrong prisoner.
        staff_user_name_requesting_deletion (str): Username of the staff member who asked Example: KWALSH_GEN.
    """

    deletion_reason: str
    staff_user_name_requesting_deletion: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deletion_reason = self.deletion_reason

        staff_user_name_requesting_deletion = self.staff_user_name_requesting_deletion

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deletionReason": deletion_reason,
                "staffUserNameRequestingDeletion": staff_user_name_requesting_deletion,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not DeleteNonAssociationRequest:
            read = DeleteNonAssociationRequest.from_dict(src_dict)
            made = cls(
                read.deletion_reason,
                read.staff_user_name_requesting_deletion,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        delete_non_association_request = _new_object(cls)
        delete_non_association_request.deletion_reason = src_dict["deletionReason"]

        delete_non_association_request.staff_user_name_requesting_deletion = src_dict[
            "staffUserNameRequestingDeletion"
        ]

        delete_non_association_request.additional_properties = {}

        if len(src_dict) != 2:
            delete_non_association_request.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "deletionReason",
                    "staffUserNameRequestingDeletion",
                }
            }
        return delete_non_association_request

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
