from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_version_infer_json_inference_request_requested_output_parameters import (
        ModelVersionInferJsonInferenceRequestRequestedOutputParameters,
    )


T = TypeVar("T", bound="ModelVersionInferJsonInferenceRequestRequestedOutput")


@_attrs_define
class ModelVersionInferJsonInferenceRequestRequestedOutput:
    """
    Attributes:
        name (str):
        parameters (ModelVersionInferJsonInferenceRequestRequestedOutputParameters | Unset):
    """

    name: str
    parameters: ModelVersionInferJsonInferenceRequestRequestedOutputParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_version_infer_json_inference_request_requested_output_parameters import (
            ModelVersionInferJsonInferenceRequestRequestedOutputParameters,  # noqa: PLC0415
        )

        d = dict(src_dict)
        name = d.pop("name")

        _parameters = d.pop("parameters", UNSET)
        parameters: ModelVersionInferJsonInferenceRequestRequestedOutputParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ModelVersionInferJsonInferenceRequestRequestedOutputParameters.from_dict(_parameters)

        model_version_infer_json_inference_request_requested_output = cls(
            name=name,
            parameters=parameters,
        )

        model_version_infer_json_inference_request_requested_output.additional_properties = d
        return model_version_infer_json_inference_request_requested_output

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
