from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_infer_json_inference_request_tensor_input_parameters import (
        ModelInferJsonInferenceRequestTensorInputParameters,
    )


T = TypeVar("T", bound="ModelInferJsonInferenceRequestTensorInput")


@_attrs_define
class ModelInferJsonInferenceRequestTensorInput:
    """
    Attributes:
        name (str):
        shape (list[int]):
        datatype (str):
        parameters (ModelInferJsonInferenceRequestTensorInputParameters | Unset):
        data (Any | Unset):
    """

    name: str
    shape: list[int]
    datatype: str
    parameters: ModelInferJsonInferenceRequestTensorInputParameters | Unset = UNSET
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        shape = self.shape

        datatype = self.datatype

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "shape": shape,
                "datatype": datatype,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_infer_json_inference_request_tensor_input_parameters import (
            ModelInferJsonInferenceRequestTensorInputParameters,  # noqa: PLC0415
        )

        d = dict(src_dict)
        name = d.pop("name")

        shape = cast(list[int], d.pop("shape"))

        datatype = d.pop("datatype")

        _parameters = d.pop("parameters", UNSET)
        parameters: ModelInferJsonInferenceRequestTensorInputParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ModelInferJsonInferenceRequestTensorInputParameters.from_dict(_parameters)

        data = d.pop("data", UNSET)

        model_infer_json_inference_request_tensor_input = cls(
            name=name,
            shape=shape,
            datatype=datatype,
            parameters=parameters,
            data=data,
        )

        model_infer_json_inference_request_tensor_input.additional_properties = d
        return model_infer_json_inference_request_tensor_input

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
